/**
 * A worker thread that draws charts ahead of the articles that show them (chart-prefetch.ts): it is sent every
 * chart of the build at once and sends each drawing back as soon as it is done, in the order sent, as the HTML
 * the article renderer writes (a string is also cheaper to send than the tree).
 */
import { parentPort } from 'node:worker_threads';
import { lowerThisThread } from '../../build/worker.ts';
import { drawChartHtml } from './draw-chart.ts';
import type { ChartJob, ChartReply } from './chart-prefetch.ts';

// Beside the articles' rendering, which with its collector's helpers keeps both cores busy: at the lowest priority
// the worker takes what they leave (components 3.6% faster at 1,000 articles, bench/RESULTS.md); the renderer does
// not wait long for a drawing (chart-prefetch.ts CHART_WAITS).
lowerThisThread();
parentPort?.once('message', (jobs: ChartJob[]) => {
  for (const job of jobs) {
    let reply: ChartReply;
    try {
      reply = { key: job.key, html: drawChartHtml(job.spec, job.rows, job.words) };
    } catch (error) {
      reply = { key: job.key, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(reply);
  }
  parentPort?.close();
});
