/**
 * The keys that let a rebuild copy a page from the last build (src/astro/page-cache-keys.ts): a key must change
 * whenever anything the page shows changes, including what it shows of other articles.
 */
import { describe, expect, it } from 'vitest';
import type { PageId } from '../../src/model/ids.ts';
import { articleCacheKey, historyTemplateCacheKey, summaryCacheKey } from '../../src/astro/page-cache-keys.ts';
import type { PageSummary, WikiData } from '../../src/model/wiki-data.ts';

const id = (value: string) => value as PageId;
const summary = (value: string, more: Partial<PageSummary> = {}): PageSummary => ({
  id: id(value),
  title: value,
  url: `/wiki/${value}/`,
  file: `${value}.mdx`,
  description: `About ${value}.`,
  tags: [],
  aliases: [],
  seeAlso: [],
  ...more,
});

function wiki(change: (w: Pick<WikiData, 'pages' | 'backlinks'>) => void = () => {}): Pick<WikiData, 'pages' | 'backlinks'> {
  const w: Pick<WikiData, 'pages' | 'backlinks'> = {
    pages: {
      nvidia: summary('nvidia', {
        seeAlso: [
          { id: id('ascend'), exists: true },
          { id: id('cuda'), exists: false },
        ],
      }),
      ascend: summary('ascend'),
      huawei: summary('huawei'),
      other: summary('other'),
    },
    backlinks: { nvidia: [{ from: id('huawei'), context: 'Huawei competes with Nvidia.' }] },
  };
  change(w);
  return w;
}
const entry = { digest: 'd1', data: { title: 'nvidia', toc: true }, htmlFile: '/cache/wiki-html/d1.html' };
const key = (w = wiki(), e: { digest: string | number | undefined; data: unknown; htmlFile: string | undefined } = entry) =>
  articleCacheKey('code', w, id('nvidia'), e);

describe('the key of an article page', () => {
  it('is the same for the same article, its See also and its linkers', () => {
    expect(key()).toBeDefined();
    expect(key()).toBe(key());
    // What the page does not show: another article's title.
    expect(key(wiki((w) => (w.pages.other = summary('other', { title: 'Other, renamed' }))))).toBe(key());
  });

  it('changes with the article: its rendered HTML (digest), its summary, its frontmatter', () => {
    expect(key(wiki(), { ...entry, digest: 'd2', htmlFile: '/cache/wiki-html/d2.html' })).not.toBe(key());
    expect(key(wiki((w) => (w.pages.nvidia = { ...w.pages.nvidia!, updated: '2026-11-29' })))).not.toBe(key());
    expect(key(wiki(), { ...entry, data: { title: 'nvidia', toc: false } })).not.toBe(key());
  });

  it('changes with what it shows of other articles: a See also target, a page that links to it', () => {
    expect(key(wiki((w) => (w.pages.ascend = summary('ascend', { description: 'A chip.' }))))).not.toBe(key());
    // A red link in See also turning blue.
    expect(key(wiki((w) => (w.pages.cuda = summary('cuda'))))).not.toBe(key());
    expect(key(wiki((w) => (w.pages.huawei = summary('huawei', { title: 'Huawei Technologies' }))))).not.toBe(key());
    expect(key(wiki((w) => (w.backlinks.nvidia = [{ from: id('huawei'), context: 'Huawei still competes with Nvidia.' }])))).not.toBe(key());
    expect(key(wiki((w) => (w.backlinks.nvidia = [])))).not.toBe(key());
  });

  it('is absent for an article compiled as an MDX module, which Astro renders every time', () => {
    expect(key(wiki(), { ...entry, htmlFile: undefined })).toBeUndefined();
    expect(key(wiki(), { ...entry, digest: undefined })).toBeUndefined();
  });
});

describe('the key of a redirect', () => {
  it('changes with the article it leads to and with the alias', () => {
    const page = summary('nvidia');
    expect(summaryCacheKey('code', 'redirect', page, 'nvidia_corporation')).toBe(summaryCacheKey('code', 'redirect', summary('nvidia'), 'nvidia_corporation'));
    expect(summaryCacheKey('code', 'redirect', { ...page, title: 'NVIDIA' }, 'nvidia_corporation')).not.toBe(
      summaryCacheKey('code', 'redirect', page, 'nvidia_corporation'),
    );
    expect(summaryCacheKey('code', 'redirect', page, 'nv')).not.toBe(summaryCacheKey('code', 'redirect', page, 'nvidia_corporation'));
  });
});

describe('the key of a template of history pages', () => {
  it("follows the pages' code and settings only: a template holds the layout, not an article's history", () => {
    expect(historyTemplateCacheKey('code')).toBe(historyTemplateCacheKey('code'));
    expect(historyTemplateCacheKey('other code or settings')).not.toBe(historyTemplateCacheKey('code'));
    expect(historyTemplateCacheKey('code')).not.toBe(summaryCacheKey('code', 'history-template', summary('nvidia')));
  });
});
