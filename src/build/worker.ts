/** One request to a fresh worker thread, one reply back; the worker ends with it. */
import { Worker } from 'node:worker_threads';

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
