/**
 * A worker thread that compares the latest changes of articles word by word (`compareLatest`), while Astro's
 * thread renders the pages: only the history pages, written after them, show these diffs. See
 * src/build/context.ts.
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { lowerThisThread } from '../build/worker.ts';
import { readText } from './read-folder.ts';
import { compareLatest, type LatestPair } from './wiki-history.ts';

lowerThisThread();
parentPort?.on('message', ({ contentDir, pairs }: { contentDir: string; pairs: LatestPair[] }) => {
  compareLatest(contentDir, pairs, (file) => readText(join(contentDir, file))).then(
    (compared) => parentPort?.postMessage({ compared }),
    (error: unknown) => parentPort?.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
  );
});
