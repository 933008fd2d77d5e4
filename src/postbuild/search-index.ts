/**
 * Builds the search index over the built site with Pagefind's command-line program
 * (https://pagefind.app/docs/config-options/), run in its own processes.
 *
 * Only article bodies are indexed: the article page marks its `<article>` with
 * `data-pagefind-body`, so pages without it (special pages, the home page) are
 * left out, and `NOT_SEARCHED` drops the parts of an article that readers do
 * not search for.
 *
 * Pagefind holds every page it indexes in memory (about 0.3 MB an article), so a large site is indexed in
 * batches of BATCH_PAGES articles, one Pagefind run each, and the batches' indexes are joined into the one the
 * reader loads (src/postbuild/search-bundle.ts): the same index as one run would give, at a fraction of the
 * memory. A sharded build indexes each shard the same way and joins all shards' batches when it merges.
 */
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spaceCjkWords } from '../shared/search-cjk.ts';
import { NOT_SEARCHED } from '../shared/search-scope.ts';
import { removeNow, type Discard } from './discard.ts';
import type { SearchPage } from '../model/site-files.ts';
import { searchFacts, searchPagesOf } from './search-pages.ts';
import { joinSearchIndexes, STAND_IN_FOLDER } from './search-bundle.ts';
import { writeSearchWordsOf } from './search-words.ts';

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
 * Articles per Pagefind run. Pagefind's peak memory grows with the pages it holds (5,000 articles: 1.66 GB,
 * 10,000: 2.9 GB); batches of this size keep each run near 0.7 GB, and two run at once on two cores.
 */
export const BATCH_PAGES = 2500;

/**
 * Bytes of pages per Pagefind run, too: what Pagefind holds grows with the text, and 2,500 articles of 4,000 words
 * and 25–45 footnotes made a run peak at 1.9 GB. 2,500 articles of ~1,000 words are ~120 MB of pages, under this.
 */
export const BATCH_BYTES = 128 * 2 ** 20;

/**
 * Cut `pages` (in order, with their sizes in bytes) into runs of at most `maxPages` pages and, unless a single page
 * is larger, `maxBytes` bytes.
 */
export function batchesOf<T extends { bytes: number }>(pages: readonly T[], maxPages = BATCH_PAGES, maxBytes = BATCH_BYTES): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const page of pages) {
    if (batch.length > 0 && (batch.length >= maxPages || bytes + page.bytes > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(page);
    bytes += page.bytes;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** How many Pagefind runs go at once: one per core, each on one thread (the same work, a lower peak). */
export function concurrentRuns(cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, 4));
}

/**
 * Fewest articles a Pagefind run is given when a site's articles are shared between runs that go at once: below it,
 * a second process costs more than it saves.
 */
export const MIN_RUN_PAGES = 250;

/**
 * Articles per batch for `count` articles and `runs` Pagefind runs at once: a site that would be one batch is
 * shared between the runs (from MIN_RUN_PAGES each). One Pagefind run keeps two cores busy only part of the time
 * (1.4 on average); two runs, each on one thread, keep both busy. 1,000 articles: Pagefind 2.70–3.07 s as one run,
 * 1.97–2.40 s as two (bench/RESULTS.md); the joined index is the same file for file.
 */
export function batchPagesFor(count: number, runs: number): number {
  const shared = Math.min(runs, Math.floor(count / MIN_RUN_PAGES));
  return shared > 1 ? Math.min(BATCH_PAGES, Math.ceil(count / shared)) : BATCH_PAGES;
}

/** The command-line arguments that index `siteDir` (only the pages `glob` matches, if given) into `outputDir`. */
export function pagefindArguments(siteDir: string, outputDir = join(siteDir, 'pagefind'), glob?: string): string[] {
  return [
    '--site',
    siteDir,
    ...(glob ? ['--glob', glob] : []),
    '--output-path',
    outputDir,
    '--silent',
    ...NOT_SEARCHED.flatMap((s) => ['--exclude-selectors', s.selector]),
  ];
}

/**
 * The glob that gives Pagefind every one of `pages` (all the site's article pages) where they are, when they share
 * a top folder (`wiki/`): the other pages it matches there, redirects, have no `data-pagefind-body`, and
 * Pagefind leaves such pages out once any page has one. Then a build of one batch links no copy of its pages into a
 * folder of their own: a thousand folders fewer to create and remove, which this machine's file system makes
 * cost 0.2–0.5 ms each right after a build's files were deleted (bench/RESULTS.md).
 */
export function globOfAll(pages: readonly string[]): string | undefined {
  const top = pages[0]?.split('/')[0] ?? '';
  if (!/^[\w-]+$/.test(top) || !pages.every((page) => page.startsWith(`${top}/`))) return undefined;
  return `${top}/**/*.html`;
}

/**
 * What a glob of `globOf` may spell as it is: no character that a glob reads (`*`, `{`, `,`, `[`, `<`, `\\`, …),
 * and no name that starts with a dot, which a glob may pass over as hidden.
 */
const GLOB_LITERAL = /^(?!.*(?:^|\/)\.)[\p{L}\p{N}_./-]+$/u;
/** Longest glob given as one argument: Linux takes at most 128 KiB in one. */
const GLOB_MAX = 120 * 1024;

/**
 * The glob that gives Pagefind exactly `pages` of a batch where they are, so that a batch needs no copy of its pages
 * in a folder of its own: their paths as alternatives, the folders and file name they share written once
 * (`wiki/{a,b/c}/index.html`); 2,500 articles of the benchmark's wiki make about 70 KB. Undefined when a page's path
 * holds a character a glob would read, or the glob would be too long for one argument: then its pages are linked.
 */
export function globOf(pages: readonly string[]): string | undefined {
  if (pages.length === 0 || !pages.every((page) => GLOB_LITERAL.test(page))) return undefined;
  if (pages.length === 1) return pages[0];
  const first = pages[0] ?? '';
  const shorterPrefix = (prefix: string) => prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  let prefix = first.slice(0, first.lastIndexOf('/') + 1);
  while (prefix && !pages.every((page) => page.startsWith(prefix))) prefix = shorterPrefix(prefix);
  let suffix = first.includes('/') ? first.slice(first.indexOf('/')) : '';
  while (suffix && !pages.every((page) => page.endsWith(suffix))) suffix = suffix.indexOf('/', 1) === -1 ? '' : suffix.slice(suffix.indexOf('/', 1));
  // Every path keeps something between the two, or the alternatives would not name it.
  while (prefix && !pages.every((page) => page.length > prefix.length + suffix.length)) prefix = shorterPrefix(prefix);
  if (!pages.every((page) => page.length > prefix.length + suffix.length)) suffix = '';
  const glob = `${prefix}{${pages.map((page) => page.slice(prefix.length, page.length - suffix.length)).join(',')}}${suffix}`;
  return glob.length <= GLOB_MAX ? glob : undefined;
}

/**
 * Put `content` at `path` as a new file, never writing into the one there: a page of the site may also be the copy
 * Astro's incremental build keeps of it (a hard link, src/astro/page-copies.ts), which must stay as built.
 */
function replaceFile(path: string, content: string | Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/**
 * Ready the built site for Pagefind: the article pages (those with `data-pagefind-body`), and give Pagefind pages
 * whose Chinese or Japanese runs are split into words (src/shared/search-cjk.ts): each article page with such
 * text is replaced by one with its text (not its tags) spaced. `restore` puts every page back as it was.
 * `known`: the article pages as the security check found them (the part's manifest), so that only those that may
 * hold such text are read; without it, every page of the site is read.
 */
export function prepareForIndexing(siteDir: string, known?: readonly SearchPage[]): { articles: number; pages: SearchPage[]; restore: () => void } {
  const originals = new Map<string, Buffer>();
  const space = (path: string, bytes: Buffer) => {
    const html = bytes.toString('utf8');
    const spaced = html
      .split(/(<[^>]*>)/)
      .map((part, i) => (i % 2 === 0 ? spaceCjkWords(part) : part))
      .join('');
    if (spaced === html) return;
    originals.set(path, bytes);
    replaceFile(path, spaced);
  };
  let pages: SearchPage[];
  if (known) {
    pages = [...known];
    for (const page of pages) if (page.cjk) space(join(siteDir, page.path), readFileSync(join(siteDir, page.path)));
  } else {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.html')) files.push(path);
      }
    };
    walk(siteDir);
    const facts = files.map((file) => {
      const bytes = readFileSync(file);
      const fact = searchFacts(bytes);
      if (fact?.cjk) space(file, bytes);
      return fact;
    });
    pages = searchPagesOf(
      files.map((file) => relative(siteDir, file).split(sep).join('/')),
      facts,
    );
  }
  return {
    articles: pages.length,
    pages,
    restore: () => {
      for (const [path, bytes] of originals) replaceFile(path, bytes);
    },
  };
}

/**
 * Index the article pages of `siteDir` with Pagefind into folders of `workDir` (one per batch of BATCH_PAGES
 * articles), to be joined into one index (src/postbuild/search-bundle.ts). `signal` stops Pagefind (an
 * interrupted build); `discard` removes each batch's folder of hard-linked pages once Pagefind has read it.
 * Gives the folders, in order.
 */
export async function indexInBatches(
  siteDir: string,
  workDir: string,
  options: { signal?: AbortSignal; batchPages?: number; batchBytes?: number; runs?: number; discard?: Discard; pages?: readonly SearchPage[] } = {},
): Promise<{ folders: string[]; articles: number }> {
  if (!existsSync(siteDir)) throw new SearchIndexError(`cannot index ${siteDir}, which does not exist`, []);
  const site = prepareForIndexing(siteDir, options.pages);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  try {
    // A wiki without articles still gets an index, with nothing in it, so that search answers "no results".
    const cores = options.runs ?? concurrentRuns();
    const batches =
      site.pages.length === 0
        ? [[]]
        : batchesOf(site.pages, options.batchPages ?? batchPagesFor(site.pages.length, cores), options.batchBytes ?? BATCH_BYTES).map((batch) =>
            batch.map((page) => page.path),
          );
    const folders = batches.map((_, i) => join(workDir, `batch-${String(i).padStart(4, '0')}`));
    const runs = Math.min(cores, batches.length);
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const i = next++;
        const glob = batches.length === 1 ? globOfAll(batches[0] ?? []) : globOf(batches[i] ?? []);
        if (glob) await runBatch(pagefindArguments(siteDir, folders[i] ?? '', glob), siteDir, runs > 1, options.signal);
        else await indexBatch(siteDir, batches[i] ?? [], folders[i] ?? '', runs > 1, options.signal, options.discard ?? removeNow);
      }
    };
    await Promise.all(Array.from({ length: runs }, worker));
    return { folders, articles: site.articles };
  } finally {
    site.restore();
  }
}

/** One Pagefind run over `pages` (paths relative to `siteDir`), hard-linked into a folder of their own. */
async function indexBatch(
  siteDir: string,
  pages: readonly string[],
  folder: string,
  oneThread: boolean,
  signal: AbortSignal | undefined,
  discard: Discard,
): Promise<void> {
  const input = `${folder}.pages`;
  mkdirSync(input, { recursive: true });
  if (pages.length === 0) {
    // Pagefind cannot write an index of nothing: it indexes a stand-in page, which the join leaves out.
    mkdirSync(join(input, STAND_IN_FOLDER), { recursive: true });
    writeFileSync(join(input, STAND_IN_FOLDER, 'index.html'), '<!doctype html><html lang="en"><body data-pagefind-body><p>No articles yet.</p></body></html>');
  }
  for (const page of pages) {
    const target = join(input, page);
    mkdirSync(dirname(target), { recursive: true });
    linkSync(join(siteDir, page), target);
  }
  try {
    await runBatch(pagefindArguments(input, folder), siteDir, oneThread, signal);
  } finally {
    discard(input);
  }
}

/** One Pagefind run with `args`; a failure says which site it was indexing. */
async function runBatch(args: string[], siteDir: string, oneThread: boolean, signal: AbortSignal | undefined): Promise<void> {
  const { status, output } = await runPagefind(args, oneThread ? { ...process.env, RAYON_NUM_THREADS: '1' } : process.env, signal);
  if (status !== 0) {
    const lines = [
      ...new Set(
        output
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ].slice(-5);
    throw new SearchIndexError(`stopped (exit ${status ?? 'by a signal'}) while indexing ${siteDir}`, lines);
  }
}

/**
 * Index the HTML in `siteDir` and write the search index to `siteDir/pagefind/`, then the vocabulary that "Did
 * you mean" reads from it (src/postbuild/search-words.ts); `signal` stops Pagefind.
 */
export async function buildSearchIndex(siteDir: string, signal?: AbortSignal): Promise<SearchIndexReport> {
  const work = join(siteDir, '.pagefind-batches');
  try {
    const { folders, articles } = await indexInBatches(siteDir, work, signal ? { signal } : {});
    rmSync(join(siteDir, 'pagefind'), { recursive: true, force: true });
    const words = writeSearchWordsOf(siteDir, folders);
    words.catch(() => undefined);
    const joined = await joinSearchIndexes(folders, join(siteDir, 'pagefind'));
    await words;
    return { pages: articles, indexBytes: joined.indexBytes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function runPagefind(args: string[], env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<{ status: number | null; output: string }> {
  const program = await pagefindProgram();
  return new Promise<{ status: number | null; output: string }>((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], env, ...(signal ? { signal } : {}) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code, output }));
  });
}

export class SearchIndexError extends Error {
  constructor(what: string, errors: string[]) {
    super(
      `search index: Pagefind ${what}: ${errors.join('; ') || 'no detail given'}. The site is built; run the build again, and report the message if it repeats.`,
    );
    this.name = 'SearchIndexError';
  }
}
