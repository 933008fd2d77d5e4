/**
 * The title layer as the browser runs it (src/client/search-titles.ts), over an index planned as the build
 * plans it and served from memory: which files a query fetches, what it finds, and "Did you mean".
 */
import { describe, expect, it } from 'vitest';
import type { PageId } from '../../src/model/ids.ts';
import { titleSearch, type FetchJson } from '../../src/client/search-titles.ts';
import { announcement, goToMatches, markedWords, pageOf, viewsExcept } from '../../src/client/search-results.ts';
import { suggestionsOf } from '../../src/client/did-you-mean.ts';
import { baseNameOf, normalizeId } from '../../src/model/ids.ts';
import type { PagefindFragment, PagefindResult } from '../../src/client/search-pagefind.ts';
import { planWordPieces, WORDS_DIR, WORDS_MANIFEST } from '../../src/shared/search-spelling.ts';
import { pieceFile, planPieces, TITLE_INDEX_DIR, TITLE_MANIFEST, type TitleRow } from '../../src/shared/title-index.ts';
import { ENGLISH_UI_STRINGS, resolveUiStrings, translator } from '../../src/shared/ui-strings.ts';

const row = (id: string, title: string, links = 0, ...aliases: string[]): TitleRow => [id as PageId, title, links, ...(aliases as PageId[])];

/** A site's files, as the build would write them for these rows and words, and the paths fetched. */
function site(rows: TitleRow[], words: Record<string, number>, maxRows?: number) {
  const files = new Map<string, unknown>();
  const plan = planPieces(rows, maxRows);
  for (const [prefix, piece] of plan.pieces) files.set(`${TITLE_INDEX_DIR}${pieceFile('piece', prefix)}?v=test`, piece);
  for (const [prefix, piece] of plan.tops) files.set(`${TITLE_INDEX_DIR}${pieceFile('top', prefix)}?v=test`, piece);
  files.set(TITLE_INDEX_DIR + TITLE_MANIFEST, { version: 'test', pieces: [...plan.pieces.keys()], tops: [...plan.tops.keys()] });
  const wordPieces = planWordPieces(new Map(Object.entries(words)));
  files.set(WORDS_DIR + WORDS_MANIFEST, { pieces: Object.fromEntries([...wordPieces.keys()].map((p) => [p, `${p}.json`])) });
  for (const [prefix, list] of wordPieces) files.set(`${WORDS_DIR}${prefix}.json`, list);
  const fetched: string[] = [];
  const fetch: FetchJson = async (path) => {
    fetched.push(path);
    return files.get(path);
  };
  return { fetch, fetched };
}

const rows = [
  row('nvidia', 'Nvidia', 12, 'nvidia_corporation'),
  row('nvidia_gpus', 'Nvidia GPUs', 5, 'tensor_core'),
  row('h100', 'Nvidia H100', 7),
  row('huawei', 'Huawei', 9, '华为'),
  row('hardware:ascend_910b', 'Ascend 910B', 2),
];
const words = { nvidia: 12, gpus: 5, huawei: 9, robotics: 1, ascend: 3, memory: 8, tensor: 2, cores: 2 };

describe('titleSearch', () => {
  it('finds the article a query names, the titles it begins, and fetches each file once', async () => {
    const { fetch, fetched } = site(rows, words);
    const titles = titleSearch(fetch);
    const found = await titles.lookup('Nvidia');
    expect(found.exact.map((m) => m.title)).toEqual(['Nvidia']);
    expect(goToMatches(found).map((m) => m.title)).toEqual(['Nvidia', 'Nvidia H100', 'Nvidia GPUs']);
    await titles.lookup('hardware:ascend_910b');
    expect((await titles.lookup('华为')).exact.map((m) => m.url)).toEqual(['/wiki/huawei/']);
    expect(fetched).toEqual([`${TITLE_INDEX_DIR}${TITLE_MANIFEST}`, `${TITLE_INDEX_DIR}p-.json?v=test`]);
  });

  it('offers the near title, then corrected words, as "Did you mean"', async () => {
    const titles = titleSearch(site(rows, words).fetch);
    const nvidai = await titles.lookup('nvidai');
    expect(nvidai.near.map((m) => m.title)).toEqual(['Nvidia']);
    expect(goToMatches(nvidai).map((m) => m.title)).toEqual(['Nvidia']);
    expect(await titles.correction('nvidai', nvidai)).toEqual({ query: 'Nvidia' });
    const robotics = await titles.lookup('huawei robotcs');
    expect(await titles.correction('huawei robotcs', robotics)).toEqual({ query: 'huawei robotics' });
    // Words of the wiki an edit away from a name (`tensor cores`, alias `tensor_core`) are no typo: the
    // article is offered to go to, without "Did you mean".
    const near = await titles.lookup('tensor cores');
    expect(near.near.map((m) => m.title)).toEqual(['Nvidia GPUs']);
    expect(await titles.correction('tensor cores', near)).toBeUndefined();
    const exact = await titles.lookup('huawei');
    expect(await titles.correction('huawei', exact)).toBeUndefined();
    expect(await titles.correction('memory', await titles.lookup('memory'))).toBeUndefined();
  });

  it('reads a large index piece by piece: a query fetches the manifest and one piece', async () => {
    const many = Array.from({ length: 400 }, (_, i) => row(`hardware:unit_${i}`, `${['Latency', 'Memory', 'Cache'][i % 3]} unit ${i}`, i % 7));
    const { fetch, fetched } = site(many, words, 40);
    const titles = titleSearch(fetch);
    expect((await titles.lookup('Memory unit 301')).exact.map((m) => m.id)).toEqual(['hardware:unit_301']);
    expect(fetched).toHaveLength(2);
    expect((await titles.lookup('hardware:unit_12')).exact.map((m) => m.title)).toEqual(['Latency unit 12']);
    expect((await titles.lookup('m')).prefixed.length).toBeGreaterThan(0); // a top piece
  });

  it('is quietly empty where a site has no title index (astro dev, an older build)', async () => {
    const titles = titleSearch(async () => undefined);
    const found = await titles.lookup('nvidia');
    expect(found).toEqual({ exact: [], prefixed: [], near: [] });
    expect(await titles.correction('nvidai', found)).toBeUndefined();
  });
});

describe('viewsExcept', () => {
  const result = (url: string): PagefindResult => ({
    id: url,
    score: 1,
    data: async () => ({ url, excerpt: '', meta: {}, filters: {}, sub_results: [] }) as PagefindFragment,
  });

  it('skips the articles already offered by name and fetches only what it shows', async () => {
    const results = ['/wiki/nvidia/', '/wiki/h100/', '/wiki/%E5%8D%8E%E4%B8%BA/', '/wiki/cuda/', '/wiki/nvlink/'].map(result);
    const { views, used, fragments } = await viewsExcept(results, new Set(['/wiki/nvidia/', pageOf('/wiki/华为/')]), 2, (f) => f.url);
    expect(views).toEqual(['/wiki/h100/', '/wiki/cuda/']);
    expect(used).toBe(4);
    expect(fragments.map((f) => f.url)).toEqual(['/wiki/nvidia/', '/wiki/h100/', '/wiki/%E5%8D%8E%E4%B8%BA/', '/wiki/cuda/']);
  });
});

describe('markedWords and "Did you mean" from what full-text search found', () => {
  const fragment = (excerpt: string, sections: string[] = []) =>
    ({
      url: '/wiki/x/',
      excerpt,
      meta: {},
      filters: {},
      sub_results: sections.map((e) => ({ title: '', url: '', excerpt: e, locations: [], weighted_locations: [] })),
    }) as PagefindFragment;

  it('reads the marked words of excerpts and sections as keys', () => {
    expect([...markedWords([fragment('the <mark>Ascend</mark> 910B', ["<mark>HBM2e</mark> and <mark>Huawei's</mark> chips"])])].sort()).toEqual([
      'ascend',
      'hbm2e',
      'huaweis',
    ]);
  });

  it('fetches no vocabulary for words the search found, and corrects the others', async () => {
    const { fetch, fetched } = site(rows, words);
    const titles = titleSearch(fetch);
    const query = 'huawei memory';
    expect(await titles.correction(query, await titles.lookup(query), new Set(['huaweis', 'memory']))).toBeUndefined();
    expect(fetched.filter((path) => path.startsWith(WORDS_DIR))).toEqual([]);
    const typo = 'huawei robotcs';
    expect(await titles.correction(typo, await titles.lookup(typo), new Set(['huawei']))).toEqual({ query: 'huawei robotics' });
    expect(fetched.filter((path) => path.startsWith(WORDS_DIR))).toEqual([WORDS_DIR + WORDS_MANIFEST, `${WORDS_DIR}r.json`]);
  });
});

describe('the 404 page\'s "Did you mean", from the title index', () => {
  const wiki = [
    row('h100', 'Nvidia H100', 7, 'hopper_h100'),
    row('h200', 'Nvidia H200', 3),
    row('huawei', 'Huawei', 9, 'huawei_technologies'),
    row('hardware:ascend_910b', 'Ascend 910B', 2),
    row('cuda', 'CUDA', 5),
  ];
  /** What the page suggests for an address whose id is `typed`, as src/client/did-you-mean.ts looks it up. */
  const suggest = async (typed: string) => {
    const titles = titleSearch(site(wiki, {}).fetch);
    const id = normalizeId(typed);
    if (id === '') return [];
    const keys = [...new Set([id, baseNameOf(id)])];
    return suggestionsOf(await Promise.all(keys.map((key) => titles.lookup(key)))).map((m) => m.title);
  };

  it.each([
    ['a typo', 'huawie', ['Huawei']],
    ['two letters swapped', 'cdua', ['CUDA']],
    ['a truncated id', 'h10', ['Nvidia H100']],
    ['the start of several, most linked first', 'h', ['Huawei', 'Nvidia H100', 'Nvidia H200', 'Ascend 910B']],
    ['an alias leads to its article, once', 'hopper_h10', ['Nvidia H100']],
    ['a page in a namespace named without it', 'ascend_910', ['Ascend 910B']],
    ['a namespace typo', 'hardwre:ascend_910b', ['Ascend 910B']],
    ['nothing close', 'quantum_annealing', []],
    ['nothing typed', '', []],
  ])('%s: %j', async (_, typed, titles) => {
    expect(await suggest(typed)).toEqual(titles);
  });

  it('suggests five at most', () => {
    const lookup = {
      exact: [],
      near: [],
      prefixed: Array.from({ length: 9 }, (_, i) => ({ id: `p${i}` as PageId, title: `P${i}`, url: `/wiki/p${i}/`, key: `p${i}` })),
    };
    expect(suggestionsOf([lookup])).toHaveLength(5);
  });
});

describe('announcement', () => {
  const m = (title: string) => ({ id: title.toLowerCase() as PageId, title, url: `/wiki/${title.toLowerCase()}/`, key: title.toLowerCase() });
  it.each([
    [[m('Nvidia'), m('NVLink')], true, undefined, false, 16, 'Article Nvidia. 1 more title. 16 results'],
    [[m('Nvidia')], false, 'Nvidia', false, 10, 'Did you mean Nvidia? 1 title. 10 results'],
    [[m('Huawei')], false, 'Huawei', true, 1, 'No results; showing results for Huawei. 1 title. 1 result'],
    [[], false, undefined, false, 0, '0 results'],
  ])('%#', (goTo, exact, correction, instead, results, said) => {
    expect(announcement(goTo, exact, correction, instead, results, translator(ENGLISH_UI_STRINGS, 'en'))).toBe(said);
  });

  it('speaks the wiki’s language', () => {
    const de = translator(resolveUiStrings('de'), 'de');
    expect(announcement([m('Nvidia'), m('NVLink'), m('NVSwitch')], true, undefined, false, 1234, de)).toBe('Artikel Nvidia. 2 weitere Titel. 1.234 Ergebnisse');
    expect(announcement([m('Huawei')], false, 'Huawei', false, 1, de)).toBe('Meinten Sie Huawei? 1 Titel. 1 Ergebnis');
  });
});
