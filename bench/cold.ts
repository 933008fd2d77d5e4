/**
 * Cold builds, as a first build or a CI run without a kept cache meets them, beside Starlight's on the same
 * articles: n interleaved runs each (wiki, Starlight, wiki, …), the wiki's each into output and cache folders of its
 * own, Starlight's in its project and moved out of it after the run; then one warm wiki build (the cache of the last
 * cold run kept, nothing changed). Nothing is deleted between runs: the folders of earlier runs are removed at the
 * start, and the files written and removed while setting up are let age before the first run (bench/measure.ts
 * `removeAndSettle`), so that every build meets the disk as a first build on a fresh checkout does.
 *
 *   node bench/cold.ts --pages 1000 --runs 5 [--seed 1]
 *
 * Prints every run, the medians and their ratio, in wall time (the goal's measure) and in CPU time (user and system
 * time of every process of the build: steadier on a machine whose speed moves from minute to minute); writes
 * bench/.work/results-cold-<pages>.json.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateWiki, writeWiki } from './generate.ts';
import { removalsDone, removeAndSettle, runMeasured, type RunResult, machineDescription } from './measure.ts';
import { ensureStarlight, STARLIGHT_BUILD_FOLDERS, STARLIGHT_VERSION, writeStarlightSite } from './starlight.ts';

const repo = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: { pages: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' } },
});
const pages = Number(args.pages);
const runs = Number(args.runs);
const work = resolve(process.env.BENCH_DIR ?? join(repo, 'bench/.work'));
const base = join(work, `cold-${pages}`);
const content = join(base, 'content');
/** Each run's output and cache folders. */
const runsDir = join(base, 'runs');
const quietEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };

function check(run: RunResult, what: string): RunResult {
  if (run.status !== 0) {
    process.stderr.write(run.output.slice(-4000));
    throw new Error(`${what} failed with exit ${run.status}`);
  }
  return run;
}

mkdirSync(base, { recursive: true });
const articles = generateWiki({ pages, seed: Number(args.seed) });
writeWiki(content, articles);
const starlight = ensureStarlight(join(work, 'starlight'));
writeStarlightSite(starlight, articles);
// Folders the bench used before it kept each run's own (`dist`, `cache`), and the runs of an earlier invocation.
await removeAndSettle([join(base, 'dist'), join(base, 'cache'), runsDir, ...STARLIGHT_BUILD_FOLDERS.map((dir) => join(starlight, dir))]);

const wikiEnv = (run: string) => ({
  ...quietEnv,
  WIKI_CONTENT_DIR: content,
  WIKI_OUT_DIR: join(runsDir, run, 'dist'),
  WIKI_CACHE_DIR: join(runsDir, run, 'cache'),
});
const coldWiki = async (i: number) =>
  check(await runMeasured(process.execPath, [join(repo, 'cli/build.ts')], { cwd: repo, env: wikiEnv(`wiki-${i}`), quiet: true }), 'the wiki build');
const coldStarlight = async (i: number) => {
  const run = check(
    await runMeasured(process.execPath, [join(starlight, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: starlight, env: quietEnv, quiet: true }),
    'the Starlight build',
  );
  // Its output and caches moved out of the project, not deleted: the next build starts without them, in the same place.
  const kept = join(runsDir, `starlight-${i}`);
  mkdirSync(kept, { recursive: true });
  for (const dir of STARLIGHT_BUILD_FOLDERS) if (existsSync(join(starlight, dir))) renameSync(join(starlight, dir), join(kept, dir.replace('/', '-')));
  return run;
};

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const wiki: RunResult[] = [];
const theirs: RunResult[] = [];
for (let i = 0; i < runs; i++) {
  wiki.push(await coldWiki(i));
  theirs.push(await coldStarlight(i));
  const [ours, starlights] = [wiki.at(-1)!, theirs.at(-1)!];
  console.error(`[bench] run ${i + 1}/${runs}: wiki ${s(ours.ms)} (CPU ${s(ours.cpuMs)}), Starlight ${s(starlights.ms)} (CPU ${s(starlights.cpuMs)})`);
}
const last = `wiki-${runs - 1}`;
const warm = check(await runMeasured(process.execPath, [join(repo, 'cli/build.ts')], { cwd: repo, env: wikiEnv(last), quiet: true }), 'the warm wiki build');
await removalsDone(join(runsDir, last, 'dist'));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const summary = {
  date: new Date().toISOString(),
  machine: machineDescription(),
  pages,
  runs,
  starlightVersion: STARLIGHT_VERSION,
  wikiColdMs: wiki.map((run) => run.ms),
  starlightColdMs: theirs.map((run) => run.ms),
  wikiColdPeakRss: wiki.map((run) => run.peakRss),
  starlightColdPeakRss: theirs.map((run) => run.peakRss),
  ratios: wiki.map((run, i) => run.ms / (theirs[i]?.ms ?? Number.NaN)),
  medianRatio: median(wiki.map((run) => run.ms)) / median(theirs.map((run) => run.ms)),
  wikiColdCpuMs: wiki.map((run) => run.cpuMs),
  starlightColdCpuMs: theirs.map((run) => run.cpuMs),
  cpuRatios: wiki.map((run, i) => run.cpuMs / (theirs[i]?.cpuMs ?? Number.NaN)),
  medianCpuRatio: median(wiki.map((run) => run.cpuMs)) / median(theirs.map((run) => run.cpuMs)),
  wikiWarmMs: warm.ms,
};
writeFileSync(join(work, `results-cold-${pages}.json`), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`| ${pages} articles, cold | wiki | Starlight ${STARLIGHT_VERSION} | wiki / Starlight | CPU: wiki | Starlight | wiki / Starlight |`);
console.log('|---|---|---|---|---|---|---|');
wiki.forEach((run, i) =>
  console.log(
    `| run ${i + 1} | ${s(run.ms)} | ${s(theirs[i]?.ms ?? Number.NaN)} | ${(summary.ratios[i] ?? Number.NaN).toFixed(2)} | ${s(run.cpuMs)} | ${s(theirs[i]?.cpuMs ?? Number.NaN)} | ${(summary.cpuRatios[i] ?? Number.NaN).toFixed(2)} |`,
  ),
);
console.log(
  `| **median** | **${s(median(summary.wikiColdMs))}** | **${s(median(summary.starlightColdMs))}** | **${summary.medianRatio.toFixed(2)}** | ${s(median(summary.wikiColdCpuMs))} | ${s(median(summary.starlightColdCpuMs))} | ${summary.medianCpuRatio.toFixed(2)} |`,
);
console.log(`| warm wiki build (cache kept, nothing changed) | ${s(warm.ms)} | | | ${s(warm.cpuMs)} | | |`);
console.log(JSON.stringify(summary));
