/** The lines a change added and removed, counted from its texts as `git diff --numstat` counts them. */
import { describe, expect, it } from 'vitest';
import { editDistance, lineCounts } from '../../src/model/line-counts.ts';

describe('lineCounts', () => {
  it.each([
    ['a file added', undefined, 'a\nb\nc\n', { added: 3, removed: 0 }],
    ['a file deleted', 'a\nb\n', undefined, { added: 0, removed: 2 }],
    ['nothing changed', 'a\nb\n', 'a\nb\n', { added: 0, removed: 0 }],
    ['a line changed', 'a\nb\nc\n', 'a\nB\nc\n', { added: 1, removed: 1 }],
    ['a line inserted', 'a\nc\n', 'a\nb\nc\n', { added: 1, removed: 0 }],
    ['a line break added at the end', 'a\nb', 'a\nb\n', { added: 1, removed: 1 }],
    ['a line added after a last line without its break', 'a', 'a\nb', { added: 2, removed: 1 }],
    ['an empty file filled', '', 'x\n', { added: 1, removed: 0 }],
    ['a paragraph moved', '1\n2\n3\n4\n5\n6\n', '4\n5\n6\n1\n2\n3\n', { added: 3, removed: 3 }],
    ['line endings changed', 'a\nb\n', 'a\r\nb\r\n', { added: 2, removed: 2 }],
  ])('%s', (_, before, after, counts) => {
    expect(lineCounts(before, after)).toEqual(counts);
  });

  it('gives no counts for a binary file, as git does: a NUL byte in its first 8,000 bytes', () => {
    expect(lineCounts('\u0000PNG', '\u0000PNG2')).toBeUndefined();
    expect(lineCounts('text\n', `${'x'.repeat(7999)}\u0000`)).toBeUndefined();
    expect(lineCounts('text\n', `${'x'.repeat(8000)}\u0000\n`)).toEqual({ added: 1, removed: 1 });
  });

  it('counts the shortest edit of a larger change', () => {
    const before = Array.from({ length: 200 }, (_, i) => `line ${i % 17} ${i % 5}`);
    const after = before.filter((_, i) => i % 3 !== 0).map((line, i) => (i % 7 === 0 ? `${line}!` : line));
    const { added, removed } = lineCounts(`${before.join('\n')}\n`, `${after.join('\n')}\n`)!;
    // Every line either stays or is removed and added again: what stays is the longest common subsequence.
    expect(removed - added).toBe(before.length - after.length);
    expect(added).toBeLessThanOrEqual(Math.ceil(after.length / 7));
  });
});

describe('editDistance', () => {
  const ints = (s: string) => Int32Array.from(s, (c) => c.charCodeAt(0));
  it.each([
    ['abcabba', 'cbabac', 5],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 5],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(ints(a), ints(b))).toBe(d);
  });
});
