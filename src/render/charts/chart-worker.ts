/**
 * A worker thread that draws charts ahead of the articles that show them (chart-prefetch.ts): it is sent every
 * chart of the build at once and sends each drawing back as soon as it is done, in the order sent.
 */
import { parentPort } from 'node:worker_threads';
import { drawChart } from './draw-chart.ts';
import type { ChartJob, ChartReply } from './chart-prefetch.ts';

parentPort?.once('message', (jobs: ChartJob[]) => {
  for (const job of jobs) {
    let reply: ChartReply;
    try {
      reply = { key: job.key, parts: drawChart(job.spec, job.rows, job.words) };
    } catch (error) {
      reply = { key: job.key, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(reply);
  }
  parentPort?.close();
});
