/**
 * The thread of a build's history pages (src/postbuild/history-worker.ts), started once the wiki is read: it
 * finishes the history (the latest changes compared word by word, the lines of the changes a log read ahead left
 * uncounted, the history cache written) while Astro renders the articles, then, from the first page Astro
 * generates, makes and checks the pages' bodies, a template's share at a time, two asked at once. The history it
 * finishes stays there: this thread sends each share's articles (id, title, address) and gets their bodies'
 * bytes, handed over rather than copied. Until now the word diffs and the counts came back to Astro's thread and
 * every article's history went out again with its share, copied each way, and Astro's heap held them while it
 * generated the pages. Should the thread fail, this one finishes the history and makes the bodies itself (the same
 * bytes); a body that fails the security check stops the build either way.
 */
import { sharePieces, startWorker, type WorkerSession } from '../build/worker.ts';
import { finishHistory, type UnfinishedHistory, type WikiHistory } from '../content-folder/wiki-history.ts';
import type { HistoryPageOf } from '../render/history-html.ts';
import { historyBodyMaker, HistoryBodyError, type EncodedBodies, type HistoryBodiesSetup } from './history-bodies.ts';

/** What the thread is asked, in order: `finish` first, then `setup`, the shares, and `save` after the last. */
export type HistoryRequest = { finish: UnfinishedHistory } | { setup: HistoryBodiesSetup } | { share: HistoryPageOf[] } | 'save';
export type HistoryReply = { done: true } | { bodies: EncodedBodies } | { refused: string } | { failed: string };

export interface HistoryThread {
  /** Settles once the history is whole and its cache written, on the thread or, should it fail, here. */
  finished(): Promise<void>;
  /**
   * The bodies of each share, in order: `shares[i]` lists template `i`'s articles, or is undefined for a template
   * this build does not render (a shard renders its turn of them); its bodies are then undefined too. Rejects with
   * HistoryBodyError for a body that fails the security check.
   */
  bodies(setup: HistoryBodiesSetup, shares: ReadonlyArray<HistoryPageOf[] | undefined>): Promise<Array<EncodedBodies | undefined>>;
  /** Stop the thread (after the bodies, or when the build no longer needs them). */
  end(): void;
}

function answer(reply: HistoryReply): HistoryReply {
  if ('refused' in reply) throw new HistoryBodyError(reply.refused);
  if ('failed' in reply) throw new Error(reply.failed);
  return reply;
}

export function startHistoryThread(unfinished: UnfinishedHistory): HistoryThread {
  let here: Promise<WikiHistory> | undefined;
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
  return {
    finished: async () => {
      const error = await finishing;
      if (error !== undefined) throw error;
    },
    bodies: async (setup, shares) => {
      const made: Array<EncodedBodies | undefined> = shares.map(() => undefined);
      try {
        const worker = session;
        if (!worker || !(await onThread)) throw new Error('the history thread did not finish the history');
        answer(await worker.ask({ setup }));
        await sharePieces(
          shares.length,
          1,
          [worker],
          async (thread, i) => {
            const pages = shares[i];
            if (!pages) return;
            const reply = answer(await thread.ask({ share: pages }));
            if ('bodies' in reply) made[i] = reply.bodies;
          },
          undefined,
        );
        answer(await worker.ask('save'));
        return made;
      } catch (error) {
        if (error instanceof HistoryBodyError) throw error;
        return historyBodiesHere(setup, shares, await finishHere());
      }
    },
    end: () => session?.end(),
  };
}

/** The same bodies, made on this thread from `history` (whole). */
export function historyBodiesHere(
  setup: HistoryBodiesSetup,
  shares: ReadonlyArray<HistoryPageOf[] | undefined>,
  history: WikiHistory,
): Array<EncodedBodies | undefined> {
  const maker = historyBodyMaker(setup);
  const made = shares.map((pages) => pages && maker.share({ pages, histories: pages.map((page) => history.pages.get(page.id)) }));
  maker.save();
  return made;
}
