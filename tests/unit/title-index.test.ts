/** The title index: how names are cut into pieces, found again, and matched against a query. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageId } from '../../src/model/ids.ts';
import { searchKey } from '../../src/shared/search-keys.ts';
import { indexRows, matchTitles, namesOf, nearTitles, pieceFile, pieceFor, planPieces, type TitleRow } from '../../src/shared/title-index.ts';

const row = (id: string, title: string, links = 0, ...aliases: string[]): TitleRow => [id as PageId, title, links, ...(aliases as PageId[])];

const wiki: TitleRow[] = [
  row('nvidia', 'Nvidia', 12, 'nvidia_corporation', 'nvda', '英伟达'),
  row('nvidia_gpus', 'Nvidia GPUs', 5, 'tensor_core'),
  row('h100', 'Nvidia H100', 7, 'hopper_h100'),
  row('nvlink', 'NVLink', 6, 'nvswitch'),
  row('nvidia_robotics', 'Nvidia robotics', 1, 'jetson'),
  row('huawei', 'Huawei', 9, '华为'),
  row('ascend', 'Huawei Ascend', 4, 'ascend_910c'),
  row('hardware:ascend_910b', 'Ascend 910B', 2),
  row('quantization', 'Quantization (machine learning)', 3, 'fp8'),
];
const rows = indexRows(wiki);
const titles = (matches: Array<{ title: string }>) => matches.map((m) => m.title);

describe('namesOf', () => {
  it('lists the title, the id and each alias, each key once', () => {
    expect(namesOf(row('nvidia', 'Nvidia', 0, 'nvda', 'NVDA'))).toEqual([
      { key: 'nvidia', letters: 6, kind: 'title', text: 'Nvidia' },
      { key: 'nvda', letters: 4, kind: 'alias', text: 'nvda' },
    ]);
    expect(namesOf(row('hardware:ascend_910b', 'Ascend 910B')).map((n) => n.key)).toEqual(['ascend 910b', 'hardware ascend 910b']);
  });
});

describe('matchTitles', () => {
  it.each([
    ['nvidia', ['Nvidia']],
    ['NVIDIA', ['Nvidia']],
    ['Nvidia Corporation', ['Nvidia']], // an alias
    ['nvidia_corporation', ['Nvidia']],
    ['h100', ['Nvidia H100']], // the id
    ['hardware:ascend_910b', ['Ascend 910B']], // a namespaced id
    ['Hardware: Ascend 910B', ['Ascend 910B']],
    ['ascend 910b', ['Ascend 910B']],
    ['华为', ['Huawei']], // a Chinese alias
    ['英伟达', ['Nvidia']],
    ['quantization (machine learning)', ['Quantization (machine learning)']],
    ['gpu', []],
  ])('%j names %j', (query, exact) => {
    expect(titles(matchTitles(query, rows).exact)).toEqual(exact);
  });

  it('offers the names that start with the query, most-linked first, each article once', () => {
    const { exact, prefixed } = matchTitles('nvidia', rows);
    expect(titles(exact)).toEqual(['Nvidia']);
    expect(titles(prefixed)).toEqual(['Nvidia H100', 'Nvidia GPUs', 'Nvidia robotics']);
    expect(titles(matchTitles('nv', rows).prefixed)).toEqual(['Nvidia', 'Nvidia H100', 'NVLink', 'Nvidia GPUs', 'Nvidia robotics']);
  });

  it('says which alias matched when the title does not begin with it', () => {
    expect(matchTitles('nvswi', rows).prefixed).toEqual([{ id: 'nvlink', title: 'NVLink', url: '/wiki/nvlink/', key: 'nvswitch', via: 'nvswitch' }]);
    expect(matchTitles('quantization', rows).exact).toEqual([
      { id: 'quantization', title: 'Quantization (machine learning)', url: '/wiki/quantization/', key: 'quantization' },
    ]);
    expect(matchTitles('华为', rows).exact[0]?.via).toBe('华为');
    expect(matchTitles('hardware:ascend_910b', rows).exact[0]?.via).toBeUndefined(); // an id is the title's own spelling
    expect(matchTitles('hardware:ascend_910b', rows).exact[0]?.url).toBe('/wiki/hardware/ascend_910b/');
  });

  it('finds a Chinese title by its first character', () => {
    expect(titles(matchTitles('华', rows).prefixed)).toEqual(['Huawei']);
  });
});

describe('nearTitles', () => {
  it('lists every article a typo away, nearest first, then the most linked', () => {
    expect(titles(nearTitles('nvidia h10', rows))).toEqual(['Nvidia H100']);
    expect(titles(nearTitles('huawe', rows))).toEqual(['Huawei']);
  });

  it.each([
    ['nvidai', 'Nvidia'],
    ['nvdia', 'Nvidia'],
    ['huawie', 'Huawei'],
    ['nvidia robotcs', 'Nvidia robotics'],
    ['nvlnk', 'NVLink'],
    ['nv', undefined], // too short to correct
    ['zzzzzz', undefined],
  ])('%j → %j', (query, title) => {
    expect(nearTitles(query, rows)[0]?.title).toBe(title);
  });
});

/** The one piece (or top piece) that holds `key`, read back from a plan as the browser would read it. */
function lookUp(plan: ReturnType<typeof planPieces>, key: string): TitleRow[] {
  const address = pieceFor({ pieces: new Set(plan.pieces.keys()), tops: new Set(plan.tops.keys()) }, key);
  if (!address) return [];
  return (address.kind === 'piece' ? plan.pieces.get(address.prefix) : plan.tops.get(address.prefix)) ?? [];
}

describe('pieceFile', () => {
  it.each([
    ['piece', '', 'p-.json'],
    ['piece', 'nv', 'p-6e76.json'],
    ['top', 'hardware ', 't-686172647761726520.json'],
    ['piece', '华', 'p-e58d8e.json'],
  ] as const)('%s %j → %s', (kind, prefix, file) => {
    expect(pieceFile(kind, prefix)).toBe(file);
  });
});

describe('planPieces and pieceFor', () => {
  it('keeps a small wiki in one piece', () => {
    const plan = planPieces(wiki);
    expect([...plan.pieces.keys()]).toEqual(['']);
    expect(plan.pieces.get('')).toHaveLength(wiki.length);
    expect(plan.tops.size).toBe(0);
  });

  it('cuts a large wiki by first letters, no piece over the limit, and finds every name again', () => {
    const words = ['latency', 'lattice', 'laser', 'memory', 'model', 'cache', 'cluster'];
    const many = Array.from({ length: 600 }, (_, i) => row(`hardware:${words[i % words.length]}_${i}`, `${words[i % words.length]} unit ${i}`, i % 13));
    const plan = planPieces(many, 50, 5);
    expect(plan.pieces.size).toBeGreaterThan(12);
    const keys = many.flatMap((r) => namesOf(r).map((n) => n.key));
    for (const prefix of plan.pieces.keys()) expect(keys.filter((key) => key.startsWith(prefix)).length).toBeLessThanOrEqual(50);
    for (const r of many) for (const name of namesOf(r)) expect(lookUp(plan, name.key)).toContain(r);
    // A prefix cut finer than the query: its top piece offers the most-linked names under it.
    const top = lookUp(plan, 'la');
    expect(top.length).toBe(5);
    expect(top.every((r) => r[2] === 12)).toBe(true);
    expect(lookUp(plan, 'zebra')).toEqual([]);
  });

  it('finds every name of any set of rows in the piece the browser fetches for it', () => {
    const name = fc.stringMatching(/^[a-c華为 _:]{1,8}$/).filter((text) => searchKey(text) !== '');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, name, fc.nat(5)), { maxLength: 80 }), fc.integer({ min: 1, max: 6 }), (specs, max) => {
        const many = specs.map(([title, alias, links], i) => row(`p${i}`, title, links, alias));
        const plan = planPieces(many, max, 2);
        for (const r of many) {
          for (const n of namesOf(r)) {
            expect(lookUp(plan, n.key)).toContain(r);
          }
        }
      }),
    );
  });
});
