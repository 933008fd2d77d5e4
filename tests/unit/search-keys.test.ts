/** The one normalisation search compares names with, and the edit distance of "Did you mean": tables of cases. */
import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, isSpelledWord, searchKey, searchWords } from '../../src/shared/search-keys.ts';

describe('searchKey', () => {
  it.each([
    ['Nvidia', 'nvidia'],
    ['NVIDIA GPUs', 'nvidia gpus'],
    ['nvidia_gpus', 'nvidia gpus'],
    ['Nvidia-GPUs', 'nvidia gpus'],
    ['  Nvidia   GPUs  ', 'nvidia gpus'],
    ['hardware:ascend_910b', 'hardware ascend 910b'],
    ['Hardware: Ascend 910B', 'hardware ascend 910b'],
    ['hardware/ascend_910b', 'hardware ascend 910b'],
    ['LLM training vs. inference', 'llm training vs inference'],
    ['Émile Borel', 'emile borel'],
    ['Über', 'uber'],
    ['Stół', 'stol'],
    ['हिन्दी', 'हिन्दी'],
    ["Moore's law", 'moores law'],
    ['Moore’s law', 'moores law'],
    ['Quantization (machine learning)', 'quantization machine learning'],
    ['华为', '华为'],
    ['华为 技术', '华为技术'],
    ['Huawei 华为', 'huawei 华为'],
    ['ＨＢＭ３', 'hbm3'],
    ['!!!', ''],
  ])('%j → %j', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });

  it('gives a title, its id and its alias written as ids the same key', () => {
    expect(new Set([searchKey('US export controls on AI chips'), searchKey('us_export_controls_on_ai_chips')]).size).toBe(1);
  });
});

describe('searchWords', () => {
  it.each([
    ['Nvidia H100 SXM', ['nvidia', 'h100', 'sxm']],
    ['hardware:ascend_910b', ['hardware', 'ascend', '910b']],
    ['', []],
  ])('%j', (text, words) => {
    expect(searchWords(text)).toEqual(words);
  });
});

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['nvidia', 'nvidia', 0],
    ['nvidai', 'nvidia', 1], // a swap of neighbours is one typo
    ['hmb', 'hbm', 1],
    ['nvida', 'nvidia', 1],
    ['nviddia', 'nvidia', 1],
    ['nvudia', 'nvidia', 1],
    ['quantizaton', 'quantization', 1],
    ['robotcs', 'robotics', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['华为', '华', 1],
  ])('%j ↔ %j: %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('stops at the limit it is given, answering limit + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('nvidai', 'nvidia', 1)).toBe(1);
  });
});

describe('allowedEdits', () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [12, 2],
  ])('a word of %d letters: %d', (letters, edits) => {
    expect(allowedEdits(letters)).toBe(edits);
  });
});

describe('isSpelledWord', () => {
  it.each([
    ['nvidia', true],
    ['h100', true],
    ['2022', false],
    ['华为', false],
  ])('%j: %s', (word, spelled) => {
    expect(isSpelledWord(word)).toBe(spelled);
  });
});
