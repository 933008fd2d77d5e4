/**
 * Builds the search index over the built site with Pagefind's command-line program
 * (https://pagefind.app/docs/config-options/), run in its own process.
 *
 * Only article bodies are indexed: the article page marks its `<article>` with
 * `data-pagefind-body`, so pages without it (special pages, the home page) are
 * left out, and `NOT_SEARCHED` drops the parts of an article that readers do
 * not search for.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOT_SEARCHED } from '../scripts/search-scope.ts';

/**
 * Set by `npm run build` (scripts/build.ts) for the `astro build` it runs: the integration then leaves the
 * index to the script, which builds it once Astro has exited (at 5,000 articles Astro's process holds
 * ~1.8 GB and Pagefind's ~1.5 GB; one after the other, the build never needs both at once).
 */
export const SEARCH_INDEX_AFTER_BUILD = 'WIKI_SEARCH_INDEX_AFTER_BUILD';

export interface SearchIndexReport {
  /** Articles in the index. */
  pages: number;
  /** Bytes of index data (metadata, word index, filters, page fragments), without Pagefind's own scripts. */
  indexBytes: number;
}

/**
 * Pagefind's own launcher (its package's `bin`), which finds the program built for this platform. The command
 * line writes the same index as the Node API's `createIndex` with the same options (the same files, byte for
 * byte, at 5,000 articles) in less time: 18.0 s against 21.7 s at 5,000 articles (bench/RESULTS.md).
 */
const PAGEFIND_LAUNCHER = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner/bin.cjs');

/** The command-line arguments that index `siteDir` into `siteDir/pagefind/`. */
export function pagefindArguments(siteDir: string): string[] {
  return ['--site', siteDir, '--output-path', join(siteDir, 'pagefind'), '--silent', ...NOT_SEARCHED.flatMap((s) => ['--exclude-selectors', s.selector])];
}

/** Index the HTML in `siteDir` and write the bundle to `siteDir/pagefind/`. */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexReport> {
  const { status, output } = await new Promise<{ status: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [PAGEFIND_LAUNCHER, ...pagefindArguments(siteDir)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code, output }));
  });
  if (status !== 0) {
    const lines = [...new Set(output.split('\n').map((line) => line.trim()).filter(Boolean))].slice(-5);
    throw new SearchIndexError(`stopped (exit ${status ?? 'by a signal'}) while indexing ${siteDir}`, lines);
  }
  return summarize(join(siteDir, 'pagefind'));
}

function summarize(outputPath: string): SearchIndexReport {
  const { languages } = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  let indexBytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.pf_(meta|index|filter|fragment)$/.test(entry.name)) indexBytes += statSync(path).size;
    }
  };
  walk(outputPath);
  return { pages: Object.values(languages).reduce((sum, language) => sum + language.page_count, 0), indexBytes };
}

/** The part of `pagefind-entry.json` read here. */
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

export class SearchIndexError extends Error {
  constructor(what: string, errors: string[]) {
    super(`search index: Pagefind ${what}: ${errors.join('; ') || 'no detail given'}. The site is built; run the build again, and report the message if it repeats.`);
    this.name = 'SearchIndexError';
  }
}
