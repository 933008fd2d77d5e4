/**
 * The wiki's lists as HTML (hast): the featured article, recent changes, articles by topic, the number of
 * articles. One implementation for the lists an article embeds (src/render/plugins/remark-wiki-lists.ts) and for
 * the home page a wiki without `index.mdx` gets (src/pages/index.astro). Pure: data in, trees out.
 */
import type { Element, ElementContent, Text } from 'hast';
import { h } from 'hastscript';
import type { RecentChange } from '../model/history.ts';
import { MAIN_PAGE_ID, urlForId } from '../model/ids.ts';
import type { PageIndex } from '../model/page-index.ts';
import { pageDescription } from '../model/wiki-data.ts';
import type { WikiListUse } from '../model/wiki-lists.ts';
import { translator, type Translator } from '../shared/translate.ts';

/** What the lists show of an article. */
export interface ListedPage {
  id: string;
  title: string;
  url: string;
  description: string;
  tags: string[];
  image?: { src: string; alt: string } | undefined;
}

/** One line of recent changes, as the lists show it. */
export interface ListedChange {
  /** When the change was written, ISO 8601. */
  date: string;
  author: string;
  subject: string;
  /** The article's title, or its file when the article is gone. */
  title: string;
  /** The article's address, when it still exists. */
  url?: string | undefined;
}

export interface ListData {
  /** The articles, the main page left out. */
  pages: ListedPage[];
  /** Newest first. */
  recent: ListedChange[];
  /** Where the full list of recent changes is. */
  recentChangesUrl: string;
  t: Translator;
}

/** What the lists need, from the page index and the wiki's recent changes (plain data, for worker threads too). */
export function listData(index: PageIndex, recent: readonly ListedChange[], strings: Readonly<Record<string, string>>, language: string): ListData {
  const pages: ListedPage[] = [];
  for (const page of index.pages.values()) {
    if (page.id === MAIN_PAGE_ID) continue;
    const { frontmatter, image } = page.article;
    pages.push({ id: page.id, title: page.title, url: urlForId(page.id), description: pageDescription(page, index), tags: frontmatter.tags, image });
  }
  return { pages, recent: [...recent], recentChangesUrl: '/special/recent-changes/', t: translator(strings, language) };
}

/** Recent changes as the lists show them: each change with its article's title and address, or its file when gone. */
export function listedChanges(recent: readonly RecentChange[], titleOf: (file: string) => { title: string; url: string } | undefined): ListedChange[] {
  return recent.map(({ commit, change, file }) => {
    const page = file === undefined ? undefined : titleOf(file);
    return { date: commit.date, author: commit.author, subject: commit.subject, title: page?.title ?? change.path, ...(page ? { url: page.url } : {}) };
  });
}

/** Articles grouped by tag, tags A–Z, titles A–Z; untagged articles last, under "Other". */
export function pagesByTag(pages: readonly ListedPage[], other: string): Array<{ tag: string; pages: ListedPage[] }> {
  const groups = new Map<string, ListedPage[]>();
  const untagged: ListedPage[] = [];
  for (const page of pages) {
    if (page.tags.length === 0) untagged.push(page);
    for (const tag of page.tags) groups.set(tag, [...(groups.get(tag) ?? []), page]);
  }
  const byTitle = (a: ListedPage, b: ListedPage) => a.title.localeCompare(b.title);
  return [
    ...[...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tag, list]) => ({ tag, pages: list.sort(byTitle) })),
    ...(untagged.length > 0 ? [{ tag: other, pages: untagged.sort(byTitle) }] : []),
  ];
}

const link = (page: Pick<ListedPage, 'url' | 'title'>) => h('a', { className: ['wikilink'], href: page.url }, page.title);

function featured(page: ListedPage | undefined): Element {
  if (!page) return h('div', { className: ['featured-article'] });
  return h('div', { className: ['featured-article'] }, [
    ...(page.image ? [h('img', { src: page.image.src, alt: page.image.alt, loading: 'lazy', className: ['featured-image'] })] : []),
    h('p', { className: ['featured-title'] }, [link(page)]),
    ...(page.description ? [h('p', page.description)] : []),
  ]);
}

function recentList(data: ListData, count: number): Element {
  const { t } = data;
  const items = data.recent
    .slice(0, count)
    .map((change) =>
      h('li', [
        h('time', { dateTime: change.date }, t.date(change.date)),
        ' ',
        change.url ? link({ url: change.url, title: change.title }) : t('recent.deleted', { title: change.title }),
        h('span', { className: ['page-description'] }, ` – ${change.subject} (${change.author})`),
      ]),
    );
  return h('div', { className: ['recent-changes-list'] }, [
    h('ol', { className: ['recent-changes'] }, items),
    h('p', [h('a', { href: data.recentChangesUrl }, t('home.allRecentChanges'))]),
  ]);
}

function byTopic(data: ListData, tag: string | undefined): Element {
  const groups = pagesByTag(data.pages, data.t('home.otherTopic')).filter((group) => tag === undefined || group.tag.toLowerCase() === tag.toLowerCase());
  const children: ElementContent[] = [];
  for (const group of groups) {
    if (tag === undefined) children.push(h('h3', group.tag));
    children.push(
      h(
        'ul',
        { className: ['page-list'] },
        group.pages.map((page) => h('li', [link(page)])),
      ),
    );
  }
  return h('div', { className: ['articles-by-topic'] }, children);
}

/** The HTML of one list as an article embeds it. */
export function wikiListElement(use: WikiListUse, data: ListData): Element | Text {
  switch (use.list) {
    case 'FeaturedArticle':
      return featured(data.pages.find((page) => page.id === use.page));
    case 'RecentChanges':
      return recentList(data, use.count);
    case 'ArticlesByTopic':
      return byTopic(data, use.tag);
    case 'ArticleCount':
      return { type: 'text', value: new Intl.NumberFormat(data.t.language).format(data.pages.length) };
  }
}
