/**
 * Builds the search index over the built site, as the last step of `astro build`,
 * with Pagefind's Node API (https://pagefind.app/docs/node-api/).
 *
 * Only article bodies are indexed: the article page marks its `<article>` with
 * `data-pagefind-body`, so pages without it (special pages, the home page) are
 * left out, and `NOT_SEARCHED` drops the parts of an article that readers do
 * not search for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
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

/** Index the HTML in `siteDir` and write the bundle to `siteDir/pagefind/`. */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexReport> {
  try {
    const { index, errors } = await createIndex({ excludeSelectors: NOT_SEARCHED.map((s) => s.selector) });
    if (!index) throw new SearchIndexError('could not start', errors);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new SearchIndexError(`could not read the pages in ${siteDir}`, added.errors);
    const outputPath = join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError(`could not write ${outputPath}`, written.errors);
  } finally {
    await close();
  }
  // Read from the disk: Pagefind's getFiles() would send every file back through its pipe (2 s at 1,000 articles).
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
