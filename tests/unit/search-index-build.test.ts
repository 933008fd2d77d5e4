/** The search index is written by Pagefind's command-line program: what it indexes, and how it fails. */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  BATCH_PAGES,
  batchesOf,
  batchPagesFor,
  buildSearchIndex,
  globOf,
  globOfAll,
  MIN_RUN_PAGES,
  indexInBatches,
  pagefindArguments,
  prepareForIndexing,
} from '../../src/postbuild/search-index.ts';
import { removeNow } from '../../src/postbuild/discard.ts';
import { joinSearchIndexes } from '../../src/postbuild/search-bundle.ts';
import { startWordsWorker, writeSearchWordsOf, type WordsSession } from '../../src/postbuild/search-words.ts';
import { WORDS_DIR } from '../../src/shared/search-spelling.ts';
import { NOT_SEARCHED } from '../../src/shared/search-scope.ts';

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
  for (const [path, body] of Object.entries(pages)) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'index.html'), `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
  }
  return dir;
}

describe('buildSearchIndex', () => {
  it('indexes article bodies only, without the parts readers do not search, and reports the size', async () => {
    const dir = site({
      'wiki/a':
        '<nav>Navigation words</nav><article data-pagefind-body><h1>Alpha</h1><p>Searched kelvarine text.</p><section class="references"><p>Unsearched zorbic source</p></section></article>',
      'special/all': '<p>Special page words</p>',
    });
    const report = await buildSearchIndex(dir);
    expect(report.pages).toBe(1);
    expect(report.indexBytes).toBeGreaterThan(0);
    const fragments = readdirSync(join(dir, 'pagefind/fragment'));
    expect(fragments).toHaveLength(1);
    const fragment = gunzipSync(readFileSync(join(dir, 'pagefind/fragment', fragments[0]!))).toString('utf8');
    expect(fragment).toContain('kelvarine');
    expect(fragment).not.toContain('zorbic');
    expect(fragment).not.toContain('Navigation');
  });

  it('counts the article pages, and indexes a large site in batches whose joined index is the one a single run gives', async () => {
    const pages = Object.fromEntries(
      ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'höhe', 'zeta,z'].map((name, i) => [
        `wiki/${name}`,
        `<article data-pagefind-body><h1>${name}</h1><p>${'shared words '.repeat(i + 1)}only-${name}</p></article>`,
      ]),
    );
    const dir = site({ ...pages, 'special/all': '<p>All</p>' });
    const prepared = prepareForIndexing(dir);
    prepared.restore();
    expect(prepared.articles).toBe(7);
    const linked: string[] = [];
    const discard = (folder: string) => {
      linked.push(relative(dir, folder));
      removeNow(folder);
    };
    const one = await indexInBatches(dir, join(dir, '.one'), { batchPages: 100, discard });
    const several = await indexInBatches(dir, join(dir, '.several'), { batchPages: 2, runs: 2, discard });
    // Cut by bytes: the pages grow with i, so the later batches hold fewer pages.
    const bySize = prepared.pages.map((page) => page.bytes);
    const byBytes = await indexInBatches(dir, join(dir, '.bytes'), { batchBytes: bySize[0]! + bySize[1]! + 1, runs: 2 });
    expect([one.folders.length, several.folders.length]).toEqual([1, 4]);
    // Batches are indexed where their pages are, through a glob naming them (`höhe` too); a batch with a page whose
    // path a glob would read (`zeta,z`) gets a folder of linked copies, removed after its run.
    expect(linked.sort()).toEqual(['.several/batch-0003.pages']);
    expect(byBytes.folders.length).toBeGreaterThanOrEqual(3);
    await joinSearchIndexes(one.folders, join(dir, 'joined-one'));
    await joinSearchIndexes(several.folders, join(dir, 'joined-several'));
    await joinSearchIndexes(byBytes.folders, join(dir, 'joined-bytes'));
    const files = (root: string): Record<string, string> =>
      Object.fromEntries(
        readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => [join(entry.parentPath, entry.name).slice(root.length), readFileSync(join(entry.parentPath, entry.name)).toString('base64')]),
      );
    expect(files(join(dir, 'joined-several'))).toEqual(files(join(dir, 'joined-one')));
    expect(files(join(dir, 'joined-bytes'))).toEqual(files(join(dir, 'joined-one')));

    // "Did you mean" reads its words from the batches' pages beside the join, on a worker thread for a large site or
    // on this one: the same files as from the joined index's pages.
    const words = async (dirs: readonly string[], options: { cores: number; workerFrom?: number; worker?: WordsSession }) => {
      rmSync(join(dir, WORDS_DIR), { recursive: true, force: true });
      await writeSearchWordsOf(dir, dirs, options);
      return files(join(dir, WORDS_DIR));
    };
    const fromJoined = await words([join(dir, 'joined-one')], { cores: 1 });
    const text = Object.values(fromJoined)
      .map((file) => Buffer.from(file, 'base64').toString('utf8'))
      .join('');
    expect(text).toContain('"shared"');
    expect(text).toContain('"epsilon"');
    expect(await words(several.folders, { cores: 1 })).toEqual(fromJoined);
    expect(await words(several.folders, { cores: 2, workerFrom: 1 })).toEqual(fromJoined);
    // A worker started ahead, as a build starts it before Pagefind runs.
    const worker = startWordsWorker();
    try {
      expect(await words(several.folders, { cores: 2, worker })).toEqual(fromJoined);
    } finally {
      worker.end();
    }
  });

  it('indexes a single batch in place only when every article page is under one top folder', () => {
    expect(globOfAll(['wiki/a/index.html', 'wiki/b/c/index.html'])).toBe('wiki/**/*.html');
    // The main page as an article, or pages in two folders: the batch is linked into a folder of its own.
    expect(globOfAll(['index.html', 'wiki/a/index.html'])).toBeUndefined();
    expect(globOfAll(['wiki/a/index.html', 'other/b/index.html'])).toBeUndefined();
    expect(globOfAll(['wi*ki/a/index.html'])).toBeUndefined();
    expect(globOfAll([])).toBeUndefined();
  });

  it('names a batch’s pages in a glob when their paths spell nothing a glob reads, and the glob fits one argument', () => {
    expect(globOf(['wiki/a/index.html'])).toBe('wiki/a/index.html');
    // The folders and file name every path shares are written once.
    expect(globOf(['wiki/a/index.html', 'wiki/b-c/d_e/index.html', 'wiki/höhe/index.html'])).toBe('wiki/{a,b-c/d_e,höhe}/index.html');
    expect(globOf(['wiki/ns/a/index.html', 'wiki/ns/b/index.html'])).toBe('wiki/ns/{a,b}/index.html');
    expect(globOf(['wiki/a/index.html', 'other/b/index.html'])).toBe('{wiki/a,other/b}/index.html');
    // A path that would be all prefix and suffix takes a shorter prefix.
    expect(globOf(['wiki/a/index.html', 'wiki/a/b/index.html'])).toBe('wiki/{a,a/b}/index.html');
    expect(globOf(['wiki/index.html', 'wiki/a/index.html'])).toBe('{wiki,wiki/a}/index.html');
    expect(globOf(['a/x', 'a/b/x', 'x'])).toBe('{a/x,a/b/x,x}');
    expect(globOf(['index.html', 'wiki/a/index.html'])).toBe('{index.html,wiki/a/index.html}');
    // Whatever the paths, the glob's alternatives spell exactly them.
    const expand = (glob: string) => {
      const open = glob.indexOf('{');
      if (open === -1) return [glob];
      const close = glob.lastIndexOf('}');
      return glob
        .slice(open + 1, close)
        .split(',')
        .map((middle) => glob.slice(0, open) + middle + glob.slice(close + 1));
    };
    const segments = ['wiki', 'a', 'b', 'index.html', 'x'];
    let seed = 3;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 500; i++) {
      const paths = [
        ...new Set(Array.from({ length: 1 + random(5) }, () => Array.from({ length: 1 + random(4) }, () => segments[random(segments.length)]).join('/'))),
      ];
      expect(expand(globOf(paths) ?? ''), paths.join(' ')).toEqual(paths);
    }
    expect(globOf(['index.html', 'wiki/a/index.html'])).toBe('{index.html,wiki/a/index.html}');
    for (const odd of [
      'wiki/a,b',
      'wiki/a*',
      'wiki/{a}',
      'wiki/[a]',
      'wiki/a?',
      'wiki/<a:1>',
      'wiki/a b',
      'wiki/a\\b',
      "wiki/o'neill",
      'wiki/!a',
      'wiki/.hidden',
      '.wiki/a',
    ])
      expect(globOf(['wiki/x/index.html', `${odd}/index.html`]), odd).toBeUndefined();
    expect(globOf([])).toBeUndefined();
    // 2,500 articles of the benchmark's wiki fit one argument; much longer paths do not, and are linked.
    expect(globOf(Array.from({ length: 2500 }, (_, i) => `wiki/concepts/ablation_cache_${i}/index.html`))?.length).toBeLessThan(70_000);
    expect(globOf(Array.from({ length: 2500 }, (_, i) => `wiki/namespace_${i}/a_rather_long_article_name_and_more_${i}/index.html`))).toBeUndefined();
  });

  it('shares a site that would be one batch between the Pagefind runs that go at once', () => {
    // Two cores: a thousand articles as two runs of 500; fewer than two runs' worth stay one batch.
    expect(batchPagesFor(1000, 2)).toBe(500);
    expect(batchPagesFor(2 * MIN_RUN_PAGES - 1, 2)).toBe(BATCH_PAGES);
    expect(batchPagesFor(2 * MIN_RUN_PAGES, 2)).toBe(MIN_RUN_PAGES);
    expect(batchPagesFor(2600, 2)).toBe(1300);
    expect(batchPagesFor(1000, 1)).toBe(BATCH_PAGES);
    expect(batchPagesFor(1000, 4)).toBe(250);
    // Sites of several batches keep batches of BATCH_PAGES (Pagefind's memory), as many at once as there are cores.
    expect(batchPagesFor(10_000, 2)).toBe(BATCH_PAGES);
  });

  it('cuts batches at a number of pages or of bytes, whichever comes first, never leaving a page out', () => {
    const pages = [10, 10, 10, 50, 5, 5, 5, 5, 200, 1].map((bytes, i) => ({ path: `p${i}`, bytes }));
    const cut = (maxPages: number, maxBytes: number) => batchesOf(pages, maxPages, maxBytes).map((batch) => batch.map((page) => page.bytes));
    expect(cut(3, 1000)).toEqual([[10, 10, 10], [50, 5, 5], [5, 5, 200], [1]]);
    // A page larger than the budget gets a batch of its own rather than being dropped.
    expect(cut(100, 30)).toEqual([[10, 10, 10], [50], [5, 5, 5, 5], [200], [1]]);
    expect(batchesOf([], 10, 10)).toEqual([]);
    // Standard articles (~48 KB a page) stay 2,500 to a batch; long ones (~86 KB) about 1,560.
    expect(batchesOf(Array.from({ length: 5000 }, () => ({ bytes: 48_000 })))[0]).toHaveLength(BATCH_PAGES);
    expect(batchesOf(Array.from({ length: 5000 }, () => ({ bytes: 86_000 })))[0]!.length).toBeLessThan(1600);
  });

  it('passes every selector of NOT_SEARCHED to Pagefind', () => {
    const args = pagefindArguments('/site', '/out');
    expect(args.slice(0, 4)).toEqual(['--site', '/site', '--output-path', '/out']);
    expect(pagefindArguments('/site', '/out', 'wiki/**/*.html').slice(0, 6)).toEqual(['--site', '/site', '--glob', 'wiki/**/*.html', '--output-path', '/out']);
    expect(args.filter((_, i) => args[i - 1] === '--exclude-selectors')).toEqual(NOT_SEARCHED.map((s) => s.selector));
  });

  it('says what went wrong when Pagefind cannot index the folder', async () => {
    const missing = join(tmpdir(), 'no-such-site-folder-for-pagefind');
    rmSync(missing, { recursive: true, force: true });
    await expect(buildSearchIndex(missing)).rejects.toThrow(/search index: Pagefind .*The site is built; run the build again/);
    expect(existsSync(join(missing, 'pagefind'))).toBe(false);
  });
});

describe('Chinese and Japanese runs in the index', () => {
  it('are indexed as words, and the pages are left exactly as they were built', async () => {
    const dir = site({
      'wiki/huawei': '<article data-pagefind-body><h1 data-pagefind-meta="title">Huawei</h1><p>华为技术有限公司是一家总部位于深圳的科技公司。</p></article>',
      'wiki/plain': '<article data-pagefind-body><h1>Plain</h1><p>No Chinese here.</p></article>',
    });
    const before = readFileSync(join(dir, 'wiki/huawei/index.html'));
    // A second name of the page's file, as the cache's copy of a page is (src/astro/page-copies.ts): never written.
    linkSync(join(dir, 'wiki/huawei/index.html'), join(dir, 'copy.bin'));
    const copy = statSync(join(dir, 'copy.bin'));
    await buildSearchIndex(dir);
    expect(readFileSync(join(dir, 'wiki/huawei/index.html')).equals(before)).toBe(true);
    expect(statSync(join(dir, 'copy.bin')).mtimeMs).toBe(copy.mtimeMs);
    expect(readFileSync(join(dir, 'copy.bin')).equals(before)).toBe(true);
    const contents = readdirSync(join(dir, 'pagefind/fragment')).map((file) => gunzipSync(readFileSync(join(dir, 'pagefind/fragment', file))).toString('utf8'));
    const huawei = contents.find((content) => content.includes('Huawei'));
    expect(huawei).toMatch(/ 深圳 /);
  });
});
