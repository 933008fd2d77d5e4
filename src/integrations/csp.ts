/**
 * Content-Security-Policy: wiring only (the policy is src/lib/csp.ts). Turns on
 * Astro's `security.csp` with our directives and the hashes of our own inline
 * scripts; after the build, checks every page (a policy, no inline script it
 * would block, no inline event handler) and writes `_headers`.
 */
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES, checkPages, cspHash, headersFile, inlineScriptsOfComponent, sitePolicy, type PagesCheck } from '../lib/csp.ts';
import { askWorker } from '../lib/worker.ts';

/** From this many pages on, a worker thread checks the first half while this thread checks the rest (1.3 ms a page; a worker starts in ~0.3 s). */
export const PAGES_FOR_A_WORKER = 1000;

/** Check every page, on two threads for a large site; the results come in the order of `files` either way. */
export async function checkBuiltPages(files: string[], outDir: string, cores = availableParallelism()): Promise<PagesCheck> {
  if (files.length < PAGES_FOR_A_WORKER || cores < 2) return checkPages(files, outDir);
  const half = Math.ceil(files.length / 2);
  const first = askWorker<{ files: string[]; outDir: string }, PagesCheck>(new URL('../lib/csp-worker.ts', import.meta.url), { files: files.slice(0, half), outDir });
  const second = checkPages(files.slice(half), outDir);
  const before = await first;
  return { policies: [...before.policies, ...second.policies], problems: [...before.problems, ...second.problems] };
}

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, extension);
    return name.endsWith(extension) ? [full] : [];
  });
}

export function csp(): AstroIntegration {
  return {
    name: 'wiki:csp',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // Our `<script is:inline>` snippets (e.g. ThemeInit.astro), allowed by hash; articles cannot add scripts (src/lib/unsafe-content.ts).
        const components = filesUnder(fileURLToPath(new URL('src/', config.root)), '.astro');
        const hashes = components.flatMap((file) => inlineScriptsOfComponent(readFileSync(file, 'utf8'))).map((script) => cspHash(script) as `sha256-${string}`);
        updateConfig({ security: { csp: { algorithm: 'SHA-256', directives: [...CSP_DIRECTIVES], scriptDirective: { resources: SCRIPT_RESOURCES, hashes } } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { policies, problems } = await checkBuiltPages(filesUnder(outDir, '.html'), outDir);
        if (problems.length > 0) throw new Error(`The site's Content-Security-Policy would break pages:\n${problems.map((p) => `  ${p}`).join('\n')}`);
        writeFileSync(join(outDir, '_headers'), headersFile(sitePolicy(policies)));
        logger.info(`Content-Security-Policy on ${policies.length} pages, and in _headers`);
      },
    },
  };
}
