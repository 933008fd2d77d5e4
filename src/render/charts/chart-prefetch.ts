/**
 * Charts drawn ahead, on the second core. Observable Plot takes a few milliseconds a chart, more than the
 * rest of an article's rendering (bench/RESULTS.md): at the start of a build the wiki hands every chart to a
 * worker thread (chart-worker.ts), which draws them while Astro starts and the articles render; the chart
 * plugin (src/render/plugins/remark-charts.ts) then takes each drawing by its key, or draws the chart itself
 * when none was asked for (astro dev, render worker threads). The drawings are the same either way. They are
 * HTML (draw-chart.ts, `drawChartHtml`), for the article renderer: articles compiled by MDX draw their charts
 * as trees, and none of theirs is asked for.
 *
 * One per build, held by the build context (src/build/context.ts), which hands `drawing` to the pipeline.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { chartRows, type ChartRow, type ChartSpec } from '../../model/chart-spec.ts';
import type { PageId } from '../../model/ids.ts';
import type { PageIndex } from '../../model/page-index.ts';
import type { ChartWords } from './chart-words.ts';

export interface ChartJob {
  key: string;
  spec: ChartSpec;
  rows: ChartRow[];
  words: ChartWords;
}

export type ChartReply = { key: string; html: string } | { key: string; error: string };

interface Pending {
  promise: Promise<string>;
  resolve: (html: string) => void;
  reject: (error: Error) => void;
}

/** What identifies a drawing: the spec and the rows it draws, and the words it writes them with. */
export function chartKey(spec: ChartSpec, rows: ChartRow[], words: ChartWords): string {
  return createHash('sha1')
    .update(JSON.stringify([spec, rows, words]))
    .digest('base64url');
}

/**
 * Every chart of the articles the build renders (`renders`) with the article renderer (those without MDX of their
 * own), in the order the article loader renders them (that of the page index).
 */
export function chartJobs(index: PageIndex, words: ChartWords, renders: (id: PageId) => boolean = () => true): ChartJob[] {
  return [...index.pages.values()].flatMap((page) =>
    (renders(page.id) && page.article.markdownOnly ? page.article.charts : []).flatMap((chart) => {
      const rows = chartRows(chart, index.dataFiles);
      return typeof rows === 'string' ? [] : [{ key: chartKey(chart.spec, rows, words), spec: chart.spec, rows, words }];
    }),
  );
}

export class ChartPrefetch {
  readonly #pending = new Map<string, Pending>();
  #worker: Worker | undefined;

  /** Start drawing `jobs` in a worker thread; their drawings are then taken with `drawing`. */
  start(jobs: ChartJob[]): void {
    this.stop();
    const fresh = jobs.filter((job) => !this.#pending.has(job.key));
    if (fresh.length === 0) return;
    for (const job of fresh) {
      let resolve: Pending['resolve'] = () => {};
      let reject: Pending['reject'] = () => {};
      const promise = new Promise<string>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      // A drawing nobody takes must not fail the build as an unhandled rejection.
      promise.catch(() => {});
      this.#pending.set(job.key, { promise, resolve, reject });
    }
    const worker = new Worker(new URL('./chart-worker.ts', import.meta.url));
    // The build does not wait for drawings nobody takes.
    worker.unref();
    worker.on('message', (reply: ChartReply) => {
      const entry = this.#pending.get(reply.key);
      if (!entry) return;
      if ('html' in reply) entry.resolve(reply.html);
      else entry.reject(new Error(reply.error));
    });
    const failAll = (error: Error) => {
      for (const job of fresh) this.#pending.get(job.key)?.reject(error);
    };
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('the chart worker stopped before drawing this chart')));
    worker.postMessage(fresh);
    this.#worker = worker;
  }

  /** The drawing of a chart asked for with `start`, as HTML, or undefined when it was not. */
  drawing = (key: string): Promise<string> | undefined => this.#pending.get(key)?.promise;

  /** Stop drawing ahead (the articles are rendered) and forget the drawings. */
  stop(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
    this.#pending.clear();
  }
}
