/** Charts drawn ahead on the other core: those of the articles the build renders, and no others. */
import { describe, expect, it } from 'vitest';
import { ChartPrefetch, chartJobs, type CHART_WAITS, type ChartJob } from '../../src/render/charts/chart-prefetch.ts';
import { chartWords, drawChartHtml } from '../../src/render/charts/draw-chart.ts';
import { ENGLISH_UI_STRINGS } from '../../src/shared/ui-strings.ts';
import type { PageId } from '../../src/model/ids.ts';
import { buildPageIndex } from '../../src/model/page-index.ts';
import { article } from '../helpers/index.ts';

const chart = (title: string) =>
  `\`\`\`chart\ntype: bar\ntitle: ${title}\nx: chip\ny: tflops\ndata:\n  - { chip: A, tflops: 1 }\n  - { chip: B, tflops: 2 }\n\`\`\``;

describe('chartJobs', () => {
  // A wiki whose writers may write code (WIKI_TRUST=trusted), for the article with MDX of its own.
  const files = {
    'h100.mdx': article('H100', chart('Throughput of the H100')),
    'ascend.mdx': article('Ascend', `${chart('Throughput of the Ascend')}\n\n${chart('Memory of the Ascend')}`),
    'plain.mdx': article('Plain', 'No chart.'),
    // MDX of its own: compiled by MDX, which draws its charts as trees, not by the article renderer.
    'mdx.mdx': article('With MDX', `export const year = 2024;\n\nIn {year}.\n\n${chart('Throughput in MDX')}`),
  };
  const index = buildPageIndex(new Map(Object.entries(files)), undefined, { trust: 'trusted' });
  const words = chartWords('en', ENGLISH_UI_STRINGS);

  it('lists every chart of the wiki in a whole build', () => {
    expect(chartJobs(index, words).map((job) => job.spec.title)).toEqual(
      expect.arrayContaining(['Throughput of the H100', 'Throughput of the Ascend', 'Memory of the Ascend']),
    );
    expect(chartJobs(index, words)).toHaveLength(3);
  });

  it('leaves out the charts of articles compiled by MDX', () => {
    expect(index.pages.get('mdx' as PageId)?.article.charts).toHaveLength(1);
    expect(chartJobs(index, words).map((job) => job.spec.title)).not.toContain('Throughput in MDX');
  });

  it('draws each chart on the worker as the HTML the renderer would write itself', async () => {
    const jobs = chartJobs(index, words);
    // Waits long enough for a worker at the lowest priority on a machine busy with other tests: this is about what
    // it draws (a drawing not sent in time is undefined); the waits have tests of their own below.
    const prefetch = new ChartPrefetch(undefined, { first: 60_000, next: 60_000 });
    prefetch.start(jobs);
    try {
      for (const job of jobs) expect(await prefetch.drawing(job.key)).toBe(drawChartHtml(job.spec, job.rows, job.words));
      expect(prefetch.drawing('not asked for')).toBeUndefined();
    } finally {
      prefetch.stop();
    }
  }, 90_000);

  it('lists only the charts of the articles a shard renders', () => {
    const jobs = chartJobs(index, words, (id: PageId) => id === 'ascend');
    expect(jobs.map((job) => job.spec.title)).toEqual(['Throughput of the Ascend', 'Memory of the Ascend']);
  });
});

describe('ChartPrefetch waits', () => {
  const standIn = (name: 'silent' | 'slow' | 'first-only') => new URL(`../helpers/chart-workers/${name}.ts`, import.meta.url);
  const jobs = ['a', 'b', 'c'].map((key) => ({ key }) as ChartJob);
  /** `check` a prefetch of `jobs` by the stand-in worker `name`, with `waits`; the worker stopped after. */
  const drawingAhead = async (name: Parameters<typeof standIn>[0], waits: typeof CHART_WAITS, check: (prefetch: ChartPrefetch) => Promise<void>) => {
    const prefetch = new ChartPrefetch(standIn(name), waits);
    prefetch.start(jobs);
    try {
      await check(prefetch);
    } finally {
      prefetch.stop();
    }
  };

  it('takes each drawing that comes within the wait', async () => {
    await drawingAhead('slow', { first: 5000, next: 1000 }, async (prefetch) => {
      for (const { key } of jobs) expect(await prefetch.drawing(key)).toBe(`<drawn ${key}>`);
    });
  });

  it('stops waiting for a worker that sends nothing in time, and then for every chart it has not drawn', async () => {
    await drawingAhead('silent', { first: 100, next: 10 }, async (prefetch) => {
      const started = performance.now();
      await expect(prefetch.drawing('a')).rejects.toThrow(/did not draw this chart in time/);
      expect(performance.now() - started).toBeGreaterThanOrEqual(90);
      // The renderer draws the rest itself, at once: no wait on a stopped worker.
      const next = performance.now();
      await expect(prefetch.drawing('b')).rejects.toThrow(/was stopped/);
      await expect(prefetch.drawing('c')).rejects.toThrow(/was stopped/);
      expect(performance.now() - next).toBeLessThan(50);
    });
  });

  it('keeps the drawings that came before the wait ran out', async () => {
    await drawingAhead('first-only', { first: 5000, next: 10 }, async (prefetch) => {
      expect(await prefetch.drawing('a')).toBe('<drawn a>');
      await expect(prefetch.drawing('b')).rejects.toThrow(/in time/);
      expect(await prefetch.drawing('a')).toBe('<drawn a>');
    });
  });
});
