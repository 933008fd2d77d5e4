/**
 * Loads Pagefind's search API (`/pagefind/pagefind.js`, written by the build)
 * the first time it is needed, and never before: reading an article costs no
 * search bytes. Types cover the part of the API this site uses
 * (https://pagefind.app/docs/api/).
 */
import { spaceCjkWords } from '../shared/search-cjk.ts';
import { HIGHLIGHT_PARAM } from '../shared/search-scope.ts';

export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

export interface PagefindWordLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  weighted_locations: PagefindWordLocation[];
  anchor?: PagefindAnchor;
}

export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}

export type FilterCounts = Record<string, Record<string, number> | undefined>;

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: { filters?: Record<string, unknown> }) => Promise<PagefindSearch | null>;
  filters: () => Promise<FilterCounts>;
}

/** Where the build writes Pagefind's bundle (see `src/postbuild/search-index.ts`). */
export const PAGEFIND_BUNDLE = '/pagefind/';

let loading: Promise<Pagefind> | undefined;

/** Pagefind, loaded and set up once per page. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${PAGEFIND_BUNDLE}pagefind.js`)) as Pagefind;
    await pagefind.options({
      // Search on the page's own thread: a wiki's queries are quick, and the worker
      // would be one more script (43 KB) to fetch before the first result.
      noWorker: true,
      excerptLength: 24,
      excerptEllipsis: '…',
      // Result links carry the words, and the article highlights them (search-highlight.ts).
      highlightParam: HIGHLIGHT_PARAM,
    });
    await pagefind.init();
    // The index reads Chinese and Japanese runs split into words (search-cjk.ts): so are the reader's.
    return { ...pagefind, search: (term, options) => pagefind.search(term === null ? null : spaceCjkWords(term), options) };
  })();
  return loading;
}
