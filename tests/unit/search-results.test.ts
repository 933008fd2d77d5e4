/** What a search result shows, from Pagefind's data: tables of cases. */
import { describe, expect, it } from 'vitest';
import type { PagefindFragment, PagefindSubResult } from '../../src/client/search-pagefind.ts';
import { ENGLISH_UI_STRINGS, translator } from '../../src/shared/ui-strings.ts';
import {
  bestSections,
  excerptParts,
  isSearchable,
  readSearchState,
  resultSummary,
  resultView,
  searchPause,
  SHORT_WORD_PAUSE_MS,
  writeSearchState,
} from '../../src/client/search-results.ts';

describe('excerptParts', () => {
  it.each([
    ['plain text', [{ text: 'plain text', marked: false }]],
    [
      'uses <mark>HBM</mark> memory',
      [
        { text: 'uses ', marked: false },
        { text: 'HBM', marked: true },
        { text: ' memory', marked: false },
      ],
    ],
    ['<mark>a</mark><mark>b</mark>', [{ text: 'ab', marked: true }]],
    // Pagefind indexes the text a reader sees: `AT&T`, `5 < 6`, and `&lt;b&gt;` where the article shows those characters.
    ['AT&T 5 < 6 &lt;b&gt; "x" it\'s', [{ text: 'AT&T 5 < 6 &lt;b&gt; "x" it\'s', marked: false }]],
    ['<mark>&amp;lt;</mark>', [{ text: '&amp;lt;', marked: true }]],
    [
      '(<mark>华为</mark>,',
      [
        { text: '(', marked: false },
        { text: '华为', marked: true },
        { text: ',', marked: false },
      ],
    ],
    ['', []],
  ])('%j', (excerpt, parts) => {
    expect(excerptParts(excerpt)).toEqual(parts);
  });
});

const section = (title: string, scores: number[], anchor = true): PagefindSubResult => ({
  title,
  url: `/wiki/x/${anchor ? `#${title.toLowerCase()}` : ''}`,
  excerpt: `about <mark>${title}</mark>`,
  locations: scores.map((_, i) => i),
  weighted_locations: scores.map((balanced_score, location) => ({ weight: 1, balanced_score, location })),
  ...(anchor ? { anchor: { element: 'h2', id: title.toLowerCase(), location: 0 } } : {}),
});

describe('bestSections', () => {
  it.each([
    ['the best-scoring section first', [section('A', [1]), section('B', [3]), section('C', [2])], 2, ['B', 'C']],
    ['several matched words add up', [section('A', [2]), section('B', [1, 1.5])], 1, ['B']],
    ['ties keep page order', [section('A', [1]), section('B', [1])], 2, ['A', 'B']],
    ['no sections', [], 3, []],
  ])('%s', (_, sections, limit, titles) => {
    expect(bestSections(sections, limit).map((s) => s.title)).toEqual(titles);
  });
});

describe('resultView', () => {
  const fragment = (subs: PagefindSubResult[]): PagefindFragment => ({
    url: '/wiki/x/?highlight=hbm',
    excerpt: 'page <mark>hbm</mark>',
    meta: { title: 'Ascend 910B', description: 'AI chip' },
    filters: { tag: ['hardware'] },
    sub_results: subs,
  });

  it('leads to the best section and names its heading', () => {
    const view = resultView(fragment([section('Intro', [0.5], false), section('Memory', [4])]), 1);
    expect(view).toMatchObject({ title: 'Ascend 910B', url: '/wiki/x/#memory', description: 'AI chip', tags: ['hardware'] });
    expect(view.sections).toEqual([
      {
        heading: 'Memory',
        url: '/wiki/x/#memory',
        excerpt: [
          { text: 'about ', marked: false },
          { text: 'Memory', marked: true },
        ],
      },
    ]);
  });

  it('gives text before the first heading no section name', () => {
    expect(resultView(fragment([section('Ascend 910B', [2], false)]), 3).sections[0]?.heading).toBeUndefined();
  });

  it('falls back to the page excerpt when Pagefind gives no sections', () => {
    const view = resultView(fragment([]), 3);
    expect(view.url).toBe('/wiki/x/?highlight=hbm');
    expect(view.sections).toEqual([
      {
        heading: undefined,
        url: '/wiki/x/?highlight=hbm',
        excerpt: [
          { text: 'page ', marked: false },
          { text: 'hbm', marked: true },
        ],
      },
    ]);
  });
});

describe('the search page address', () => {
  it.each([
    ['', { query: '', tags: [] }, ''],
    ['?q=hbm', { query: 'hbm', tags: [] }, '?q=hbm'],
    ['?q=%20two+words%20', { query: 'two words', tags: [] }, '?q=two+words'],
    ['?q=%E5%8D%8E%E4%B8%BA&tag=china', { query: '华为', tags: ['china'] }, '?q=%E5%8D%8E%E4%B8%BA&tag=china'],
    ['?tag=a&tag=b&tag=', { query: '', tags: ['a', 'b'] }, '?tag=a&tag=b'],
  ])('%s', (address, state, written) => {
    expect(readSearchState(address)).toEqual(state);
    expect(writeSearchState(state)).toBe(written);
  });
});

describe('resultSummary', () => {
  it.each([
    [3, { query: 'hbm', tags: [] }, '3 articles match “hbm”.'],
    [1, { query: 'hbm', tags: [] }, '1 article matches “hbm”.'],
    [2, { query: 'hbm', tags: ['hardware', 'china'] }, '2 articles match “hbm”, tagged hardware or china.'],
    [2, { query: '', tags: ['company'] }, '2 articles tagged company.'],
  ])('%i, %j', (count, state, text) => {
    expect(resultSummary(count, state, translator(ENGLISH_UI_STRINGS, 'en'))).toBe(text);
  });
});

describe('searchPause', () => {
  it.each([
    ['hb', SHORT_WORD_PAUSE_MS],
    ['AI', SHORT_WORD_PAUSE_MS],
    ['hbm', 0],
    ['memory', 0],
    ['memory b', SHORT_WORD_PAUSE_MS],
    ['memory ba', SHORT_WORD_PAUSE_MS],
    ['memory ban', 0],
    ['memory ', 0],
    ['华', 0],
    ['nvidia 华为', 0],
    ['nvidia 昇', 0],
  ])('%j waits %i ms for another keystroke', (query, ms) => {
    expect(searchPause(query)).toBe(ms);
  });
});

describe('isSearchable', () => {
  it.each([
    ['', false],
    ['  ', false],
    ['i', false],
    [' h ', false],
    ['hb', true],
    ['华', true],
    ['ア', true],
    ['é', false],
    ['éa', true],
  ])('%j → %s', (query, searchable) => {
    expect(isSearchable(query)).toBe(searchable);
  });
});
