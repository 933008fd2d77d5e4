/** The collection a build runs once the wiki is read gives the freed memory back, not only frees it. */
import { describe, expect, it } from 'vitest';
import { collectGarbage, collectGarbageOverBig } from '../../src/build/collect-garbage.ts';

describe('collectGarbage', () => {
  it('frees what nothing holds and shrinks the heap, so that the process holds less', () => {
    let garbage: Array<{ text: string; numbers: number[] }> | undefined = [];
    const kept: string[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      const item = { text: `article ${i} `.repeat(4), numbers: [i, i + 1, i + 2] };
      if (i % 10 === 0) kept.push(item.text);
      else garbage.push(item);
    }
    const before = process.memoryUsage();
    garbage = undefined;
    collectGarbage();
    const after = process.memoryUsage();
    expect(garbage).toBeUndefined();
    // Some 150 MB were garbage: most of the heap's space is given back, not kept for it to grow into.
    expect(before.heapTotal - after.heapTotal).toBeGreaterThan(60 * 1024 * 1024);
    expect(after.heapUsed).toBeLessThan(before.heapUsed / 2);
    expect(kept).toHaveLength(100_000);
  });
});

describe('collectGarbageOverBig', () => {
  it('collects when the heap holds more than the threshold', () => {
    let garbage: string[] | undefined = Array.from({ length: 500_000 }, (_, i) => `page ${i} `.repeat(8));
    const before = process.memoryUsage();
    garbage = undefined;
    collectGarbageOverBig(0);
    expect(garbage).toBeUndefined();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before.heapUsed / 2);
  });
});
