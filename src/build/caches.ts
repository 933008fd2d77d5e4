/**
 * Every cache the build keeps between builds, in one place: where it lives, what it holds, and the code whose
 * digest is part of its key (src/build/code-digest.ts), so that a change to that code makes the cache stale by
 * itself. ARCHITECTURE.md has the same table for readers. All of them live in the cache folder
 * (WIKI_CACHE_DIR); deleting it costs one slower build, never a wrong one.
 */
import { join } from 'node:path';
import { codeDigest } from './code-digest.ts';

export interface CacheDescription {
  /** Where it lives, relative to the cache folder. */
  path: string;
  /** What it holds, and what its key is made of besides the code. */
  holds: string;
  /** The modules whose code (with all they import) is part of its key; empty for caches Astro keys itself. */
  code: URL[];
}

export const CACHES = {
  prepass: {
    path: 'wiki-prepass.bin',
    holds: "each article's pre-pass result (frontmatter, headings, links, citations, MDX features), keyed by its file name and text",
    code: [new URL('../model/parse-article.ts', import.meta.url)],
  },
  articleHtml: {
    path: 'wiki-html',
    holds:
      "each article's rendered HTML and frontmatter (its References), one file per digest of its text, what it shows of other articles (titles, descriptions, sections), the entries it cites and the rendering settings",
    code: [new URL('../render/article-renderer.ts', import.meta.url), new URL('../astro/article-loader.ts', import.meta.url)],
  },
  contentStore: {
    path: 'data-store.json',
    holds: "Astro's content store: each article's entry (frontmatter, headings, the path of its HTML), under the same digest as its HTML",
    code: [new URL('../render/article-renderer.ts', import.meta.url), new URL('../astro/article-loader.ts', import.meta.url)],
  },
  pages: {
    path: 'wiki-pages',
    holds:
      "Astro's incremental build: the article pages and redirects of the last build, each kept under its cacheKey (the article's digest and everything the page shows of other articles), as a second name (hard link) of the page's file (src/astro/page-copies.ts)",
    code: [new URL('../model/wiki-data.ts', import.meta.url), new URL('../astro/page-cache-keys.ts', import.meta.url)],
  },
  history: {
    path: 'wiki-history.bin',
    holds:
      "the content folder's commits up to the HEAD the last build saw, and the word diffs of articles' latest changes by the pair of texts compared, keyed by the content folder",
    code: [new URL('../content-folder/wiki-history.ts', import.meta.url), new URL('../content-folder/git-history.ts', import.meta.url)],
  },
  securityCheck: {
    path: 'wiki-csp-checked.json',
    holds: 'the Content-Security-Policy of each built page that passed the security check, keyed by the hash of its bytes',
    code: [new URL('../postbuild/csp.ts', import.meta.url)],
  },
  historyBodies: {
    path: 'wiki-history-checked.json',
    holds: "the digests of the history pages' bodies that passed the security check (src/postbuild/history-bodies.ts)",
    code: [new URL('../postbuild/csp.ts', import.meta.url)],
  },
} as const satisfies Record<string, CacheDescription>;

export type CacheName = keyof typeof CACHES;

/** The code part of a cache's key. */
export function cacheCodeDigest(name: CacheName): string {
  return codeDigest(...CACHES[name].code);
}

/** Where a cache lives for a build whose cache folder is `cacheDir`. */
export function cachePath(cacheDir: string, name: CacheName): string {
  return join(cacheDir, CACHES[name].path);
}

/** Not caches, but files the build writes beside them and rewrites every time. */
export const WORK_FILES = {
  citations: {
    path: 'wiki-citations',
    holds: 'the CSL-JSON of the bibliography entries each article cites, which rehype-citation reads while rendering',
  },
} as const;
