/**
 * What `npm run build` (cli/build.ts) needs to know before it puts a new site in place: that Astro's process
 * went through every step of the build, not only that it exited with status 0. Code that ends the process
 * early (`process.exit(0)` in an article compiled in trusted mode, a plugin that gives up) exits with 0 too.
 * Each step writes its name to the receipt file when it is done; the site is published only when the receipt
 * lists them all.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** The environment variable through which cli/build.ts names the receipt file for the `astro build` it runs. */
export const BUILD_RECEIPT = 'WIKI_BUILD_RECEIPT';

/** The steps of a build, each recorded by the hook that ends it. */
export const BUILD_STEPS = ['pages', 'previews', 'sitemap', 'security-check', 'background-writes'] as const;
export type BuildStep = (typeof BUILD_STEPS)[number];

/** Record that `step` is done, when the build was asked for a receipt. */
export function recordBuildStep(step: BuildStep, env: NodeJS.ProcessEnv = process.env): void {
  const file = env[BUILD_RECEIPT];
  if (file) appendFileSync(file, `${step}\n`);
}

/** The steps the receipt does not list (all of them when there is no receipt). */
export function missingBuildSteps(file: string): BuildStep[] {
  const done = new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []);
  return BUILD_STEPS.filter((step) => !done.has(step));
}
