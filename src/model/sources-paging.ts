/**
 * How Special:Sources is split into pages (src/pages/special/sources/[...page].astro): SOURCES_PER_PAGE sources
 * to a page, as MediaWiki's special pages list at most 500 lines at a time. Here, apart from the page, because a
 * sharded build shares these pages out among its shards (src/model/shards.ts).
 */
export const SOURCES_PER_PAGE = 500;

/** The number of pages a list of `total` lines takes: at least one, which says when the list is empty. */
export function pageCount(total: number, perPage = SOURCES_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The page (from 1) that shows the source at `position` (from 0) of the list. */
export function sourcesPageOf(position: number): number {
  return Math.floor(position / SOURCES_PER_PAGE) + 1;
}

/** The address of page `page` (from 1) of Special:Sources: the first is /special/sources/. */
export function sourcesPageUrl(page: number): string {
  return page <= 1 ? '/special/sources/' : `/special/sources/${page}/`;
}

/** The page of Special:Sources at the address `path`, or undefined for any other address. */
export function sourcesPageAt(path: string): number | undefined {
  const match = /^\/special\/sources\/(?:([1-9]\d*)\/)?$/.exec(path);
  return match ? Number(match[1] ?? 1) : undefined;
}
