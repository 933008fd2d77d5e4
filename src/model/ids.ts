/**
 * The one module that owns page ids, file paths and URLs.
 *
 * A page id is DokuWiki-style: lower case, `:` between namespaces, `_` for
 * spaces and punctuation (https://www.dokuwiki.org/pagename). Everything that
 * turns an id into a path or a URL goes through the functions below; nothing
 * else builds wiki URLs by string concatenation.
 */

declare const pageIdBrand: unique symbol;
/** A normalised page id such as `hardware:ascend_910b`. */
export type PageId = string & { readonly [pageIdBrand]: true };

/** Separator between namespace segments of an id. */
export const NAMESPACE_SEPARATOR = ':';
/** Extension of article files. */
export const ARTICLE_EXTENSION = '.mdx';
/** URL prefix under which every article is served, so ids never collide with site pages. */
export const WIKI_BASE = '/wiki/';

/**
 * The main page's id: `index.mdx` at the content folder's root is the wiki's home page, served at `/` (not
 * under /wiki/), as Wikipedia's Main Page is a page. `[[index]]` links there. It is left out of the lists of
 * articles (All pages, tags, orphans); its history is `/special/history/index/`.
 */
export const MAIN_PAGE_ID = 'index' as PageId;

/** Where each article's history lives: under /special/, so that no article id (`history` included) can collide. */
export const HISTORY_BASE = '/special/history/';

/** The Atom feed of Recent changes. */
export const RECENT_CHANGES_FEED = '/special/recent-changes.atom';

// Letters and digits of any script, plus the few marks DokuWiki keeps in ids.
const NOT_ALLOWED = /[^\p{L}\p{N}_.\-:]+/gu;

/**
 * Normalise any written form of a page name to its id, the same way every time:
 * `Hardware:Ascend 910B` → `hardware:ascend_910b`, `Nvidia GPUs` → `nvidia_gpus`,
 * `Émile` → `emile`, `华为` → `华为`. `/` and `;` separate namespaces like `:`.
 * Returns an empty string when nothing of the name is left.
 */
export function normalizeId(name: string): PageId | '' {
  const lowered = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // strip accents: é → e (DokuWiki's deaccent)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[/;]/g, NAMESPACE_SEPARATOR)
    .replace(NOT_ALLOWED, '_');
  const segments = lowered
    .split(NAMESPACE_SEPARATOR)
    .map((segment) => segment.replace(/_+/g, '_').replace(/^[._-]+|[._-]+$/g, ''))
    .filter((segment) => segment.length > 0);
  return segments.join(NAMESPACE_SEPARATOR) as PageId | '';
}

/** True when `value` is already a normalised id. */
export function isPageId(value: string): value is PageId {
  return value.length > 0 && normalizeId(value) === value;
}

/** The namespace segments of an id: `a:b:c` → `['a', 'b']`. */
export function namespaceOf(id: PageId): string[] {
  return id.split(NAMESPACE_SEPARATOR).slice(0, -1);
}

/** The last segment of an id: `hardware:ascend_910b` → `ascend_910b`. */
export function baseNameOf(id: PageId): string {
  return id.split(NAMESPACE_SEPARATOR).at(-1) ?? id;
}

/**
 * The id of an article from its path relative to the content folder:
 * `hardware/ascend_910b.mdx` → `hardware:ascend_910b`. Returns '' for a path
 * with no usable name; callers report that as an error.
 */
export function idFromPath(relativePath: string): PageId | '' {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.mdx?$/i, '');
  return normalizeId(withoutExtension.split('/').join(NAMESPACE_SEPARATOR));
}

/** The path, relative to the content folder, where an article with this id lives. */
export function pathForId(id: PageId): string {
  return id.split(NAMESPACE_SEPARATOR).join('/') + ARTICLE_EXTENSION;
}

/** The route parameter of an article (`[...slug]`): `hardware/ascend_910b`. */
export function slugParamForId(id: PageId): string {
  return id.split(NAMESPACE_SEPARATOR).join('/');
}

/** The URL of an article: `/wiki/hardware/ascend_910b/`, segments percent-encoded; the main page's is `/`. */
export function urlForId(id: PageId, section?: string): string {
  const hash = section ? `#${encodeURIComponent(section)}` : '';
  if (id === MAIN_PAGE_ID) return `/${hash}`;
  const path = id.split(NAMESPACE_SEPARATOR).map(encodeURIComponent).join('/');
  return `${WIKI_BASE}${path}/${hash}`;
}

/** The history page of an article: `/special/history/hardware/ascend_910b/`. */
export function historyUrlForId(id: PageId): string {
  return `${HISTORY_BASE}${id.split(NAMESPACE_SEPARATOR).map(encodeURIComponent).join('/')}/`;
}

/** The id of an article from its URL path, or '' when the path is not an article's (`/` is the main page's). */
export function idFromUrl(pathname: string): PageId | '' {
  if (pathname === '/' || pathname === '/index.html') return MAIN_PAGE_ID;
  if (!pathname.startsWith(WIKI_BASE)) return '';
  const rest = pathname.slice(WIKI_BASE.length).replace(/\/(index\.html)?$/, '');
  return normalizeId(rest.split('/').map(decodeURIComponent).join(NAMESPACE_SEPARATOR));
}

/**
 * Resolve DokuWiki's relative link forms against the linking page:
 * `.:sibling` and `..:uncle` are relative to the linking page's namespace,
 * a leading `:` means the root. Everything else is already absolute.
 */
export function absoluteTarget(target: string, from: PageId | undefined): string {
  const trimmed = target.trim();
  if (trimmed.startsWith(':')) return trimmed.slice(1);
  if (!from || !/^\.\.?:/.test(trimmed)) return trimmed;
  const namespace = namespaceOf(from);
  let rest = trimmed;
  while (rest.startsWith('..:') || rest.startsWith('.:')) {
    if (rest.startsWith('..:')) {
      namespace.pop();
      rest = rest.slice(3);
    } else {
      rest = rest.slice(2);
    }
  }
  return [...namespace, rest].join(NAMESPACE_SEPARATOR);
}

/** Where a red link points: the wanted page's entry for the missing id, which says how to create it. */
export function wantedUrlForId(id: PageId): string {
  return `/special/wanted/#${encodeURIComponent(anchorForId(id))}`;
}

/** An HTML id for an entry about a page in a list (wanted pages, all pages). */
export function anchorForId(id: PageId): string {
  return `page-${id.replace(/:/g, '--')}`;
}

/** Where the small prebuilt preview of an article lives: `/previews/hardware/ascend_910b.json`. */
export function previewUrlForId(id: PageId): string {
  return `/previews/${id.split(NAMESPACE_SEPARATOR).map(encodeURIComponent).join('/')}.json`;
}

/** The URL segment of a tag: `High Bandwidth Memory` → `high-bandwidth-memory`; '' when nothing is left. */
export function tagSlug(tag: string): string {
  return tag
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The page listing a tag's articles: `/special/tags/hardware/`. */
export function urlForTag(tag: string): string {
  return `/special/tags/${encodeURIComponent(tagSlug(tag))}/`;
}
