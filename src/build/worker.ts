/** Worker threads: one request and its reply (`askWorker`), or a worker kept for many requests (`startWorker`). */
import { Worker } from 'node:worker_threads';

/** One request to a fresh worker thread, one reply back; the worker ends with it. */
export function askWorker<Request, Reply>(script: URL, request: Request): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.once('message', (reply: Reply) => {
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.postMessage(request);
  });
}

/** A worker thread that answers requests in the order they were asked, until `end`. */
export interface WorkerSession<Request, Reply> {
  ask(request: Request): Promise<Reply>;
  end(): void;
}

/**
 * A worker thread kept for many requests, each answered by one message (the script replies to each request once,
 * in order). Asking in small pieces keeps the worker's heap and each message small, where one request of
 * everything makes the worker hold it all, and its reply be copied in one piece.
 */
export function startWorker<Request, Reply>(script: URL): WorkerSession<Request, Reply> {
  const worker = new Worker(script);
  const waiting: Array<{ resolve: (reply: Reply) => void; reject: (reason: unknown) => void }> = [];
  let failure: unknown;
  const fail = (reason: unknown) => {
    failure ??= reason;
    for (const asked of waiting.splice(0)) asked.reject(failure);
  };
  worker.on('message', (reply: Reply) => waiting.shift()?.resolve(reply));
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`a worker thread (${script.pathname}) stopped with code ${code} before it answered`)));
  return {
    ask: (request) =>
      new Promise<Reply>((resolve, reject) => {
        if (failure !== undefined) return reject(failure);
        waiting.push({ resolve, reject });
        worker.postMessage(request);
      }),
    end: () => void worker.terminate(),
  };
}
