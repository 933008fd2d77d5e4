/**
 * Recent changes as an Atom feed, `/special/recent-changes.atom`: the last changes from the wiki's git history
 * (src/content-folder/wiki-history.ts), or, for a content folder outside git, its articles by `updated` date.
 * Every page links to it (`<link rel="alternate">` in src/layouts/Base.astro).
 */
import type { APIRoute } from 'astro';
import config from 'virtual:wiki/config';
import history from 'virtual:wiki/history';
import wiki from 'virtual:wiki/data';
import { ui } from '../../components/ui.ts';
import { atomFeed, tagUri, type FeedEntry } from '../../model/atom-feed.ts';
import { historyUrlForId, RECENT_CHANGES_FEED, type PageId } from '../../model/ids.ts';
import { pagesOf } from '../../model/wiki-data.ts';
import { RECENT_CHANGES } from '../../content-folder/wiki-history.ts';

export const GET: APIRoute = () => {
  const t = ui();
  const site = `${config.site}/`;
  const absolute = (path: string) => new URL(path, site).href;
  const byFile = new Map(Object.values(wiki.pages).map((page) => [page.file, page]));
  const entries: FeedEntry[] =
    history.status.kind === 'git'
      ? history.recent.map(({ commit, change, file }) => {
          const page = file === undefined ? undefined : byFile.get(file);
          const title = page ? page.title : t('recent.deleted', { title: change.path });
          return {
            id: tagUri(config.site, commit.date, `change/${commit.hash}/${change.path}`),
            title: t('recent.feedEntry', { title, message: commit.subject }),
            updated: commit.date,
            author: commit.author,
            link: absolute(page ? `${historyUrlForId(page.id as PageId)}#commit-${commit.hash}` : '/special/recent-changes/'),
            summary: t('recent.feedSummary', { author: commit.author, title, message: commit.subject }),
          };
        })
      : pagesOf(wiki, wiki.recent)
          .filter((page) => page.changed)
          .slice(0, RECENT_CHANGES)
          .map((page) => ({
            id: tagUri(config.site, page.changed ?? '', `page/${page.id}`),
            title: page.title,
            updated: `${page.changed}T00:00:00Z`,
            author: t('cite.authors', { wiki: config.title }),
            link: absolute(page.url),
            summary: t('recent.feedUpdated', { title: page.title }),
          }));
  const newest = entries.map((entry) => entry.updated).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  const xml = atomFeed({
    id: absolute('/special/recent-changes/'),
    title: t('recent.feedTitle', { wiki: config.title }),
    self: absolute(RECENT_CHANGES_FEED),
    alternate: absolute('/special/recent-changes/'),
    updated: newest ?? '1970-01-01T00:00:00Z',
    author: t('cite.authors', { wiki: config.title }),
    language: config.language,
    entries,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
