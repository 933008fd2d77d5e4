/** A stand-in for the chart worker (src/render/charts/chart-worker.ts) starved of the CPU: it never answers. */
import { parentPort } from 'node:worker_threads';

// Kept alive, as a starved thread is, until it is stopped.
const alive = setInterval(() => {}, 1000);
parentPort?.once('close', () => clearInterval(alive));
