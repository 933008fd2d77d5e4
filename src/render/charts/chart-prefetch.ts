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
  /** Whether the worker's answer came. */
  settled: boolean;
}

/**
 * How long the renderer waits for a drawing the worker has not sent yet, in milliseconds: longer for the first, while
 * the worker loads Plot (0.3–1 s). The worker runs at the lowest priority (chart-worker.ts) and gets a core as soon as
 * the renderer waits, unless other work at a higher priority holds both (parallel builds, a busy machine): then the
 * renderer stops waiting, the worker is stopped, and the renderer draws that chart and the ones after it itself.
 */
export const CHART_WAITS = { first: 3000, next: 100 };

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
  /** Whether a drawing came from the worker: after it, the renderer waits `next` for one, not `first`. */
  #drawn = false;
  /** Whether the renderer stopped waiting for the worker: the charts it has not drawn are drawn by the renderer. */
  #gaveUp = false;
  readonly #script: URL;
  readonly #waits: typeof CHART_WAITS;

  /** `script` and `waits`: the worker's and the waits' (tests give others). */
  constructor(script = new URL('./chart-worker.ts', import.meta.url), waits = CHART_WAITS) {
    this.#script = script;
    this.#waits = waits;
  }

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
      this.#pending.set(job.key, { promise, resolve, reject, settled: false });
    }
    this.#drawn = false;
    this.#gaveUp = false;
    const worker = new Worker(this.#script);
    // The build does not wait for drawings nobody takes.
    worker.unref();
    worker.on('message', (reply: ChartReply) => {
      const entry = this.#pending.get(reply.key);
      if (!entry) return;
      entry.settled = true;
      this.#drawn = true;
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

  /**
   * The drawing of a chart asked for with `start`, as HTML, or undefined when it was not. It rejects when the worker
   * failed, or did not send it within the wait (CHART_WAITS): the renderer then draws the chart itself.
   */
  drawing = (key: string): Promise<string> | undefined => {
    const entry = this.#pending.get(key);
    if (!entry || entry.settled) return entry?.promise;
    if (this.#gaveUp) return Promise.reject(new Error('the chart worker was stopped: the renderer draws this chart'));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.#giveUp();
          reject(new Error('the chart worker did not draw this chart in time: the renderer draws it'));
        },
        this.#drawn ? this.#waits.next : this.#waits.first,
      );
      timer.unref();
      entry.promise.then(
        (html) => {
          clearTimeout(timer);
          resolve(html);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };

  /** Stop the worker, keeping the drawings it sent: the renderer draws the others. */
  #giveUp(): void {
    this.#gaveUp = true;
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  /** Stop drawing ahead (the articles are rendered) and forget the drawings. */
  stop(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
    this.#pending.clear();
  }
}
