import { describe, expect, it } from 'vitest';
import { currentSectionIndex } from '../../src/client/toc-current.ts';

describe('currentSectionIndex: the section the reader is in', () => {
  const cases: Array<[string, number[], number, number]> = [
    ['no headings', [], 200, -1],
    ['above the first heading', [300, 900, 1500], 200, -1],
    ['first heading just passed the reading line', [150, 900, 1500], 200, 0],
    ['heading exactly on the line counts', [-500, 200, 800], 200, 1],
    ['between the second and third', [-900, -100, 600], 200, 1],
    ['scrolled past every heading', [-2000, -1200, -300], 200, 2],
    ['two headings above the line: the later one wins', [-50, 10, 900], 200, 1],
  ];
  for (const [name, tops, line, expected] of cases) {
    it(name, () => expect(currentSectionIndex(tops, line)).toBe(expected));
  }
});
