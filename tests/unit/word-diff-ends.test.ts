import { describe, expect, it } from 'vitest';
import { commonEnds, wordDiff } from '../../src/model/word-diff.ts';

/** `commonEnds` as a character loop: what the block-wise comparison must give. */
function naiveEnds(before: string, after: string): { head: number; tail: number } {
  const max = Math.min(before.length, after.length);
  let head = 0;
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  head = before.lastIndexOf('\n', head - 1) + 1;
  let tail = 0;
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const cut = before.indexOf('\n', before.length - tail - 1);
  tail = cut === -1 || tail === 0 ? 0 : before.length - cut - 1;
  return { head, tail };
}

/** A text of `lines` lines of varied length, deterministic. */
function text(lines: number, seed: number): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: lines }, (_, i) => `Line ${i}: ${'word '.repeat(next() % 30)}end`).join('\n');
}

describe('the common start and end of two texts, compared a block at a time', () => {
  it('finds what a character-by-character comparison finds, wherever the change falls', () => {
    const base = text(400, 7);
    for (const at of [0, 1, 255, 256, 257, 511, 512, 1000, 4096, base.length - 300, base.length - 256, base.length - 1, base.length]) {
      for (const change of ['', 'X', 'inserted words\n', '\n']) {
        const after = base.slice(0, at) + change + base.slice(at + (change === '' ? 1 : 0));
        expect(commonEnds(base, after)).toEqual(naiveEnds(base, after));
        expect(commonEnds(after, base)).toEqual(naiveEnds(after, base));
      }
    }
    expect(commonEnds(base, base)).toEqual(naiveEnds(base, base));
    expect(commonEnds('', base)).toEqual(naiveEnds('', base));
    // A change repeated at both ends, so that the common end could overlap the common start.
    const twice = `${'ab'.repeat(300)}\n${'ab'.repeat(300)}`;
    expect(commonEnds(twice, `${twice}ab`)).toEqual(naiveEnds(twice, `${twice}ab`));
  });

  it('still shows a one-word change in a long article as one hunk at its line', () => {
    const before = text(400, 3);
    const lines = before.split('\n');
    lines[250] = lines[250]!.replace('end', 'finish');
    const diff = wordDiff(before, lines.join('\n'));
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0]!.line).toBe(251);
    expect(diff.hunks[0]!.parts).toContainEqual({ kind: 'added', text: 'finish' });
  });
});
