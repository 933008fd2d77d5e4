/**
 * The pre-pass, read ahead by `npm run build` while Astro starts. Astro's process takes 2–3 s to load itself and
 * the config before the wiki's pre-pass begins, seconds in which `npm run build`'s own process has nothing to do
 * and a core is idle (bench/RESULTS.md, 2026-12-05 sixth session). So `npm run build` parses every article then,
 * into the pre-pass cache (src/content-folder/prepass-cache.ts), and Astro's pre-pass waits for it and finds
 * every result there.
 *
 * Nothing depends on it for correctness: the cache is keyed by each article's text and the pre-pass's code, and
 * Astro's pre-pass parses whatever it lacks, so a read ahead that failed or was left out costs time, never a
 * wrong page. The two processes meet through a marker file: `npm run build` names it in the environment of
 * Astro's process (WIKI_PREPASS_AHEAD, with its own pid: src/content-folder/settings.ts) and writes it when the
 * read ahead is over (cli/build.ts).
 */
import { existsSync } from 'node:fs';
import { fillCache } from '../content-folder/prepass-cache.ts';
import { readContentFolder } from '../content-folder/read-folder.ts';
import type { PrepassAhead } from '../content-folder/settings.ts';
import { cacheCodeDigest } from './caches.ts';

/**
 * Parse every article of `contentDir` into the pre-pass cache at `cacheFile` (articles already there are not
 * parsed again). Never rejects: the folder's problems are Astro's pre-pass's to report, with file and line, and
 * it parses whatever the cache lacks; this only says that it gave up.
 */
export async function readAhead(contentDir: string, cacheFile: string): Promise<void> {
  try {
    // The cache keeps the results a build uses: every article's.
    await fillCache(cacheFile, cacheCodeDigest('prepass'), readContentFolder(contentDir).sources);
  } catch (error) {
    console.error(`[wiki] reading the articles ahead of Astro failed (${error instanceof Error ? error.message : String(error)}); Astro's pre-pass reads them`);
  }
}

/**
 * Wait until the read ahead is over. Returns at once when this process is not the child of the one reading
 * ahead (a variable left in a shell's environment, `astro build` run by hand), and stops waiting if it stops
 * being its child.
 */
export async function waitForReadAhead(ahead: PrepassAhead, isChild: () => boolean = () => process.ppid === ahead.pid): Promise<void> {
  while (isChild() && !existsSync(ahead.marker)) await new Promise((resolve) => setTimeout(resolve, 10));
}
