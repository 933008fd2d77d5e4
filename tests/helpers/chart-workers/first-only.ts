/** A stand-in for the chart worker (src/render/charts/chart-worker.ts) that answers the first chart at once, with `<drawn key>`, and then never again. */
import { parentPort } from 'node:worker_threads';

const alive = setInterval(() => {}, 1000);
parentPort?.once('close', () => clearInterval(alive));
parentPort?.once('message', (jobs: Array<{ key: string }>) => {
  if (jobs[0]) parentPort?.postMessage({ key: jobs[0].key, html: `<drawn ${jobs[0].key}>` });
});
