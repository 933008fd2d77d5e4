/**
 * Bytes the browser fetches to read an article and then run a first search,
 * measured in Chromium (playwright-core, Debian's /usr/bin/chromium) against
 * the built site served locally with gzip, as a static host would.
 *
 * The search runs through Pagefind's own API (`/pagefind/pagefind.js`,
 * `search`, then `data()` of the first five results, which is what a results
 * list shows), the same way on every site compared, so the figures compare
 * the indexes, not the search boxes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);

/** A static file server for `dir` on 127.0.0.1, gzipping text as a CDN would. */
export function serveStatic(dir: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/'));
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    const ext = extname(file);
    let body = readFileSync(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (COMPRESSIBLE.has(ext) && /gzip/.test(String(request.headers['accept-encoding']))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    response.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

export interface QueryBytes {
  query: string;
  results: number;
  /** Bytes over the wire (headers and bodies) for the first search, from the moment the reader starts it. */
  bytes: number;
  /** Time of the first search, cold (Pagefind loaded on demand). */
  coldMs: number;
  /** The same query again, warm. */
  warmMs: number;
}

export interface SearchBytes {
  page: string;
  /** Bytes fetched under /pagefind/ while the article loads, before any search. */
  readingSearchBytes: number;
  /** All bytes of the article's own load. */
  readingBytes: number;
  queries: QueryBytes[];
  medianQueryBytes: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Serve `dir` on 127.0.0.1 (port 0: a free one), start Chromium, run `body`, and stop both. */
export async function withSiteInBrowser<T>(dir: string, port: number, body: (origin: string, browser: Browser) => Promise<T>): Promise<T> {
  const server = await serveStatic(dir, port);
  const address = server.address();
  const origin = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    return await body(origin, browser);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Read `page` of the site in `dir`, then run each query in a fresh browser context (cold cache). */
export async function measureSearchBytes(dir: string, page: string, queries: string[], port: number): Promise<SearchBytes> {
  return withSiteInBrowser(dir, port, async (origin, browser) => {
    const out: QueryBytes[] = [];
    let readingSearchBytes = 0;
    let readingBytes = 0;
    for (const query of queries) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const fetched: Array<{ url: string; bytes: number; phase: 'reading' | 'search' }> = [];
      const pending: Array<Promise<void>> = [];
      let phase: 'reading' | 'search' = 'reading';
      // On the context, not the page: Pagefind fetches its index from a web worker.
      context.on('requestfinished', (request) => {
        const at = phase;
        pending.push(
          request.sizes().then((sizes) => {
            fetched.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize, phase: at });
          }),
        );
      });
      await tab.goto(`${origin}/${page.replace(/index\.html$/, '')}`, { waitUntil: 'networkidle' });
      phase = 'search';
      const timing = await tab.evaluate(async (q: string) => {
        type Result = { data: () => Promise<unknown> };
        type Pagefind = { search: (q: string) => Promise<{ results: Result[] }> };
        const run = async (pf: Pagefind) => {
          const started = performance.now();
          const found = await pf.search(q);
          await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
          return { results: found.results.length, ms: performance.now() - started };
        };
        const started = performance.now();
        const script = '/pagefind/pagefind.js';
        const pf = (await import(/* @vite-ignore */ script)) as Pagefind;
        const cold = await run(pf);
        const warm = await run(pf);
        return { results: cold.results, coldMs: performance.now() - started, warmMs: warm.ms };
      }, query);
      await tab.waitForLoadState('networkidle');
      await Promise.all(pending);
      const reading = fetched.filter((f) => f.phase === 'reading');
      readingBytes = reading.reduce((sum, f) => sum + f.bytes, 0);
      readingSearchBytes = Math.max(
        readingSearchBytes,
        reading.filter((f) => f.url.includes('/pagefind/')).reduce((sum, f) => sum + f.bytes, 0),
      );
      out.push({ query, ...timing, bytes: fetched.filter((f) => f.phase === 'search').reduce((sum, f) => sum + f.bytes, 0) });
      await context.close();
    }
    return { page, readingSearchBytes, readingBytes, queries: out, medianQueryBytes: median(out.map((q) => q.bytes)) };
  });
}

/** How to run a search through a site's own search box. */
export type SearchUi = 'wiki' | 'starlight';

export interface UiQueryBytes {
  query: string;
  /** Search bytes (code and index) fetched from the article's load until the first results are drawn. */
  bytes: number;
  /** Of which fetched while the article loaded, before the reader touched the search box. */
  beforeSearch: number;
  requests: number;
  /** The wiki's box only: keystroke to results drawn when the same query is typed again (its own performance measure). */
  warmDrawnMs?: number;
}

export interface UiSearchBytes {
  page: string;
  queries: UiQueryBytes[];
  medianQueryBytes: number;
  medianRequests: number;
}

/**
 * What a reader's browser fetches for a first search through the site's own search box: open the article,
 * then focus the box (the wiki) or open the search dialog (Starlight), type the query and wait until the
 * results are drawn and the network is idle. Counted as search bytes: everything fetched from the first
 * touch of the search box on, and whatever the article's own load fetched of search code (a script or
 * style sheet that mentions Pagefind, or anything under /pagefind/), since Starlight loads its search UI
 * while the reader reads. `typingDelayMs` 0 enters the query at once (as a paste would); 150 types it as a
 * person does, and then a box that searches as you type fetches for the words typed on the way too.
 */
export async function measureSearchUi(dir: string, page: string, queries: string[], port: number, ui: SearchUi, typingDelayMs = 0): Promise<UiSearchBytes> {
  return withSiteInBrowser(dir, port, async (origin, browser) => {
    const out: UiQueryBytes[] = [];
    for (const query of queries) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const fetched: Array<{ bytes: number; phase: 'reading' | 'search'; search: boolean }> = [];
      const pending: Array<Promise<void>> = [];
      let phase: 'reading' | 'search' = 'reading';
      context.on('requestfinished', (request) => {
        const at = phase;
        pending.push(
          (async () => {
            const sizes = await request.sizes();
            const url = request.url();
            let search = url.includes('/pagefind/');
            if (!search && at === 'reading' && /\.(m?js|css)(\?|$)/.test(url)) {
              const body = await (await request.response())?.text().catch(() => '');
              search = /pagefind/i.test(body ?? '');
            }
            fetched.push({ bytes: sizes.responseBodySize + sizes.responseHeadersSize, phase: at, search: search || at === 'search' });
          })(),
        );
      });
      await tab.goto(`${origin}/${page.replace(/index\.html$/, '')}`, { waitUntil: 'networkidle' });
      phase = 'search';
      if (ui === 'wiki') {
        await tab.focus('#search-input');
        await tab.keyboard.type(query, { delay: typingDelayMs });
        await tab.waitForSelector('#search-listbox [role="option"]', { timeout: 30_000 });
      } else {
        await tab.click('button[data-open-modal]');
        await tab.waitForSelector('.pagefind-ui__search-input', { timeout: 30_000 });
        await tab.focus('.pagefind-ui__search-input');
        await tab.keyboard.type(query, { delay: typingDelayMs });
        await tab.waitForSelector('.pagefind-ui__result', { timeout: 30_000 });
      }
      await tab.waitForLoadState('networkidle');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await Promise.all(pending);
      const search = fetched.filter((f) => f.search);
      let warmDrawnMs: number | undefined;
      if (ui === 'wiki') {
        // Warm: the same words again, after the box was emptied.
        await tab.fill('#search-input', '');
        await tab.evaluate(() => performance.clearMeasures('search: keystroke to results drawn'));
        await tab.keyboard.type(query);
        await tab.waitForFunction(() => performance.getEntriesByName('search: keystroke to results drawn').length > 0);
        warmDrawnMs = await tab.evaluate(() => performance.getEntriesByName('search: keystroke to results drawn').at(-1)?.duration ?? NaN);
      }
      out.push({
        query,
        bytes: search.reduce((sum, f) => sum + f.bytes, 0),
        beforeSearch: search.filter((f) => f.phase === 'reading').reduce((sum, f) => sum + f.bytes, 0),
        requests: search.length,
        ...(warmDrawnMs !== undefined ? { warmDrawnMs } : {}),
      });
      await context.close();
    }
    return { page, queries: out, medianQueryBytes: median(out.map((q) => q.bytes)), medianRequests: median(out.map((q) => q.requests)) };
  });
}
