/**
 * The history pages' bodies, made and checked on a worker thread while Astro's thread generates the pages
 * (src/postbuild/history-bodies-worker.ts), so that build:done only puts them into their templates and writes
 * them. A template's share at a time, two asked at once: each message stays small, and the worker always has the
 * next share while this thread is busy. Should the worker fail, this thread makes them (the same bytes); a body
 * that fails the security check stops the build either way.
 */
import { historyBodyMaker, HistoryBodyError, type EncodedBodies, type HistoryBodiesSetup, type HistoryBodiesShare } from './history-bodies.ts';
import { sharePieces, startWorker, type WorkerSession } from '../build/worker.ts';

type Reply = { bodies: EncodedBodies } | { refused: string } | { failed: string } | { saved: true };

/**
 * The bodies of each share, in order: `shares[i]` gives template `i`'s articles and their histories, or is
 * undefined for a template this build does not render (a shard renders its turn of them); its bodies are then
 * undefined too.
 */
export async function historyBodiesAhead(
  setup: HistoryBodiesSetup,
  shares: ReadonlyArray<(() => HistoryBodiesShare) | undefined>,
): Promise<Array<EncodedBodies | undefined>> {
  const made: Array<EncodedBodies | undefined> = shares.map(() => undefined);
  let worker: WorkerSession<HistoryBodiesShare | 'save', Reply> | undefined;
  const answer = (reply: Reply) => {
    if ('refused' in reply) throw new HistoryBodyError(reply.refused);
    if ('failed' in reply) throw new Error(reply.failed);
    return reply;
  };
  try {
    const session = startWorker<HistoryBodiesShare | 'save', Reply>(new URL('./history-bodies-worker.ts', import.meta.url), setup);
    worker = session;
    await sharePieces(
      shares.length,
      1,
      [session],
      async (session, i) => {
        const share = shares[i];
        if (!share) return;
        const reply = answer(await session.ask(share()));
        if ('bodies' in reply) made[i] = reply.bodies;
      },
      undefined,
    );
    answer(await session.ask('save'));
    return made;
  } catch (error) {
    if (error instanceof HistoryBodyError) throw error;
    return historyBodiesHere(setup, shares);
  } finally {
    worker?.end();
  }
}

/** The same bodies, made on this thread. */
export function historyBodiesHere(setup: HistoryBodiesSetup, shares: ReadonlyArray<(() => HistoryBodiesShare) | undefined>): Array<EncodedBodies | undefined> {
  const maker = historyBodyMaker(setup);
  const made = shares.map((share) => share && maker.share(share()));
  maker.save();
  return made;
}
