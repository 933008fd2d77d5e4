/**
 * Builds the search index over the built site with Pagefind's command-line program
 * (https://pagefind.app/docs/config-options/), run in its own process.
 *
 * Only article bodies are indexed: the article page marks its `<article>` with
 * `data-pagefind-body`, so pages without it (special pages, the home page) are
 * left out, and `NOT_SEARCHED` drops the parts of an article that readers do
 * not search for.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spaceCjkWords } from '../shared/search-cjk.ts';
import { NOT_SEARCHED } from '../shared/search-scope.ts';

/**
 * Set by `npm run build` (cli/build.ts) for the `astro build` it runs: the integration then leaves the
 * index to the script, which builds it once Astro has exited (at 5,000 articles Astro's process holds
 * ~1.8 GB and Pagefind's ~1.5 GB; one after the other, the build never needs both at once).
 */
export const SEARCH_INDEX_AFTER_BUILD = 'WIKI_SEARCH_INDEX_AFTER_BUILD';

export interface SearchIndexReport {
  /** Articles in the index. */
  pages: number;
  /** Bytes of index data (metadata, word index, filters, page fragments), without Pagefind's own scripts. */
  indexBytes: number;
}

/**
 * Pagefind's program for this platform, found as its own launcher finds it (`resolveBinary.js` of the
 * package, which its exports do not list). The command line writes the same index as the Node API's
 * `createIndex` with the same options (the same files, byte for byte, at 5,000 articles) in less time: 18.0 s
 * against 21.7 s at 5,000 articles (bench/RESULTS.md).
 */
async function pagefindProgram(): Promise<string> {
  const resolver = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'resolveBinary.js');
  const { resolveBinaryPath } = (await import(pathToFileURL(resolver).href)) as { resolveBinaryPath: (names: string[]) => string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/**
 * From this many article pages on, Pagefind indexes on one thread: its peak memory is 6% lower (5,000
 * articles: 1,656 MB against 1,759 MB on two threads) for 26% more time (23.1 s against 18.3 s), which keeps
 * a 10,000-article build under 3 GB; below it, speed matters more.
 */
export const ONE_THREAD_FROM_PAGES = 8000;

/** The environment Pagefind runs in for a site of `articles` article pages. */
export function pagefindEnvironment(articles: number, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return articles >= ONE_THREAD_FROM_PAGES ? { ...env, RAYON_NUM_THREADS: '1' } : env;
}

/** The command-line arguments that index `siteDir` into `siteDir/pagefind/`. */
export function pagefindArguments(siteDir: string): string[] {
  return ['--site', siteDir, '--output-path', join(siteDir, 'pagefind'), '--silent', ...NOT_SEARCHED.flatMap((s) => ['--exclude-selectors', s.selector])];
}

/** The bytes that start a UTF-8 character from U+3000 to U+9FFF (kana, CJK ideographs), read as Latin-1: a quick test before decoding. */
const MAYBE_CJK = /[\xE3-\xE9]/;

/**
 * Ready the built site for Pagefind: count the article pages (those with `data-pagefind-body`), and give
 * Pagefind pages whose Chinese or Japanese runs are split into words (src/shared/search-cjk.ts): each article
 * page with such text is rewritten in place, its text (not its tags) spaced. `restore` puts every page back
 * as it was. Pages without CJK text are only read.
 */
export function prepareForIndexing(siteDir: string): { articles: number; restore: () => void } {
  const originals = new Map<string, Buffer>();
  let articles = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        const bytes = readFileSync(path);
        if (!bytes.includes('data-pagefind-body')) continue;
        articles++;
        if (!MAYBE_CJK.test(bytes.toString('latin1'))) continue;
        const html = bytes.toString('utf8');
        const spaced = html
          .split(/(<[^>]*>)/)
          .map((part, i) => (i % 2 === 0 ? spaceCjkWords(part) : part))
          .join('');
        if (spaced === html) continue;
        originals.set(path, bytes);
        writeFileSync(path, spaced);
      }
    }
  };
  walk(siteDir);
  return {
    articles,
    restore: () => {
      for (const [path, bytes] of originals) writeFileSync(path, bytes);
    },
  };
}

/** Index the HTML in `siteDir` and write the bundle to `siteDir/pagefind/`; `signal` stops Pagefind (an interrupted build). */
export async function buildSearchIndex(siteDir: string, signal?: AbortSignal): Promise<SearchIndexReport> {
  const site = existsSync(siteDir) ? prepareForIndexing(siteDir) : { articles: 0, restore: () => {} };
  let ran: { status: number | null; output: string };
  try {
    ran = await runPagefind(siteDir, pagefindEnvironment(site.articles), signal);
  } finally {
    site.restore();
  }
  const { status, output } = ran;
  if (status !== 0) {
    const lines = [...new Set(output.split('\n').map((line) => line.trim()).filter(Boolean))].slice(-5);
    throw new SearchIndexError(`stopped (exit ${status ?? 'by a signal'}) while indexing ${siteDir}`, lines);
  }
  return summarize(join(siteDir, 'pagefind'));
}

async function runPagefind(siteDir: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<{ status: number | null; output: string }> {
  const program = await pagefindProgram();
  return new Promise<{ status: number | null; output: string }>((resolve, reject) => {
    const child = spawn(program, pagefindArguments(siteDir), { stdio: ['ignore', 'pipe', 'pipe'], env, ...(signal ? { signal } : {}) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code, output }));
  });
}

function summarize(outputPath: string): SearchIndexReport {
  const { languages } = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  let indexBytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.pf_(meta|index|filter|fragment)$/.test(entry.name)) indexBytes += statSync(path).size;
    }
  };
  walk(outputPath);
  return { pages: Object.values(languages).reduce((sum, language) => sum + language.page_count, 0), indexBytes };
}

/** The part of `pagefind-entry.json` read here. */
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

export class SearchIndexError extends Error {
  constructor(what: string, errors: string[]) {
    super(`search index: Pagefind ${what}: ${errors.join('; ') || 'no detail given'}. The site is built; run the build again, and report the message if it repeats.`);
    this.name = 'SearchIndexError';
  }
}
