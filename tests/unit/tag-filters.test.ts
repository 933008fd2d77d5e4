/** The search page's tag filters: which tags are offered, with what counts, in what order. */
import { describe, expect, it } from 'vitest';
import { tagOffers } from '../../src/client/tag-filters.ts';

describe('tagOffers', () => {
  it('offers only the tags that have results, most first, then A–Z', () => {
    const counts = { tag: { memory: 3, hardware: 7, companies: 0, china: 3, 'export-controls': 0 } };
    expect(tagOffers(counts, [])).toEqual([
      { tag: 'hardware', count: 7, checked: false },
      { tag: 'china', count: 3, checked: false },
      { tag: 'memory', count: 3, checked: false },
    ]);
  });

  it('keeps a ticked tag offered, even when the words searched find nothing under it, so that it can be unticked', () => {
    expect(tagOffers({ tag: { hardware: 2, companies: 0 } }, ['companies'])).toEqual([
      { tag: 'hardware', count: 2, checked: false },
      { tag: 'companies', count: 0, checked: true },
    ]);
    expect(tagOffers({}, ['gone'])).toEqual([{ tag: 'gone', count: 0, checked: true }]);
  });

  it('offers nothing when nothing was found and nothing is ticked', () => {
    expect(tagOffers({ tag: { hardware: 0 } }, [])).toEqual([]);
    expect(tagOffers({}, [])).toEqual([]);
  });

  it('orders tags of equal count as the language does, numbers by value', () => {
    const counts = { tag: { Zürich: 1, zeta: 1, 'gen 10': 1, 'gen 9': 1, Äpfel: 1 } };
    expect(tagOffers(counts, [], 'de').map((offer) => offer.tag)).toEqual(['Äpfel', 'gen 9', 'gen 10', 'zeta', 'Zürich']);
  });
});
