/** "Did you mean" on the 404 page and the random pick: pure functions over tables. */
import { describe, expect, it } from 'vitest';
import { editDistance, suggestionCandidates, suggestPages } from '../../src/model/suggest.ts';
import { pickRandom } from '../../src/client/random-article.ts';

const candidates = suggestionCandidates([
  { id: 'h100', title: 'Nvidia H100', url: '/wiki/h100/', aliases: ['hopper_h100'] },
  { id: 'h200', title: 'Nvidia H200', url: '/wiki/h200/', aliases: [] },
  { id: 'huawei', title: 'Huawei', url: '/wiki/huawei/', aliases: ['huawei_technologies'] },
  { id: 'hardware:ascend_910b', title: 'Ascend 910B', url: '/wiki/hardware/ascend_910b/', aliases: [] },
  { id: 'cuda', title: 'CUDA', url: '/wiki/cuda/', aliases: [] },
]);

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['cuda', 'cuda', 0],
    ['cdua', 'cuda', 2],
    ['huawie', 'huawei', 2],
    ['h10', 'h100', 1],
    ['kitten', 'sitting', 3],
  ])('%j → %j is %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('suggestPages', () => {
  it.each([
    ['a typo', 'huawie', ['Huawei']],
    ['a truncated id, nearest first', 'h10', ['Nvidia H100', 'Nvidia H200']],
    ['an alias leads to its article, once', 'hopper_h10', ['Nvidia H100']],
    ['a page in a namespace named without it', 'ascend_910', ['Ascend 910B']],
    ['a namespace typo', 'hardwre:ascend_910b', ['Ascend 910B']],
    ['nothing close', 'quantum_annealing', []],
    ['nothing typed', '', []],
  ])('%s: %j', (_, typed, titles) => {
    expect(suggestPages(typed, candidates).map((c) => c.title)).toEqual(titles);
  });

  it('returns at most `limit` suggestions', () => {
    expect(suggestPages('h', candidates, 1)).toHaveLength(1);
  });
});

describe('pickRandom', () => {
  it.each([
    [0, 'a'],
    [0.5, 'b'],
    [0.999, 'c'],
  ])('random() = %f picks %j', (r, expected) => expect(pickRandom(['a', 'b', 'c'], () => r)).toBe(expected));

  it('picks nothing from an empty list', () => expect(pickRandom([], () => 0.5)).toBeUndefined());
});
