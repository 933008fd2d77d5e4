import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWiki, writeWiki } from './bench/generate.ts';
import * as prefetch from './src/render/charts/chart-prefetch.ts';
import { wikiForRendering } from './tests/helpers/render-wiki.ts';
const dir = mkdtempSync(join(tmpdir(), 'gen-'));
writeWiki(dir, generateWiki({ pages: 60, components: true }));
const { wiki } = wikiForRendering(dir);
const jobs = prefetch.chartJobs(wiki.index);
const t = performance.now();
prefetch.prefetchCharts(jobs);
const times: number[] = [];
for (const job of jobs) { await prefetch.prefetchedChart(job.key); times.push(performance.now() - t); }
console.log('first', times[0]?.toFixed(0), 'ms; last', times.at(-1)?.toFixed(0), 'ms');
