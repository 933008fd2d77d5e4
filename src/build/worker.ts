/** Worker threads kept for many requests (`startWorker`), and pieces of work shared between them and this thread (`sharePieces`). */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { Worker } from 'node:worker_threads';

/** The lowest priority a thread can be given (`nice` 19). */
const LOWEST = 19;

/**
 * Give the calling thread the lowest priority, for a worker whose work is only needed at the build's end: it then
 * takes what the other threads leave of the machine, not a share of it from the threads that generate the pages
 * (the garbage collector's helpers among them). On Linux a thread has a priority of its own, set through its id
 * (`/proc/thread-self`); elsewhere nothing is changed.
 */
export function lowerThisThread(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), LOWEST);
  } catch {
    // No /proc, or not allowed: the thread keeps its priority.
  }
}

/** A worker thread that answers requests in the order they were asked, until `end`. */
export interface WorkerSession<Request, Reply> {
  ask(request: Request): Promise<Reply>;
  end(): void;
}

/**
 * A worker thread kept for many requests, each answered by one message (the script replies to each request once,
 * in order). Asking in small pieces keeps the worker's heap and each message small, where one request of
 * everything makes the worker hold it all, and its reply be copied in one piece. `workerData`: what every
 * request shares, given once.
 */
export function startWorker<Request, Reply>(script: URL, workerData?: unknown): WorkerSession<Request, Reply> {
  const worker = new Worker(script, workerData === undefined ? undefined : { workerData });
  const waiting: Array<{ resolve: (reply: Reply) => void; reject: (reason: unknown) => void }> = [];
  let failure: unknown;
  const fail = (reason: unknown) => {
    failure ??= reason;
    for (const asked of waiting.splice(0)) asked.reject(failure);
  };
  // A session waiting for no answer does not keep the process alive: a build that fails while a worker waits for
  // its next request ends, rather than hanging on the idle thread.
  worker.unref();
  worker.on('message', (reply: Reply) => {
    waiting.shift()?.resolve(reply);
    if (waiting.length === 0) worker.unref();
  });
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`a worker thread (${script.pathname}) stopped with code ${code} before it answered`)));
  return {
    ask: (request) =>
      new Promise<Reply>((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        try {
          worker.postMessage(request);
        } catch (error) {
          // A request that cannot be copied (a function in it) is never sent.
          return reject(error);
        }
        waiting.push({ resolve, reject });
        worker.ref();
      }),
    end: () => void worker.terminate(),
  };
}

/**
 * Do `count` items in pieces of `size`, handed out in order to whichever thread is free: the worker `sessions`
 * (each asked two pieces at once, so that it has the next while this thread is busy) and, unless `here` is
 * undefined, this thread, which lets the workers' answers in between its pieces. `inWorker` and `here` do the
 * items `start` to `end` (not included). A worker takes its first piece once `ready` (its setting up) is done, so
 * that this thread does not wait on pieces held by a worker still starting; no piece is handed out once `stop` says
 * so. A worker's failure is thrown once this thread is done with its pieces.
 */
export async function sharePieces<Session>(
  count: number,
  size: number,
  sessions: readonly Session[],
  inWorker: (session: Session, start: number, end: number) => Promise<void>,
  here: ((start: number, end: number) => Promise<void> | void) | undefined,
  { ready, stop }: { ready?: (session: Session) => Promise<unknown>; stop?: () => boolean } = {},
): Promise<void> {
  let next = 0;
  const piece = (): [number, number] | undefined => {
    if (next >= count || stop?.()) return undefined;
    const start = next;
    next = Math.min(count, next + size);
    return [start, next];
  };
  const askInTurn = async (session: Session) => {
    await ready?.(session);
    for (let part = piece(); part; part = piece()) await inWorker(session, ...part);
  };
  const inWorkers = Promise.all(sessions.flatMap((session) => [askInTurn(session), askInTurn(session)]));
  inWorkers.catch(() => undefined);
  if (here) {
    for (let part = piece(); part; part = piece()) {
      await here(...part);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await inWorkers;
}
