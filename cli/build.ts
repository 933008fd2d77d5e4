/**
 * `npm run build`: build the site into a fresh folder beside the output folder (WIKI_OUT_DIR) and put it in
 * place only when every step is done: the pages, previews, sitemap, security check and search index. A failed,
 * stopped or interrupted build leaves the previous site intact and servable (cli/publish.ts).
 *
 *   npm run build                          the whole site
 *   npm run build -- --shard=2/4           the second of four shares of the articles, as a part to merge
 *                                          (`npm run merge`), for a CI job matrix
 *   npm run build -- --shards=4 --jobs=2   all four shares on this machine, two at a time, then merged
 *
 * Other arguments are passed on to `astro build`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBuildFolders, FolderError } from '../src/content-folder/folders.ts';
import { aheadVariable, PREPASS_AHEAD, type PrepassAhead } from '../src/content-folder/settings.ts';
import { parseShard, shardLabel, type Shard } from '../src/model/shards.ts';
import { SEARCH_INDEX_AFTER_BUILD } from '../src/model/site-files.ts';
import { cachePath } from '../src/build/caches.ts';
import { GIT_LOG_AHEAD, gitLogAheadVariable, startGitLogAhead } from '../src/content-folder/git-history.ts';
import type { FinishedSite } from '../src/postbuild/site-parts.ts';
import { Publication } from './publish.ts';
import { settingsOrStop } from './settings.ts';

/**
 * The steps after Astro (search index, site finished from its parts), loaded while Astro builds rather than
 * before it starts: the modules take a few tenths of a second to load, on a core Astro leaves idle at its start.
 */
const loadPostbuild = () => Promise.all([import('../src/postbuild/finish-part.ts'), import('../src/postbuild/site-parts.ts')]);
let afterAstro: ReturnType<typeof loadPostbuild> | undefined;
const postbuild = () => (afterAstro ??= loadPostbuild());

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const settings = settingsOrStop(root, 'build');

/** `--name=value` options of this program; the rest goes to Astro. */
function options(argv: string[]): { shard: Shard | undefined; shards: number | undefined; jobs: number; astroArgs: string[] } {
  const astroArgs: string[] = [];
  let shard: Shard | undefined;
  let shards: number | undefined;
  let jobs = 1;
  const count = (value: string, name: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1)
      throw new Error(`\`--${name}=${value}\` is not a count: write a whole number of at least 1, e.g. \`--${name}=4\``);
    return number;
  };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = (argv[i] ?? '').split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (name === '--shard') shard = parseShard(value());
    else if (name === '--shards') shards = count(value(), 'shards');
    else if (name === '--jobs') jobs = count(value(), 'jobs');
    else astroArgs.push(argv[i] ?? '');
  }
  if (shard && shards) throw new Error('`--shard` builds one share, `--shards` builds all of them: give one of the two');
  return { shard: shard ?? settings.shard, shards, jobs, astroArgs };
}

let args: ReturnType<typeof options>;
try {
  args = options(process.argv.slice(2));
  checkBuildFolders({ ...settings, root });
} catch (error) {
  if (!(error instanceof FolderError) && !(error instanceof Error && error.message.startsWith('`--'))) throw error;
  console.error(`[wiki] The build did not start: ${error.message}`);
  process.exit(2);
}

const publication = new Publication(settings.outDir);

/**
 * Astro keeps state in `<root>/.astro/` (the collection's modules, its types): each content folder and shard
 * gets a root of its own, at the same depth below the checkout (Astro's scoped class names derive from the
 * path from the root to a component, so every root gives the same pages), and builds of several folders or
 * shards can run at once.
 */
function astroRoot(shard: Shard | undefined): string {
  const folder = createHash('sha256').update(settings.contentDir).digest('hex').slice(0, 12);
  const roots = join(root, 'node_modules/.wiki-roots');
  const dir = join(roots, shard ? `${folder}-${shard.index}-of-${shard.count}` : folder);
  mkdirSync(dir, { recursive: true });
  utimesSync(dir, new Date(), new Date());
  // Roots of content folders not built for a month (tests' and benchmarks' folders, mostly) go.
  for (const name of readdirSync(roots)) {
    const path = join(roots, name);
    if (Date.now() - statSync(path).mtimeMs > 30 * 24 * 3600 * 1000) rmSync(path, { recursive: true, force: true });
  }
  return dir;
}

/**
 * A shard's Astro process lets V8's heap grow to 1.5× what it holds after each full collection, not the up to 4×
 * V8 allows itself by default: a shard runs on a CI machine of its own, where its peak memory is the limit. A
 * shard of 8 at 10,000 articles: 1,240–1,270 → 1,108 MiB; at 20,000: 2,053 → 1,634 MiB; the same time
 * (bench/RESULTS.md). Whole builds keep V8's default: at 10,000 articles the smaller heap cost 8% more CPU.
 */
const SHARD_HEAP = ['--heap-growing-percent=50'];

/**
 * Parse the articles into the pre-pass cache of `cacheDir` while Astro starts, on the core Astro leaves idle then;
 * Astro's pre-pass waits for it (src/build/prepass-ahead.ts). `npm run build -- --shards=n` leaves it out: its
 * shards, each with a cache of its own, would each read the wiki ahead at once on this process's one thread.
 */
function startReadAhead(cacheDir: string): { ahead: PrepassAhead; done: Promise<void> } {
  const ahead = {
    pid: process.pid,
    marker: join(tmpdir(), `wiki-prepass-ahead-${process.pid}-${createHash('sha256').update(cacheDir).digest('hex').slice(0, 8)}`),
  };
  rmSync(ahead.marker, { force: true });
  // The marker is written however the read ahead ends, or Astro's pre-pass would wait for it as long as this process lives.
  const done = import('../src/build/prepass-ahead.ts')
    .then(({ readAhead }) => readAhead(settings.contentDir, cachePath(cacheDir, 'prepass')))
    .catch((error: unknown) => console.error(`[wiki] the articles could not be read ahead of Astro: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => writeFileSync(ahead.marker, ''));
  return { ahead, done };
}

/**
 * Start the whole `git log` of the content folder while Astro's process starts, for Astro's reading to take
 * (src/content-folder/git-history.ts `GitLogAhead`). Only without a history cache: with one, Astro's `git log`
 * reads just the commits made since the last build.
 */
function startLogAhead(cacheDir: string): ReturnType<typeof startGitLogAhead> {
  if (existsSync(cachePath(cacheDir, 'history'))) return undefined;
  return startGitLogAhead(
    settings.contentDir,
    join(tmpdir(), `wiki-git-log-${process.pid}-${createHash('sha256').update(cacheDir).digest('hex').slice(0, 8)}`),
  );
}

/** One `astro build` into `outDir`, then its search index: a part of the site (the whole of it without a shard). */
async function buildPart(outDir: string, shard: Shard | undefined, cacheDir: string): Promise<void> {
  const log = args.shards ? undefined : startLogAhead(cacheDir);
  const reading = args.shards ? undefined : startReadAhead(cacheDir);
  const astroDir = astroRoot(shard);
  // The search index starts once Astro's process says its part is written, while the process exits (a tenth of a
  // second: src/model/site-files.ts PART_WRITTEN_LINE); it counts only if the process then exits with status 0.
  const early = new AbortController();
  let indexing: Promise<FinishedSite & { shard: boolean }> | undefined;
  const startIndexing = () =>
    (indexing ??= postbuild().then(([{ finishPart }]) => finishPart(outDir, AbortSignal.any([publication.signal(), early.signal]), publication.discard)));
  // Astro runs in its root. What it keeps of a build outside an output folder that is not below its working folder
  // (the compiled pages: `<working folder>/.astro/.prerender/`) is then its own, not shared with the shards or other
  // builds running at once; and since every root is at the same depth, the names Vite gives the browser's scripts
  // (hashed over paths relative to it) are the same in every build. --config: the checkout's, named from the root
  // (Astro joins the two). --disable-warning: rehype-citation's bundle imports Node's deprecated `punycode`
  // (timlrx/rehype-citation#64).
  const astro = publication.run(
    [
      ...(shard ? SHARD_HEAP : []),
      '--disable-warning=DEP0040',
      join(root, 'node_modules/astro/bin/astro.mjs'),
      'build',
      '--config',
      relative(astroDir, join(root, 'astro.config.mjs')),
      ...args.astroArgs,
    ],
    {
      ...process.env,
      ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}),
      WIKI_OUT_DIR: outDir,
      WIKI_CACHE_DIR: cacheDir,
      WIKI_ASTRO_ROOT: astroDir,
      WIKI_SHARD: shard ? shardLabel(shard) : '',
      ...(reading ? { [PREPASS_AHEAD]: aheadVariable(reading.ahead) } : {}),
      ...(log ? { [GIT_LOG_AHEAD]: gitLogAheadVariable(log.ahead) } : {}),
      [SEARCH_INDEX_AFTER_BUILD]: '1',
    },
    {
      tidy: true,
      cwd: astroDir,
      // Awaited below unless Astro failed; then its failure is the one reported.
      onPartWritten: () => void startIndexing().catch(() => undefined),
    },
  );
  const [, { readManifest }] = await postbuild();
  const status = await astro;
  // Astro's pre-pass waited for the read ahead; a build that failed before does not wait for it to end.
  if (status === 0) await reading?.done;
  if (reading) rmSync(reading.ahead.marker, { force: true });
  // Astro's reading took the log, or ended before it did.
  log?.stop();
  // Exit status 0 is not enough: something may have ended Astro's process early. Its last step writes the manifest,
  // then the line that starts the search index, whose last step, on a small site, may already have taken the manifest
  // away again (src/postbuild/site-parts.ts): a part whose line came is whole.
  const whole = indexing !== undefined || readManifest(outDir) !== undefined;
  if (status !== 0 || !whole) {
    // A search index started for a part that does not count is stopped, and its processes ended, first.
    early.abort();
    await indexing?.catch(() => undefined);
  }
  publication.exitIfInterrupted();
  if (status !== 0) publication.fail(shard ? `Shard ${shardLabel(shard)} failed` : 'The build failed', status);
  if (!whole) {
    publication.fail(
      'The build stopped before it was done (Astro exited with status 0, but its last step never ran; something ended its process early, such as code in an article)',
      1,
    );
  }
  try {
    // Started already, unless the line that says so was lost: its process exited with status 0 and left the manifest.
    const finished = await startIndexing();
    publication.exitIfInterrupted();
    if (finished.shard)
      console.log(`[wiki] shard ${shard ? shardLabel(shard) : ''}: ${finished.articles} articles, indexed for search; merge the shards with \`npm run merge\``);
    else console.log(`[wiki] search index: ${finished.searchPages} articles, ${Math.round(finished.indexBytes / 1024)} KB of index data in pagefind/`);
  } catch (error) {
    publication.exitIfInterrupted();
    console.error(error instanceof Error ? error.message : String(error));
    publication.fail('The search index could not be built', 1);
  }
}

async function mergeShards(parts: string[]): Promise<FinishedSite> {
  const [, { finishSite, SitePartError }] = await postbuild();
  try {
    return await finishSite(parts, publication.fresh);
  } catch (error) {
    if (!(error instanceof SitePartError)) throw error;
    console.error(`[wiki] ${error.message}`);
    return publication.fail('The merge failed', 1);
  }
}

if (args.shards) {
  // Every shard on this machine, `--jobs` at a time, each with its own cache, then merged.
  const count = args.shards;
  const parts = Array.from({ length: count }, (_, i) => publication.scratchFolder(`shard-${i + 1}-of-${count}`));
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = ++next;
      const shard = { index, count };
      await buildPart(parts[index - 1] ?? '', shard, join(settings.cacheDir, 'shards', `${index}-of-${count}`));
    }
  };
  await Promise.all(Array.from({ length: Math.min(args.jobs, count) }, worker));
  const merged = await mergeShards(parts);
  console.log(
    `[wiki] merged ${count} shards: ${merged.articles} articles, ${merged.searchPages} in the search index (${Math.round(merged.indexBytes / 1024)} KB)`,
  );
} else {
  await buildPart(publication.fresh, args.shard, settings.cacheDir);
}

publication.swap();
console.log(args.shard ? `[wiki] Shard ${shardLabel(args.shard)} is in ${settings.outDir}.` : `[wiki] The site is in ${settings.outDir}.`);
// Done: exit now rather than once the event loop is empty, which first tears down the worker threads and this
// thread's heap, for nothing (0.06 s of a 1,000-article build). Output to a pipe or terminal is written at once.
process.exit(0);
