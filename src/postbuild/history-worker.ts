/**
 * The thread of a build's history pages (src/postbuild/history-thread.ts): it finishes the history, keeps it, and
 * makes and checks each share's bodies from it, handing their bytes over rather than copying them. Requests are
 * answered one at a time, in order, though finishing waits for git.
 */
import { parentPort } from 'node:worker_threads';
import { lowerThisThread } from '../build/worker.ts';
import { finishHistory, type WikiHistory } from '../content-folder/wiki-history.ts';
import { HistoryBodyError, historyBodyMaker, type HistoryBodyMaker } from './history-bodies.ts';
import type { HistoryReply, HistoryRequest } from './history-thread.ts';

lowerThisThread();
let history: WikiHistory | undefined;
let maker: HistoryBodyMaker | undefined;

async function handle(request: HistoryRequest): Promise<HistoryReply> {
  if (request === 'save') {
    maker?.save();
    return { done: true };
  }
  if ('finish' in request) {
    history = await finishHistory(request.finish);
    return { done: true };
  }
  if ('setup' in request) {
    maker = historyBodyMaker(request.setup);
    return { done: true };
  }
  const whole = history;
  if (!whole || !maker) throw new Error('bodies were asked for before the history was finished and the bodies set up');
  return { bodies: maker.share({ pages: request.share, histories: request.share.map((page) => whole.pages.get(page.id)) }) };
}

let queue = Promise.resolve();
parentPort?.on('message', (request: HistoryRequest) => {
  queue = queue.then(async () => {
    try {
      const reply = await handle(request);
      parentPort?.postMessage(reply, 'bodies' in reply ? [reply.bodies.bytes.buffer as ArrayBuffer] : []);
    } catch (error) {
      // A body that fails the check stops the build; anything else, the thread that asked does the work itself.
      parentPort?.postMessage(
        error instanceof HistoryBodyError ? { refused: error.message } : { failed: error instanceof Error ? error.message : String(error) },
      );
    }
  });
});
