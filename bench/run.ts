/**
 * The benchmark: generate a synthetic wiki, build it with the real engine,
 * and print what it cost and what a reader downloads.
 *
 *   npm run bench -- --pages 1000 [--compare starlight] [--rebuild] [--no-browser] [--no-bare] [--cpu-prof] [--seed 1] [--components]
 *
 * `--components` gives every article an infobox, a formula, a callout, a figure and a chart (bench/generate.ts),
 * built in its own folder: compare with the same command without it. Their pictures are remote (shown as
 * written); `--local-pictures` puts one beside the articles instead, through Astro's image pipeline.
 *
 * Everything is written under BENCH_DIR (default bench/.work, git-ignored): the content
 * folder, `dist/`, Astro's cache, profiles and `results-<pages>.json`.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCHMARK_QUERIES, generateWiki, writeWiki, type GeneratedArticle } from './generate.ts';
import {
  folderSize,
  pageWeight,
  removalsDone,
  removeAndSettle,
  runMeasured,
  typicalPage,
  type FolderSize,
  type PageWeight,
  type RunResult,
  machineDescription,
} from './measure.ts';
import { measureSearchBytes, measureSearchUi, type SearchBytes, type UiSearchBytes } from './search-bytes.ts';
import { measureTitleRanking, type TitleRanking } from './search-titles.ts';
import { ensureStarlight, STARLIGHT_BUILD_FOLDERS, STARLIGHT_VERSION, writeStarlightSite } from './starlight.ts';

const repo = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    compare: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    // The bare unified pipeline is a build-speed yardstick; a run about search can leave it out.
    'no-bare': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    components: { type: 'boolean', default: false },
    'local-pictures': { type: 'boolean', default: false },
  },
});
const pages = Number(args.pages);
if (!Number.isInteger(pages) || pages < 1) throw new Error(`--pages must be a whole number of articles, e.g. --pages 1000 (got ${args.pages})`);
if (args.components && args.compare)
  throw new Error('--components builds only the wiki (Starlight has no infoboxes, charts or callouts to compare): run it without --compare');
if (args.compare !== undefined && args.compare !== 'starlight') throw new Error(`--compare knows only \`starlight\` (got ${args.compare})`);
// Inside the checkout (git-ignored): Astro writes its prerender chunks into `<cwd>/.astro/`, shared by every
// build of the checkout, unless the output folder lies inside the working folder, and those chunks must
// resolve packages from node_modules.
const work = resolve(process.env.BENCH_DIR ?? join(repo, 'bench/.work'));
// PW_PORT fixes the port of the static server for the browser measurement; by default a free one is used.
const port = Number(process.env.PW_PORT ?? 0);
const node = process.execPath;
/** The generated wiki's folder under `work`: the variant with the wiki's own blocks has its own. */
const variant = args.components ? (args['local-pictures'] ? '-components-local' : '-components') : '';
const siteName = `wiki-${pages}${variant}`;
const quietEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };

interface SiteResult {
  build: { ms: number; cpuMs: number; peakRss: number; pagesPerSecond: number };
  /** Pagefind run by the benchmark because the build wrote no index: its cost is added to `build`. */
  searchIndexAddedByBench?: { ms: number; cpuMs: number; peakRss: number };
  rebuild?: { ms: number; cpuMs: number; peakRss: number };
  dist: FolderSize;
  searchIndex: FolderSize | null;
  page: PageWeight | null;
  search: SearchBytes | null;
  /** The same queries typed into the site's own search box. */
  searchUi: UiSearchBytes | null;
  /** The wiki only: its title index and vocabulary on disk, and every title typed as it is (bench/search-titles.ts). */
  titleIndex?: { titles: FolderSize; words: FolderSize; ranking: TitleRanking | null };
}

function check(run: RunResult, what: string): RunResult {
  if (run.status !== 0) {
    process.stderr.write(run.output.slice(-4000));
    throw new Error(`${what} failed with exit ${run.status}; its output is above`);
  }
  return run;
}

async function addSearchIndexIfMissing(dist: string): Promise<RunResult | undefined> {
  if (existsSync(join(dist, 'pagefind'))) return undefined;
  console.error('[bench] the build wrote no dist/pagefind: indexing with the Pagefind CLI, timed apart and added to the build');
  return check(await runMeasured(node, [join(repo, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', dist], { cwd: repo, quiet: true }), 'pagefind');
}

async function measureSite(name: string, dist: string, build: RunResult, pagePrefix: string): Promise<SiteResult> {
  const indexRun = await addSearchIndexIfMissing(dist);
  const ms = build.ms + (indexRun?.ms ?? 0);
  const typical = typicalPage(dist, pagePrefix);
  const hasIndex = existsSync(join(dist, 'pagefind'));
  const browser = hasIndex && typical && !args['no-browser'];
  const search = browser ? await measureSearchBytes(dist, typical, BENCHMARK_QUERIES, port) : null;
  const searchUi = browser ? await measureSearchUi(dist, typical, BENCHMARK_QUERIES, port, name === 'starlight' ? 'starlight' : 'wiki') : null;
  const titleIndex =
    name === 'wiki' && existsSync(join(dist, 'search-titles'))
      ? {
          titles: folderSize(join(dist, 'search-titles')),
          words: folderSize(join(dist, 'search-words')),
          ranking: browser ? await measureTitleRanking(dist, 25, port) : null,
        }
      : undefined;
  console.error(`[bench] ${name}: measured`);
  return {
    ...(titleIndex ? { titleIndex } : {}),
    build: { ms, cpuMs: build.cpuMs + (indexRun?.cpuMs ?? 0), peakRss: Math.max(build.peakRss, indexRun?.peakRss ?? 0), pagesPerSecond: pages / (ms / 1000) },
    ...(indexRun ? { searchIndexAddedByBench: { ms: indexRun.ms, cpuMs: indexRun.cpuMs, peakRss: indexRun.peakRss } } : {}),
    dist: folderSize(dist),
    searchIndex: hasIndex ? folderSize(join(dist, 'pagefind')) : null,
    page: typical ? pageWeight(dist, typical) : null,
    search,
    searchUi,
  };
}

async function benchWiki(articles: GeneratedArticle[]): Promise<SiteResult> {
  const base = join(work, siteName);
  const content = join(base, 'content');
  const dist = join(base, 'dist');
  const cache = join(base, 'cache');
  writeWiki(content, articles);
  mkdirSync(base, { recursive: true });
  // The content just written and the last build's folders removed, let age as on a fresh checkout (bench/measure.ts).
  await removeAndSettle([dist, cache]);
  const env = { ...quietEnv, WIKI_CONTENT_DIR: content, WIKI_OUT_DIR: dist, WIKI_CACHE_DIR: cache };
  const profile = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(base, 'profile')}`] : [];
  // What a writer runs, `npm run build` (cli/build.ts: the search index once Astro has exited); a CPU
  // profile is of Astro itself, so --cpu-prof runs `astro build`, which then indexes inside its own process.
  const astro = args['cpu-prof'] ? [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'] : [join(repo, 'cli/build.ts')];
  console.error(`[bench] building ${pages} articles with the wiki …`);
  const build = check(await runMeasured(node, [...profile, ...astro], { cwd: repo, env }), 'the wiki build');
  const result = await measureSite('wiki', dist, build, 'wiki/hardware/');
  if (args.rebuild) {
    // A writer's edit: one sentence added to one article, then the same build again, cache kept.
    const edited = articles[Math.floor(articles.length / 2)];
    if (edited) appendFileSync(join(content, `${edited.path}.mdx`), '\nOne sentence added by the benchmark.\n');
    console.error('[bench] rebuilding after editing one article …');
    const again = check(await runMeasured(node, astro, { cwd: repo, env }), 'the rebuild');
    await removalsDone(dist);
    const index = await addSearchIndexIfMissing(dist);
    result.rebuild = { ms: again.ms + (index?.ms ?? 0), cpuMs: again.cpuMs + (index?.cpuMs ?? 0), peakRss: Math.max(again.peakRss, index?.peakRss ?? 0) };
  }
  return result;
}

async function benchStarlight(articles: GeneratedArticle[]): Promise<SiteResult> {
  const dir = ensureStarlight(join(work, 'starlight'));
  writeStarlightSite(dir, articles);
  await removeAndSettle(STARLIGHT_BUILD_FOLDERS.map((folder) => join(dir, folder)));
  console.error(`[bench] building ${pages} articles with Starlight ${STARLIGHT_VERSION} …`);
  const build = check(await runMeasured(node, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, env: quietEnv }), 'the Starlight build');
  return measureSite('starlight', join(dir, 'dist'), build, 'hardware/');
}

async function bareUnified(): Promise<{ ms: number; cpuMs: number; peakRss: number }> {
  const run = check(
    await runMeasured(node, [join(repo, 'bench/bare-unified.ts'), join(work, siteName, 'content')], { cwd: repo, quiet: true }),
    'the bare unified pipeline',
  );
  const line = run.output.split('\n').find((l) => l.startsWith('{'));
  const inner = line ? (JSON.parse(line) as { ms: number }).ms : Number.NaN;
  return { ms: inner, cpuMs: run.cpuMs, peakRss: run.peakRss };
}

const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '' : (a / b).toFixed(2));

function table(wiki: SiteResult, bare: { ms: number }, starlight: SiteResult | undefined): string {
  const rows: Array<[string, (r: SiteResult) => number | undefined, (n: number | undefined) => string]> = [
    ['build wall time (search index included)', (r) => r.build.ms, s],
    ['build CPU time', (r) => r.build.cpuMs, s],
    ['pages per second', (r) => r.build.pagesPerSecond, (n) => (n === undefined ? '–' : n.toFixed(1))],
    ['peak memory (process tree RSS)', (r) => r.build.peakRss, mb],
    ['rebuild after one edit', (r) => r.rebuild?.ms, s],
    ['dist size', (r) => r.dist.bytes, mb],
    ['dist files', (r) => r.dist.files, (n) => String(n ?? '–')],
    ['search index size', (r) => r.searchIndex?.bytes, mb],
    ['article page, gzipped (HTML+CSS+JS)', (r) => r.page?.total.gzip, kb],
    ['  HTML raw / gzipped', (r) => r.page?.html.gzip, kb],
    ['  CSS gzipped', (r) => r.page?.css.gzip, kb],
    ['  JS gzipped', (r) => r.page?.js.gzip, kb],
    ['search bytes while reading', (r) => r.search?.readingSearchBytes, kb],
    ['median first-query bytes', (r) => r.search?.medianQueryBytes, kb],
    ['median warm query time', (r) => median(r.search?.queries.map((q) => q.warmMs)), (n) => (n === undefined ? '–' : `${n.toFixed(0)} ms`)],
    ['own search box: search bytes while reading', (r) => median(r.searchUi?.queries.map((q) => q.beforeSearch)), kb],
    ['own search box: median first-query bytes', (r) => r.searchUi?.medianQueryBytes, kb],
    ['own search box: median first-query requests', (r) => r.searchUi?.medianRequests, (n) => String(n ?? '–')],
    [
      'own search box: keystroke to results drawn, warm',
      (r) => median(r.searchUi?.queries.flatMap((q) => (q.warmDrawnMs === undefined ? [] : [q.warmDrawnMs]))),
      (n) => (n === undefined ? '–' : `${n.toFixed(0)} ms`),
    ],
    ['title index size (search-titles/)', (r) => r.titleIndex?.titles.bytes, kb],
    ['vocabulary size (search-words/)', (r) => r.titleIndex?.words.bytes, kb],
    [
      'titles typed as they are, ranked first',
      (r) => r.titleIndex?.ranking?.first,
      (n) =>
        n === undefined
          ? '–'
          : `${n} of ${wiki.titleIndex?.ranking?.articles ?? '?'} (box in Chromium: ${wiki.titleIndex?.ranking?.browser.first ?? '?'} of ${wiki.titleIndex?.ranking?.browser.typed ?? '?'})`,
    ],
  ];
  const lines = [`| ${pages} articles | wiki | ${starlight ? 'Starlight | wiki / Starlight |' : ''}`, `|---|---|${starlight ? '---|---|' : ''}`];
  for (const [label, get, format] of rows) {
    const mine = get(wiki);
    let first = format(mine);
    if (label.startsWith('  HTML')) first = `${kb(wiki.page?.html.raw)} / ${kb(mine)}`;
    const theirs = starlight ? get(starlight) : undefined;
    let second = format(theirs);
    if (starlight && label.startsWith('  HTML')) second = `${kb(starlight.page?.html.raw)} / ${kb(theirs)}`;
    lines.push(`| ${label} | ${first} | ${starlight ? `${second} | ${ratio(mine, theirs)} |` : ''}`);
  }
  lines.push(`| bare unified pipeline, same files (one process) | ${s(bare.ms)} | ${starlight ? ' | |' : ''}`);
  lines.push(`| wiki build / bare unified | ${ratio(wiki.build.ms, bare.ms)} | ${starlight ? ' | |' : ''}`);
  return lines.join('\n');
}

function median(values: number[] | undefined): number | undefined {
  if (!values || values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

mkdirSync(work, { recursive: true });
const articles = generateWiki({ pages, seed: Number(args.seed), components: args.components, pictures: args['local-pictures'] ? 'local' : 'remote' });
const wiki = await benchWiki(articles);
const bare = args['no-bare'] ? { ms: Number.NaN, cpuMs: Number.NaN, peakRss: Number.NaN } : await bareUnified();
const starlight = args.compare === 'starlight' ? await benchStarlight(articles) : undefined;
const result = {
  date: new Date().toISOString(),
  machine: machineDescription(),
  pages,
  seed: Number(args.seed),
  components: args.components,
  wiki,
  bareUnified: bare,
  ...(starlight ? { starlight, starlightVersion: STARLIGHT_VERSION } : {}),
};
writeFileSync(join(work, `results-${pages}${variant}${starlight ? '-starlight' : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(table(wiki, bare, starlight));
console.log(JSON.stringify(result));
