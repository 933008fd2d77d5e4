/**
 * Builds the search index over the built site, as the last step of `astro build`,
 * with Pagefind's Node API (https://pagefind.app/docs/node-api/).
 *
 * Only article bodies are indexed: the article page marks its `<article>` with
 * `data-pagefind-body`, so pages without it (special pages, the home page) are
 * left out, and `NOT_SEARCHED` drops the parts of an article that readers do
 * not search for.
 */
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { NOT_SEARCHED } from '../scripts/search-scope.ts';

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
    return summarize((await index.getFiles()).files);
  } finally {
    await close();
  }
}

function summarize(files: ReadonlyArray<{ path: string; content: Uint8Array }>): SearchIndexReport {
  const entry = files.find((f) => f.path === 'pagefind-entry.json');
  const languages = entry ? (JSON.parse(new TextDecoder().decode(entry.content)) as PagefindEntry).languages : {};
  return {
    pages: Object.values(languages).reduce((sum, language) => sum + language.page_count, 0),
    indexBytes: files.filter((f) => /\.pf_(meta|index|filter|fragment)$/.test(f.path)).reduce((sum, f) => sum + f.content.byteLength, 0),
  };
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
