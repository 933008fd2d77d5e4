/** Chinese and Japanese runs split into words for the index and the query, and joined again for display. */
import { describe, expect, it } from 'vitest';
import { joinCjkWords, spaceCjkWords } from '../../src/shared/search-cjk.ts';
import { excerptParts } from '../../src/client/search-results.ts';

describe('spaceCjkWords', () => {
  it('splits an unbroken run of Chinese into its words, so that a word inside it can be searched', () => {
    const spaced = spaceCjkWords('华为技术有限公司是一家总部位于深圳的科技公司。');
    // ICU's dictionary, the same in Node and Chromium (checked: ICU 78 and Chromium 156 split it alike).
    expect(spaced.split(' ')).toEqual(expect.arrayContaining(['深圳', '技术', '有限公司', '科技']));
    expect(spaced.replace(/ /g, '')).toBe('华为技术有限公司是一家总部位于深圳的科技公司。');
  });

  it('leaves Latin text, single characters and punctuation as they are', () => {
    expect(spaceCjkWords('Huawei (华, Huáwéi) designs chips.')).toBe('Huawei (华, Huáwéi) designs chips.');
    expect(spaceCjkWords('')).toBe('');
  });

  it('splits a query the way it splits the page, whatever is around the run', () => {
    expect(spaceCjkWords('huawei 位于深圳').split(' ')).toEqual(['huawei', ...spaceCjkWords('位于深圳').split(' ')]);
  });
});

describe('joinCjkWords', () => {
  it('takes out the spaces put between Chinese characters, also at the edge of a highlight', () => {
    const spaced = spaceCjkWords('总部位于深圳的科技公司');
    expect(joinCjkWords(spaced)).toBe('总部位于深圳的科技公司');
    expect(joinCjkWords('总部 位于 <mark>深圳</mark> 的 科技')).toBe('总部位于<mark>深圳</mark>的科技');
  });

  it('keeps the spaces between Latin words and around Chinese words set in Latin text', () => {
    expect(joinCjkWords('Huawei (华为, Huáwéi) and ZTE')).toBe('Huawei (华为, Huáwéi) and ZTE');
    expect(joinCjkWords('the 华为 brand')).toBe('the 华为 brand');
  });

  it('is applied to excerpts: the reader sees the run whole, with the found word marked', () => {
    expect(excerptParts('是一家 总部 位于 <mark>深圳</mark> 的 科技 公司')).toEqual([
      { text: '是一家总部位于', marked: false },
      { text: '深圳', marked: true },
      { text: '的科技公司', marked: false },
    ]);
  });
});
