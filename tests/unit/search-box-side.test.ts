/** Where the search box's results hang from (src/client/results-side.ts): inside the window wherever the box stands. */
import { describe, expect, it } from 'vitest';
import { sideOfBox } from '../../src/client/results-side.ts';

describe('the side of the search box its results hang from', () => {
  it('is the left edge when the results fit to the right of it', () => {
    expect(sideOfBox({ left: 16, right: 304 }, 288, 320)).toBe('start');
    expect(sideOfBox({ left: 200, right: 550 }, 544, 768)).toBe('start');
  });

  it('is the right edge for a box at the right of a wide header, where they would run out of the window', () => {
    expect(sideOfBox({ left: 757, right: 1109 }, 544, 1280)).toBe('end');
  });

  it('is the side that runs out less when neither fits', () => {
    expect(sideOfBox({ left: 100, right: 300 }, 544, 600)).toBe('start');
    expect(sideOfBox({ left: 300, right: 500 }, 544, 600)).toBe('end');
  });
});
