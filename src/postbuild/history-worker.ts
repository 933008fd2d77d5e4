/**
 * The thread of a build's history pages (src/postbuild/history-thread.ts): it finishes the history, keeps it, makes
 * and checks each share's bodies from it, and writes the pages itself, each template's as soon as Astro has
 * rendered it, so that neither the bodies nor the pages' writing pass through Astro's thread. Requests are answered
 * one at a time, in order, though finishing waits for git.
 */
import { parentPort } from 'node:worker_threads';
import { lowerThisThread } from '../build/worker.ts';
import { finishHistory, type WikiHistory } from '../content-folder/wiki-history.ts';
import { HistoryBodyError } from './history-bodies.ts';
import { historyPagesWriter, type HistoryPagesWriter } from './history-pages.ts';
import type { HistoryReply, HistoryRequest } from './history-thread.ts';

lowerThisThread();
let history: WikiHistory | undefined;
let writer: HistoryPagesWriter | undefined;
/** Templates Astro rendered before the pages were set up. */
const early = new Map<number, string>();

async function handle(request: HistoryRequest): Promise<HistoryReply> {
  if (request === 'write') {
    if (!writer) throw new Error('the history pages were written before they were set up');
    return { written: writer.finish() };
  }
  if ('finish' in request) {
    history = await finishHistory(request.finish);
    return { done: true };
  }
  if ('template' in request) {
    if (writer) writer.template(request.template.index, request.template.html);
    else early.set(request.template.index, request.template.html);
    return { done: true };
  }
  const whole = history;
  if (!whole) throw new Error('the history pages were asked for before the history was finished');
  if ('setup' in request) {
    writer = historyPagesWriter(request.setup, (id) => whole.pages.get(id));
    for (const [index, html] of early) writer.template(index, html);
    early.clear();
    return { done: true };
  }
  if (!writer) throw new Error('a share was asked for before the history pages were set up');
  writer.make(request.share);
  return { done: true };
}

let queue = Promise.resolve();
parentPort?.on('message', (request: HistoryRequest) => {
  queue = queue.then(async () => {
    try {
      parentPort?.postMessage(await handle(request));
    } catch (error) {
      // A body that fails the check stops the build; anything else, the thread that asked does the work itself.
      parentPort?.postMessage(
        error instanceof HistoryBodyError ? { refused: error.message } : { failed: error instanceof Error ? error.message : String(error) },
      );
    }
  });
});
