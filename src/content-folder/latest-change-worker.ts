/**
 * A worker thread that compares the latest changes of articles word by word (`compareLatest`) and counts the lines
 * of the changes a log read ahead left uncounted (`countLines`), while Astro's thread renders the pages: only the
 * history pages, written after them, show these. See src/build/context.ts.
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { lowerThisThread } from '../build/worker.ts';
import { readText } from './read-folder.ts';
import { countLines, type BlobPair } from './git-history.ts';
import { compareLatest, type LatestPair } from './wiki-history.ts';

lowerThisThread();
parentPort?.on('message', ({ contentDir, pairs, changes }: { contentDir: string; pairs: LatestPair[]; changes: BlobPair[] }) => {
  Promise.all([compareLatest(contentDir, pairs, (file) => readText(join(contentDir, file))), countLines(contentDir, changes)]).then(
    ([compared, counts]) => parentPort?.postMessage({ compared, counts }),
    (error: unknown) => parentPort?.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
  );
});
