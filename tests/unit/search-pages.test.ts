/**
 * The pages the search indexes, noted by the security check as it reads each page (src/postbuild/search-pages.ts),
 * so that the indexing does not read the whole site again: the same pages, sizes and CJK marks as a walk finds.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchFacts, searchPagesOf } from '../../src/postbuild/search-pages.ts';
import { checkSitePages, filesUnder } from '../../src/postbuild/security-check.ts';
import { prepareForIndexing } from '../../src/postbuild/search-index.ts';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta http-equiv="content-security-policy" content="default-src 'self'"></head><body>${body}</body></html>`;

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-pages-'));
  for (const [path, body] of Object.entries(pages)) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'index.html'), page(body));
  }
  return dir;
}

describe('searchFacts', () => {
  it('marks article pages with their size, and those that may hold Chinese or Japanese text', () => {
    expect(searchFacts(Buffer.from(page('<p>Special page</p>')))).toBeNull();
    const plain = Buffer.from(page('<article data-pagefind-body><p>Café — naïve, 80 GB</p></article>'));
    expect(searchFacts(plain)).toEqual({ bytes: plain.length, cjk: false });
    expect(searchFacts(Buffer.from(page('<article data-pagefind-body><p>华为</p></article>')))?.cjk).toBe(true);
    expect(searchFacts(Buffer.from(page('<article data-pagefind-body><p>テンソル</p></article>')))?.cjk).toBe(true);
  });

  it('lists the indexed pages by path, with `/`, and leaves the others out', () => {
    expect(searchPagesOf(['wiki/b/index.html', 'index.html', 'wiki/a/index.html'], [{ bytes: 2, cjk: true }, null, { bytes: 1, cjk: false }])).toEqual([
      { path: 'wiki/a/index.html', bytes: 1 },
      { path: 'wiki/b/index.html', bytes: 2, cjk: true },
    ]);
  });
});

describe('the pages the security check notes for the search', () => {
  const dir = site({
    'wiki/huawei': '<article data-pagefind-body><p>华为技术有限公司</p></article>',
    'wiki/nvidia': '<article data-pagefind-body><p>Nvidia</p></article>',
    'special/all': '<p>All pages</p>',
    '': '<p>Home</p>',
  });
  const files = filesUnder(dir, '.html');
  const paths = files.map((file) => relative(dir, file));
  const walked = prepareForIndexing(dir);
  walked.restore();

  it('are the pages a walk over the site finds, in a first build and in a rebuild', async () => {
    const checked = { file: join(dir, '.cache/checked.json'), code: 'code' };
    const first = await checkSitePages(files, dir, checked, 1);
    const again = await checkSitePages(files, dir, checked, 1);
    expect(searchPagesOf(paths, first.search)).toEqual(walked.pages);
    expect(searchPagesOf(paths, again.search)).toEqual(walked.pages);
    expect(walked.pages.map((p) => [p.path, p.cjk ?? false])).toEqual([
      ['wiki/huawei/index.html', true],
      ['wiki/nvidia/index.html', false],
    ]);
  });

  it('are taken as given: only pages marked as holding CJK text are read, and spaced for Pagefind', () => {
    const huawei = join(dir, 'wiki/huawei/index.html');
    const before = readFileSync(huawei, 'utf8');
    // Told of the Huawei page alone, the indexing neither lists nor reads the Nvidia page.
    const given = prepareForIndexing(dir, [walked.pages[0]!]);
    expect(given.articles).toBe(1);
    expect(given.pages.map((p) => p.path)).toEqual(['wiki/huawei/index.html']);
    expect(readFileSync(huawei, 'utf8')).toContain('华 为');
    given.restore();
    expect(readFileSync(huawei, 'utf8')).toBe(before);
    // Not marked, the page is not spaced (not even read).
    const unmarked = prepareForIndexing(dir, [{ path: 'wiki/huawei/index.html', bytes: 1 }]);
    expect(readFileSync(huawei, 'utf8')).toBe(before);
    unmarked.restore();
  });
});
