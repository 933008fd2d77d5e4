/**
 * "Beyond one machine", measured: index two halves of a built wiki separately
 * (by namespace, as two shards would) and search them as one with Pagefind's
 * `mergeIndex`, beside the single index of the whole site.
 *
 *   node bench/merge-index.ts <built dist folder>
 *
 * Prints, per query: results and bytes fetched with one index and with the two merged.
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BENCHMARK_QUERIES } from './generate.ts';
import { folderSize, runMeasured } from './measure.ts';
import { serveStatic } from './search-bytes.ts';

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node bench/merge-index.ts <built dist folder>');
  process.exit(2);
}
const repo = join(import.meta.dirname, '..');
const port = Number(process.env.PW_PORT ?? 0);
const pagefind = join(repo, 'node_modules/pagefind/lib/runner/bin.cjs');
const halves = { 'pagefind-a': 'wiki/{hardware,software}/**/*.html', 'pagefind-b': 'wiki/{research,companies,concepts}/**/*.html' };

const indexing: Record<string, { s: number; cpuS: number; bytes: number }> = {};
for (const [subdir, glob] of Object.entries(halves)) {
  const run = await runMeasured(process.execPath, [pagefind, '--site', dist, '--glob', glob, '--output-subdir', subdir], { cwd: repo, quiet: true });
  if (run.status !== 0) throw new Error(`pagefind for ${subdir} failed:\n${run.output.slice(-2000)}`);
  indexing[subdir] = { s: run.ms / 1000, cpuS: run.cpuMs / 1000, bytes: folderSize(join(dist, subdir)).bytes };
}

const server = await serveStatic(dist, port);
const address = server.address();
const origin = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
type Row = { query: string; single: { results: number; bytes: number }; merged: { results: number; bytes: number } };
const rows: Row[] = [];
try {
  for (const query of BENCHMARK_QUERIES) {
    const row: Partial<Row> = { query };
    for (const mode of ['single', 'merged'] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      let bytes = 0;
      const pending: Array<Promise<void>> = [];
      context.on('requestfinished', (request) => {
        pending.push(request.sizes().then((sizes) => void (bytes += sizes.responseBodySize + sizes.responseHeadersSize)));
      });
      const results = await page.evaluate(
        async ({ q, merged }) => {
          type Pagefind = { mergeIndex: (url: string) => Promise<void>; search: (q: string) => Promise<{ results: Array<{ data: () => Promise<unknown> }> }> };
          const script = merged ? '/pagefind-a/pagefind.js' : '/pagefind/pagefind.js';
          const pf = (await import(/* @vite-ignore */ script)) as Pagefind;
          if (merged) await pf.mergeIndex('/pagefind-b/');
          const found = await pf.search(q);
          await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
          return found.results.length;
        },
        { q: query, merged: mode === 'merged' },
      );
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      row[mode] = { results, bytes };
      await context.close();
    }
    rows.push(row as Row);
  }
} finally {
  await browser.close();
  server.close();
}
console.log('| query | results, one index | results, two merged | KB, one index | KB, two merged |\n|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.query} | ${r.single.results} | ${r.merged.results} | ${(r.single.bytes / 1024).toFixed(1)} | ${(r.merged.bytes / 1024).toFixed(1)} |`);
console.log(JSON.stringify({ indexing, rows }));
