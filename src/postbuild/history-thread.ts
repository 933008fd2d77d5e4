/**
 * The thread of a build's history pages (src/postbuild/history-worker.ts), started once the wiki is read: it
 * finishes the history (the latest changes compared word by word, the lines of the changes a log read ahead left
 * uncounted, the history cache written) while Astro renders the articles; then, from the first page Astro
 * generates, it makes and checks the pages' bodies a template's share at a time and writes each template's pages as
 * soon as Astro has rendered the template (the middleware passes it on), at the lowest priority, beside Astro's page
 * generation. The history, the bodies and the pages' writing stay there: Astro's thread sends each template once
 * and at build:done asks for the pages not yet written. Until now the bodies' bytes came to Astro's thread, whose heap
 * held them (about 130 MB at 10,000 articles) while it generated the pages, and which wrote the 10,000 pages at
 * build:done while everything else waited. Should the thread fail, this one finishes the history and writes every
 * page itself (the same bytes); a body that fails the security check stops the build either way.
 */
import { startWorker, type WorkerSession } from '../build/worker.ts';
import { finishHistory, type UnfinishedHistory } from '../content-folder/wiki-history.ts';
import { HistoryBodyError } from './history-bodies.ts';
import { historyPagesWriter, type HistoryPagesSetup, type HistoryPagesWritten } from './history-pages.ts';

/** What the thread is asked: `finish` first, then `setup`, the shares and the templates, and `write` last. */
export type HistoryRequest =
  { finish: UnfinishedHistory } | { setup: HistoryPagesSetup } | { share: number } | { template: { index: number; html: string } } | 'write';
export type HistoryReply = { done: true } | { written: HistoryPagesWritten } | { refused: string } | { failed: string };

export interface HistoryThread {
  /** Settles once the history is whole and its cache written, on the thread or, should it fail, here. */
  finished(): Promise<void>;
  /** Start making the pages (once, from the first page Astro generates). */
  start(setup: HistoryPagesSetup): void;
  /** Template `index` as Astro rendered it (src/middleware.ts). */
  template(index: number, html: string): void;
  /**
   * Write the pages not written yet, remove the templates (after the security check, which read them); says how
   * many were written. Rejects with HistoryBodyError for a body that fails the security check.
   */
  write(): Promise<HistoryPagesWritten>;
  /** Stop the thread (after the pages, or when the build no longer needs them). */
  end(): void;
}

function answer(reply: HistoryReply): HistoryReply {
  if ('refused' in reply) throw new HistoryBodyError(reply.refused);
  if ('failed' in reply) throw new Error(reply.failed);
  return reply;
}

export function startHistoryThread(unfinished: UnfinishedHistory): HistoryThread {
  let here: ReturnType<typeof finishHistory> | undefined;
  const finishHere = () => (here ??= finishHistory(unfinished));
  let session: WorkerSession<HistoryRequest, HistoryReply> | undefined;
  try {
    session = startWorker<HistoryRequest, HistoryReply>(new URL('./history-worker.ts', import.meta.url));
  } catch {
    session = undefined;
  }
  /** Whether the thread finished the history (else this one does). */
  const onThread: Promise<boolean> = session
    ? session
        .ask({ finish: unfinished })
        .then((reply) => (answer(reply), true))
        .catch(() => false)
    : Promise.resolve(false);
  // Settled with the error, if any, and thrown when asked for: nothing may wait for it before build:done.
  const finishing = onThread
    .then(async (done) => {
      if (!done) await finishHere();
    })
    .then(
      () => undefined,
      (error: unknown) => error ?? new Error('the history could not be finished'),
    );
  let setup: HistoryPagesSetup | undefined;
  /** Whether the thread has made every body so far (HistoryBodyError for one that failed the check). */
  let making: Promise<boolean> = Promise.resolve(false);
  return {
    finished: async () => {
      const error = await finishing;
      if (error !== undefined) throw error;
    },
    start(given) {
      if (setup) return;
      setup = given;
      const worker = session;
      making = (async () => {
        if (!worker || !(await onThread)) return false;
        answer(await worker.ask({ setup: given }));
        // One share at a time, so that the templates Astro renders meanwhile reach the thread between them.
        for (const [index, share] of given.shares.entries()) if (share) answer(await worker.ask({ share: index }));
        return true;
      })().catch((error: unknown) => {
        if (error instanceof HistoryBodyError) throw error;
        return false;
      });
      // Asked for again by `write`, where a failure is reported.
      making.catch(() => undefined);
    },
    template(index, html) {
      // Lost with the thread, if it fails: the pages are then written here from the template Astro wrote.
      session?.ask({ template: { index, html } }).catch(() => undefined);
    },
    async write() {
      if (!setup) throw new Error('the history pages were written before they were started');
      if (session && (await making)) {
        try {
          return (answer(await session.ask('write')) as { written: HistoryPagesWritten }).written;
        } catch (error) {
          if (error instanceof HistoryBodyError) throw error;
        }
      }
      // Stopped first: a thread that failed must not write a page while this one writes it.
      session?.end();
      return historyPagesHere(setup, await finishHere());
    },
    end: () => session?.end(),
  };
}

/** The same pages, written on this thread from `history` (whole). */
export function historyPagesHere(setup: HistoryPagesSetup, history: Awaited<ReturnType<typeof finishHistory>>): HistoryPagesWritten {
  return historyPagesWriter(setup, (id) => history.pages.get(id)).finish();
}
