/** Files the engine keeps in the folders it writes, by name. */

/** Written into every finished site, so that a later build knows the folder is one it may replace. */
export const SITE_MARKER = '.wiki-site';
export const SITE_MARKER_TEXT = 'A site built by the wiki engine: a build replaces this folder whole.\n';

/** A part of a site (a shard, or a build not yet finished) keeps its own files here (src/postbuild/site-parts.ts). */
export const PART_FOLDER = '.wiki-part';

/**
 * Set by `npm run build` (cli/build.ts) for the `astro build` it runs: the integration then leaves the search
 * index to the script, which builds it once Astro's process has written its part and is exiting (at 5,000 articles
 * Astro's process holds ~1.8 GB and Pagefind's ~1.5 GB; one after the other, the build never needs both at once).
 */
export const SEARCH_INDEX_AFTER_BUILD = 'WIKI_SEARCH_INDEX_AFTER_BUILD';

/**
 * The line Astro's process writes to its standard output, for the script (SEARCH_INDEX_AFTER_BUILD) and never
 * shown, once its part of the site is written whole: the script starts the search index then, not once the process
 * has exited, which takes a tenth of a second more (its memory given back) and holds nothing Pagefind needs.
 */
export const PART_WRITTEN_LINE = '\u0000wiki:part-written';

/** The steps of a build, each recorded by the hook that ends it; a part is finished only when all are done. */
export const BUILD_STEPS = ['pages', 'previews', 'sitemap', 'security-check', 'background-writes', 'search'] as const;
export type BuildStep = (typeof BUILD_STEPS)[number];

/** A page of the sitemap: its path (`/wiki/nvidia/`) and, for an article, the date of its last change. */
export interface SitemapEntry {
  path: string;
  lastmod?: string;
}

/** An article page, as the search's indexing needs to know it (noted by the security check, src/postbuild/search-pages.ts). */
export interface SearchPage {
  /** The page's file, relative to the site's folder, with `/`. */
  path: string;
  /** Its size: batches are balanced by it. */
  bytes: number;
  /** Whether it may hold Chinese or Japanese text, whose words are spaced before indexing (src/shared/search-cjk.ts). */
  cjk?: true;
}
