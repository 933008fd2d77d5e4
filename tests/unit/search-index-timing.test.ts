/** When `npm run build` builds the search index: beside Astro for a small wiki, after it for a large one. */
import { describe, expect, it } from 'vitest';
import { INDEX_AFTER_ASTRO_FROM, indexAfterAstro } from '../../src/integrations/pagefind.ts';

describe('indexAfterAstro', () => {
  it.each([
    [16, false],
    [1000, false],
    [INDEX_AFTER_ASTRO_FROM - 1, false],
    [INDEX_AFTER_ASTRO_FROM, true],
    [10000, true],
  ])('%i articles: after Astro has exited = %s', (articles, after) => {
    expect(indexAfterAstro(articles, {})).toBe(after);
  });

  it('does what WIKI_SEARCH_INDEX_AFTER_BUILD says, whatever the size', () => {
    expect(indexAfterAstro(16, { WIKI_SEARCH_INDEX_AFTER_BUILD: '1' })).toBe(true);
    expect(indexAfterAstro(10000, { WIKI_SEARCH_INDEX_AFTER_BUILD: '0' })).toBe(false);
    expect(indexAfterAstro(10000, { WIKI_SEARCH_INDEX_AFTER_BUILD: 'yes' })).toBe(true);
  });
});
