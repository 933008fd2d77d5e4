/**
 * The data that pages read about the whole wiki, computed once per build from
 * the page index, the link graph and the commit dates, and handed to pages as
 * `virtual:wiki/data`. Pages only read it: every list here is already sorted.
 */
import { MAIN_PAGE_ID, namespaceOf, tagSlug, urlForId, urlForTag, type PageId } from './ids.ts';
import { orphans, readableText, redirects, type LinkGraph } from './link-graph.ts';
import type { PageIndex, PageRecord } from './page-index.ts';
import { resolveWikiLink } from './resolve-wiki-link.ts';
import { hasSeeAlsoSection } from './see-also.ts';

export interface PageSummary {
  id: PageId;
  title: string;
  url: string;
  file: string;
  description: string;
  tags: string[];
  aliases: PageId[];
  /**
   * The frontmatter's `seeAlso`, resolved: an article, or a missing page (a red link).
   * Empty when the body has its own "See also" section: the entries are merged into it there.
   */
  seeAlso: Array<{ id: PageId; exists: boolean }>;
  /** ISO date from frontmatter, if any. */
  updated?: string;
  /** The first image, for link previews. */
  image?: { src: string; alt: string };
  /** `updated`, else the date of the file's last commit; absent for a file never committed. */
  changed?: string;
  /** The last commit that changed the file (its full hash), the revision a reader sees; absent for a file never committed. */
  revision?: string;
}

export interface WikiData {
  pages: Record<string, PageSummary>;
  backlinks: Record<string, Array<{ from: PageId; context: string }>>;
  wanted: Array<{ id: PageId; links: Array<{ from: PageId; file: string; line: number }> }>;
  /** Articles that no other article links to, A–Z. */
  orphans: PageId[];
  /** The main page (`index.mdx`), when the wiki has one: served at `/`, and left out of the lists of articles. */
  mainPage: PageId | undefined;
  /** Articles A–Z by title, grouped by namespace ('' is the root, first; then namespaces A–Z). */
  namespaces: Array<{ namespace: string; pages: PageId[] }>;
  /** Tags A–Z, each with its page and its articles A–Z. */
  tags: Array<{ tag: string; slug: string; url: string; pages: PageId[] }>;
  /** Articles by `changed`, newest first; articles with no date last, A–Z. */
  recent: PageId[];
  /** Alias → article, one redirect page each. */
  redirects: Array<{ alias: PageId; to: PageId }>;
  /** `pages`: articles, the main page not counted. */
  stats: { pages: number; links: number; redLinks: number };
}

/** What previews, See also and page lists say about an article: its description, else its lead. */
export function pageDescription(page: PageRecord, index: PageIndex): string {
  return page.article.frontmatter.description ?? readableText(page.article.lead, index, page.id);
}

const byTitle = (a: PageSummary, b: PageSummary) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/** Articles A–Z grouped by namespace: the root first, then namespaces A–Z. */
export function groupByNamespace(pages: PageSummary[]): WikiData['namespaces'] {
  const groups = new Map<string, PageSummary[]>();
  for (const page of pages) {
    const namespace = namespaceOf(page.id).join(':');
    const group = groups.get(namespace) ?? [];
    group.push(page);
    groups.set(namespace, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([namespace, list]) => ({ namespace, pages: list.sort(byTitle).map((p) => p.id) }));
}

/** Tags A–Z with their articles; spellings that differ only in case or punctuation share one page. */
export function groupByTag(pages: PageSummary[]): WikiData['tags'] {
  const groups = new Map<string, { tag: string; pages: PageSummary[] }>();
  for (const page of pages) {
    // A page that writes one tag twice (`[GPU, gpu]`) is listed once.
    for (const slug of new Set(page.tags.map(tagSlug))) {
      if (slug === '') continue;
      const group = groups.get(slug) ?? { tag: page.tags.find((tag) => tagSlug(tag) === slug) ?? slug, pages: [] };
      group.pages.push(page);
      groups.set(slug, group);
    }
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => a.tag.localeCompare(b.tag))
    .map(([slug, { tag, pages: list }]) => ({ tag, slug, url: urlForTag(tag), pages: list.sort(byTitle).map((p) => p.id) }));
}

/** Newest change first; undated articles last, A–Z. */
export function byRecentChange(pages: PageSummary[]): PageId[] {
  return [...pages].sort((a, b) => (b.changed ?? '').localeCompare(a.changed ?? '') || byTitle(a, b)).map((p) => p.id);
}

/**
 * @param commitDates file (relative to the content folder) → `YYYY-MM-DD` of its last commit,
 *   read once per build (src/content-folder/wiki-history.ts).
 * @param revisions file → the hash of its last commit.
 */
export function toWikiData(
  index: PageIndex,
  graph: LinkGraph,
  commitDates: ReadonlyMap<string, string> = new Map(),
  revisions: ReadonlyMap<string, string> = new Map(),
): WikiData {
  const pages: WikiData['pages'] = {};
  for (const page of index.pages.values()) {
    const fm = page.article.frontmatter;
    const updated = fm.updated ? fm.updated.toISOString().slice(0, 10) : undefined;
    const changed = updated ?? commitDates.get(page.file);
    const revision = revisions.get(page.file);
    pages[page.id] = {
      id: page.id,
      title: page.title,
      url: urlForId(page.id),
      file: page.file,
      description: pageDescription(page, index),
      tags: fm.tags,
      aliases: page.aliasIds,
      seeAlso: hasSeeAlsoSection(page.article.headings)
        ? []
        : fm.seeAlso.flatMap((written) => {
            const resolution = resolveWikiLink(written, index, page.id);
            return resolution.kind === 'invalid' ? [] : [{ id: resolution.id, exists: resolution.kind === 'page' }];
          }),
      ...(updated ? { updated } : {}),
      ...(changed ? { changed } : {}),
      ...(revision ? { revision } : {}),
      ...(page.article.image ? { image: page.article.image } : {}),
    };
  }
  const mainPage = pages[MAIN_PAGE_ID] ? MAIN_PAGE_ID : undefined;
  // The main page is the wiki's front door, not one of its articles: lists of articles leave it out.
  const summaries = Object.values(pages).filter((page) => page.id !== mainPage);
  const backlinks: WikiData['backlinks'] = {};
  for (const [id, list] of graph.backlinks) backlinks[id] = list;
  const wanted = [...graph.wanted.entries()]
    .map(([id, links]) => ({
      id,
      links: links
        .map((l) => ({ from: l.from, file: l.file, line: l.line }))
        .sort((a, b) => (pages[a.from]?.title ?? a.from).localeCompare(pages[b.from]?.title ?? b.from) || a.line - b.line),
    }))
    .sort((a, b) => b.links.length - a.links.length || a.id.localeCompare(b.id));
  return {
    pages,
    backlinks,
    wanted,
    orphans: orphans(index, graph).filter((id) => id !== mainPage),
    mainPage,
    namespaces: groupByNamespace(summaries),
    tags: groupByTag(summaries),
    recent: byRecentChange(summaries),
    redirects: redirects(index),
    stats: { pages: summaries.length, links: graph.linkCount, redLinks: graph.redLinks.length },
  };
}

/** The summaries of the given ids, skipping any that is not an article. */
export function pagesOf(data: Pick<WikiData, 'pages'>, ids: readonly PageId[]): PageSummary[] {
  return ids.flatMap((id) => data.pages[id] ?? []);
}
