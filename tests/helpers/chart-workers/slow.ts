/** A stand-in for the chart worker (src/render/charts/chart-worker.ts) that answers each chart 20 ms after the last, with `<drawn key>`. */
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', (jobs: Array<{ key: string }>) => {
  let at = 0;
  for (const job of jobs) setTimeout(() => parentPort?.postMessage({ key: job.key, html: `<drawn ${job.key}>` }), (at += 20));
});
