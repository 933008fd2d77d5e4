/**
 * A worker thread that makes and checks the history pages' bodies (src/postbuild/history-bodies.ts) while Astro's
 * thread generates the pages: each request is a template's share, answered with its bodies' bytes, handed over
 * rather than copied; `save` remembers the checks. See src/postbuild/history-bodies-ahead.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThread } from '../build/worker.ts';
import { HistoryBodyError, historyBodyMaker, type HistoryBodiesSetup, type HistoryBodiesShare } from './history-bodies.ts';

lowerThisThread();
const maker = historyBodyMaker(workerData as HistoryBodiesSetup);

parentPort?.on('message', (request: HistoryBodiesShare | 'save') => {
  try {
    if (request === 'save') {
      maker.save();
      parentPort?.postMessage({ saved: true });
      return;
    }
    const bodies = maker.share(request);
    parentPort?.postMessage({ bodies }, [bodies.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    // A body that fails the check stops the build; anything else, the thread that asked makes the bodies itself.
    parentPort?.postMessage(error instanceof HistoryBodyError ? { refused: error.message } : { failed: String(error) });
  }
});
