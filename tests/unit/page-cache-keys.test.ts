/**
 * The keys that let a rebuild copy a page from the last build (src/astro/page-cache-keys.ts): a key must change
 * whenever anything the page shows changes, including what it shows of other articles.
 */
import { describe, expect, it } from 'vitest';
import type { PageId } from '../../src/model/ids.ts';
import { articleCacheKey, historyTemplateCacheKey, summaryCacheKey } from '../../src/astro/page-cache-keys.ts';
import type { PageHistory } from '../../src/content-folder/wiki-history.ts';
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
  const revision = (hash: string, oldBlob: string | undefined, newBlob: string, added = 3): PageHistory['revisions'][number] => ({
    commit: { hash, parents: ['p'], author: 'Ada', email: 'ada@example.org', date: '2026-11-29T10:00:00+01:00', committed: '2026-11-29', subject: 'Edit' },
    change: { status: oldBlob ? 'modified' : 'added', path: 'nvidia.mdx', ...(oldBlob ? { oldBlob } : {}), newBlob, added, removed: 1 },
  });
  const history = (more: Partial<PageHistory> = {}): Record<string, PageHistory> => ({
    nvidia: {
      revisions: [revision('c2', 'b1', 'b2'), revision('c1', undefined, 'b1')],
      latest: { kind: 'diff', diff: { hunks: [{ before: 'old', after: 'new' }] } as never },
      ...more,
    },
  });
  const pages = [summary('nvidia'), summary('ascend')];
  const key = (histories = history(), code = 'history-code', shown = pages) =>
    historyTemplateCacheKey('code', code, shown, histories, { kind: 'git', shallow: false });

  it('is the same for the same pages and histories', () => {
    expect(key()).toBe(key());
  });

  it('changes with a page, a revision, the kind of the latest change, or the code that made the histories', () => {
    expect(key(history(), 'history-code', [summary('nvidia', { title: 'NVIDIA' }), summary('ascend')])).not.toBe(key());
    expect(key(history({ revisions: [revision('c3', 'b2', 'b3'), revision('c2', 'b1', 'b2'), revision('c1', undefined, 'b1')] }))).not.toBe(key());
    expect(key(history({ revisions: [revision('c2', 'b1', 'b2', 4), revision('c1', undefined, 'b1')] }))).not.toBe(key());
    expect(key(history({ latest: { kind: 'too-large' } }))).not.toBe(key());
    // A change to the word diff's code changes every diff's words without changing a revision.
    expect(key(history(), 'other-history-code')).not.toBe(key());
  });

  it("does not hash the latest change's words, which follow from the newest revision's two texts", () => {
    expect(key(history({ latest: { kind: 'diff', diff: { hunks: [] } as never } }))).toBe(key());
  });
});
