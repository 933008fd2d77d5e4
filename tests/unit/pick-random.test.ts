/** The random pick: a pure function over a list ("Did you mean" on the 404 page: search-titles.test.ts). */
import { describe, expect, it } from 'vitest';
import { pickRandom } from '../../src/client/random-article.ts';

describe('pickRandom', () => {
  it.each([
    [0, 'a'],
    [0.5, 'b'],
    [0.999, 'c'],
  ])('random() = %f picks %j', (r, expected) => expect(pickRandom(['a', 'b', 'c'], () => r)).toBe(expected));

  it('picks nothing from an empty list', () => expect(pickRandom([], () => 0.5)).toBeUndefined());
});
