import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWiki, writeWiki } from './bench/generate.ts';
import { createArticleRenderer, renderJob } from './src/render/article-renderer.ts';
import { chartJobs, prefetchCharts, stopChartPrefetch } from './src/render/charts/chart-prefetch.ts';
import { markdown, wikiForRendering } from './tests/helpers/render-wiki.ts';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const mode of ['plain', 'components', 'components+prefetch', 'plain', 'components', 'components+prefetch']) {
  const dir = mkdtempSync(join(tmpdir(), 'gen-'));
  writeWiki(dir, generateWiki({ pages: 300, components: mode !== 'plain' }));
  let c0 = cpu(), t0 = performance.now();
  const { wiki, jobs } = wikiForRendering(dir);
  const pre = [performance.now() - t0, cpu() - c0];
  const r = await createArticleRenderer(markdown, () => wiki);
  if (mode.endsWith('prefetch')) prefetchCharts(chartJobs(wiki.index));
  c0 = cpu(); t0 = performance.now();
  for (const job of jobs) await renderJob(r, job);
  stopChartPrefetch();
  console.log(mode.padEnd(20), 'prepass wall/cpu', pre.map((n) => n.toFixed(0)).join('/'), 'ms; render per article wall', ((performance.now() - t0) / jobs.length).toFixed(2), 'cpu', ((cpu() - c0) / jobs.length).toFixed(2));
}
