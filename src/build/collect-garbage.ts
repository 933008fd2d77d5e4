/**
 * A full garbage collection, at a moment the build knows most of what it held is garbage. V8 sizes its heap by
 * what survived its last full collection; left to itself, the last one before Astro renders ran during the
 * pre-pass, when every article's parse result was held, so the heap stays sized for that peak while the pages
 * are rendered (bench/RESULTS.md). `--expose-gc` set at run time gives `gc` to contexts made after it, here one
 * of the build's own, not to the pages' code.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let gc: Collect | undefined;

/**
 * Collect, and give the freed memory back: the `last-resort` collection compacts the heap and returns its empty
 * pages, where a regular one keeps them for the heap to grow into (a heap of 560 MB holding 140: 617 MB of the
 * process's memory after a regular collection, 206 MB after this one).
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Collect;
  }
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * Below this much heap in use the collection is not worth its time: 0.2 s at 1,000 articles (131 MB in use, less
 * than Astro's own build grows the heap to), 0.9 s at 5,000 long articles, where it lowers the peak by a quarter.
 */
const BIG_HEAP = 256 * 1024 * 1024;

/**
 * The same before the first page is generated, when the heap holds the articles' rendering and Vite's bundling,
 * mostly garbage: 5,000 long articles 857 MB (collected in 1.1 s), 5,000 standard 487 MB, 1,000 with every
 * component 269 MB, 1,000 standard 199 MB. Left alone, V8 grew the heap on top of it while the pages were generated,
 * and a build of 5,000 long articles peaked there: 1,773–2,074 MiB in four runs, 1,371–1,530 MiB with the
 * collection, in the same time (bench/RESULTS.md). Below this much the collection costs more than it saves.
 */
export const BIG_HEAP_AT_PAGES = 768 * 1024 * 1024;

/** `collectGarbage` when the heap holds more than `threshold` bytes. */
export function collectGarbageOverBig(threshold = BIG_HEAP): void {
  if (getHeapStatistics().used_heap_size > threshold) collectGarbage();
}
