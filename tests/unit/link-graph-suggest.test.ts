/** The random pick and the sitemap's lists: pure functions over tables ("Did you mean" on the 404 page: search-titles.test.ts). */
import { describe, expect, it } from 'vitest';
import { excludedPaths, lastChanges } from '../../src/astro/sitemap.ts';
import type { PageId } from '../../src/model/ids.ts';
import { pickRandom } from '../../src/client/random-article.ts';

describe('pickRandom', () => {
  it.each([
    [0, 'a'],
    [0.5, 'b'],
    [0.999, 'c'],
  ])('random() = %f picks %j', (r, expected) => expect(pickRandom(['a', 'b', 'c'], () => r)).toBe(expected));

  it('picks nothing from an empty list', () => expect(pickRandom([], () => 0.5)).toBeUndefined());
});

describe('the sitemap', () => {
  const id = (v: string) => v as PageId;
  it('leaves out alias redirects and Random article', () => {
    expect([...excludedPaths({ redirects: [{ alias: id('hw:old_name'), to: id('new') }] })].sort()).toEqual(['/special/random/', '/wiki/hw/old_name/']);
  });

  it('dates each article by its last change, and only dated ones', () => {
    const pages = {
      a: { id: id('a'), title: 'A', url: '/wiki/a/', file: 'a.mdx', description: '', tags: [], aliases: [], seeAlso: [], changed: '2026-05-01' },
      b: { id: id('b'), title: 'B', url: '/wiki/b/', file: 'b.mdx', description: '', tags: [], aliases: [], seeAlso: [] },
    };
    expect(Object.fromEntries(lastChanges({ pages }))).toEqual({ '/wiki/a/': '2026-05-01' });
  });
});
