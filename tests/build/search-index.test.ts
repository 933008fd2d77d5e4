/**
 * `npm run build` writes the Pagefind index itself, over article bodies only, with the title index and the
 * vocabulary of "Did you mean" beside it: built once from tests/fixtures/search, then read back as stored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, repoRoot, type BuildResult } from '../helpers/build-site.ts';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: Array<{ element: string; id: string; text: string }>;
}

let site: BuildResult;
let fragments: Map<string, Fragment>;

beforeAll(() => {
  site = buildSite(join(repoRoot, 'tests/fixtures/search'), 'search-index');
  fragments = new Map();
  if (site.status !== 0) return; // the first test shows the build's output
  const folder = join(site.outDir, 'pagefind/fragment');
  // Pagefind stores each page as gzip of "pagefind_dcd" followed by JSON.
  const read = (file: string) =>
    JSON.parse(
      gunzipSync(readFileSync(join(folder, file)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ) as Fragment;
  fragments = new Map(
    readdirSync(folder)
      .map((file) => read(file))
      .map((f) => [f.url, f]),
  );
}, 240_000);

describe('the search index built by npm run build', () => {
  it('is written with the site and reported', () => {
    expect(site.status, site.output).toBe(0);
    expect(site.exists('pagefind/pagefind.js')).toBe(true);
    expect(site.output).toMatch(/search index: 4 articles, \d+ KB of index data/);
  });

  it('holds every article and nothing else (no home, special or search page)', () => {
    expect([...fragments.keys()].sort()).toEqual(['/wiki/hardware/ascend_910b/', '/wiki/huawei/', '/wiki/nvidia/', '/wiki/tensor_cores/']);
  });

  it('indexes the title and body, with headings as sections', () => {
    const huawei = fragments.get('/wiki/huawei/');
    // Chinese runs as the index reads them: split into words (search-cjk.ts); readers see them whole.
    expect(huawei?.content).toMatch(/^Huawei\. Huawei \(华 为, Huáwéi\) is a Chinese technology company/);
    expect(huawei?.content).toContain('华 为 技术 有限公司 是 一家 总部 位于 深圳');
    // The page itself is as it was built.
    expect(readFileSync(join(site.outDir, 'wiki/huawei/index.html'), 'utf8')).toContain('华为技术有限公司是一家总部位于深圳的科技公司');
    // Pagefind makes sections from headings with ids.
    expect(huawei?.anchors.filter((a) => /^h[1-6]$/.test(a.element)).map((a) => a.text)).toEqual(['Organisation', 'Export restrictions']);
  });

  it('leaves out References, citation marks, See also, the contents, breadcrumbs and What links here', () => {
    const huawei = fragments.get('/wiki/huawei/')?.content ?? '';
    expect(huawei).not.toContain('Quillfeather'); // the References list
    expect(huawei).not.toContain('References');
    expect(huawei).not.toMatch(/\[1\]|\^/); // citation marks and jump-up links
    expect(huawei).not.toContain('Contents');
    expect(huawei).not.toContain('What links here');
    const nvidia = fragments.get('/wiki/nvidia/')?.content ?? '';
    expect(nvidia).not.toContain('See also');
    expect(nvidia).not.toContain('tensor_cores'); // its See also entry
    const ascend = fragments.get('/wiki/hardware/ascend_910b/')?.content ?? '';
    expect(ascend).not.toMatch(/^Hardware|Main page/); // breadcrumbs
  });

  it('keeps the description as metadata and the tags as a filter', () => {
    expect(fragments.get('/wiki/huawei/')).toMatchObject({
      meta: { title: 'Huawei', description: 'Chinese maker of telecommunications equipment and of the Ascend AI processors.' },
      filters: { tag: ['company', 'china'] },
    });
    expect(fragments.get('/wiki/tensor_cores/')?.filters).toEqual({ tag: ['hardware'] });
  });

  it('weights the title above body text', () => {
    const huawei = site.read('wiki/huawei/index.html');
    expect(huawei).toMatch(/<h1[^>]*data-pagefind-weight="10"[^>]*>Huawei<\/h1>/);
  });
});

describe('the title index and the vocabulary written beside it', () => {
  const json = (path: string) => JSON.parse(site.read(path)) as unknown;

  it('lists every article with its title, id, aliases and how many articles link to it', () => {
    const manifest = json('search-titles/index.json') as { version: string; pieces: string[]; tops: string[] };
    expect(manifest).toEqual({ version: expect.stringMatching(/^[0-9a-f]{12}$/), pieces: [''], tops: [] }); // a small wiki is one piece
    const rows = json('search-titles/p-.json');
    expect(rows).toEqual([
      ['hardware:ascend_910b', 'Ascend 910B', 1, '昇腾', 'ascend_910b_npu'],
      ['huawei', 'Huawei', 2],
      ['nvidia', 'Nvidia', 1],
      ['tensor_cores', 'Tensor cores', 1],
    ]);
  });

  it('holds the words Pagefind indexed and the words of names, most used first, by first letter', () => {
    const manifest = json('search-words/index.json') as { pieces: Record<string, string> };
    const words = Object.values(manifest.pieces).flatMap((file) => json(`search-words/${file}`) as string[]);
    expect(words).toEqual(expect.arrayContaining(['interconnect', 'shenzhen', 'huawei', 'npu', 'hbm2e', 'precision']));
    expect(words).not.toContain('quillfeather'); // only in the References list, which is not searched
    expect(words.filter((word) => /[\p{Script=Han}]|^\d+$|^.{1,2}$/u.test(word))).toEqual([]);
    expect(json(`search-words/${manifest.pieces['h']}`)).toEqual(expect.arrayContaining(['huawei', 'hardware']));
    const h = json(`search-words/${manifest.pieces['h']}`) as string[];
    expect(h.indexOf('huawei')).toBeLessThan(h.indexOf('headquartered')); // in three articles, against one
  });
});
