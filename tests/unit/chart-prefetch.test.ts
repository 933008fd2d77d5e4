/** Charts drawn ahead on the other core: those of the articles the build renders, and no others. */
import { describe, expect, it } from 'vitest';
import { chartJobs } from '../../src/render/charts/chart-prefetch.ts';
import { chartWords } from '../../src/render/charts/draw-chart.ts';
import { ENGLISH_UI_STRINGS } from '../../src/shared/ui-strings.ts';
import type { PageId } from '../../src/model/ids.ts';
import { article, indexOf } from '../helpers/index.ts';

const chart = (title: string) =>
  `\`\`\`chart\ntype: bar\ntitle: ${title}\nx: chip\ny: tflops\ndata:\n  - { chip: A, tflops: 1 }\n  - { chip: B, tflops: 2 }\n\`\`\``;

describe('chartJobs', () => {
  const index = indexOf({
    'h100.mdx': article('H100', chart('Throughput of the H100')),
    'ascend.mdx': article('Ascend', `${chart('Throughput of the Ascend')}\n\n${chart('Memory of the Ascend')}`),
    'plain.mdx': article('Plain', 'No chart.'),
  });
  const words = chartWords('en', ENGLISH_UI_STRINGS);

  it('lists every chart of the wiki in a whole build', () => {
    expect(chartJobs(index, words).map((job) => job.spec.title)).toEqual(
      expect.arrayContaining(['Throughput of the H100', 'Throughput of the Ascend', 'Memory of the Ascend']),
    );
    expect(chartJobs(index, words)).toHaveLength(3);
  });

  it('lists only the charts of the articles a shard renders', () => {
    const jobs = chartJobs(index, words, (id: PageId) => id === 'ascend');
    expect(jobs.map((job) => job.spec.title)).toEqual(['Throughput of the Ascend', 'Memory of the Ascend']);
  });
});
