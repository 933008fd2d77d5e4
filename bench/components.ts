/**
 * What the wiki's own blocks cost (issue 15: at most 1.2× the time of the same articles without them): cold builds
 * of the benchmark's articles, plain and with every component (an infobox, a formula, a callout, a figure and a
 * chart each: bench/generate.ts), interleaved in pairs whose order alternates (plain first, then components first),
 * so that a machine whose speed drifts during the runs weighs on both alike. Each build has output and cache
 * folders of its own; the folders of an earlier invocation are removed, and what the set-up wrote let age, first
 * (bench/measure.ts `removeAndSettle`).
 *
 *   node bench/components.ts --pages 1000 --runs 6 [--seed 1]
 *
 * Prints every pair and the median of each side, in wall time (the goal's measure) and CPU time (user and system
 * time of every process of the build, steadier on a machine whose speed moves from minute to minute); writes
 * bench/.work/results-components-<pages>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateWiki, writeWiki } from './generate.ts';
import { machineDescription, removeAndSettle, runMeasured, type RunResult } from './measure.ts';

const repo = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: { pages: { type: 'string', default: '1000' }, runs: { type: 'string', default: '6' }, seed: { type: 'string', default: '1' } },
});
const pages = Number(args.pages);
const runs = Number(args.runs);
const seed = Number(args.seed);
const work = resolve(process.env.BENCH_DIR ?? join(repo, 'bench/.work'));
const base = join(work, `components-${pages}`);
const runsDir = join(base, 'runs');
const kinds = ['plain', 'components'] as const;
type Kind = (typeof kinds)[number];
const content = (kind: Kind) => join(base, kind);

mkdirSync(base, { recursive: true });
for (const kind of kinds) writeWiki(content(kind), generateWiki({ pages, seed, components: kind === 'components' }));
await removeAndSettle([runsDir]);

async function coldBuild(kind: Kind, i: number): Promise<RunResult> {
  const run = join(runsDir, `${kind}-${i}`);
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    WIKI_CONTENT_DIR: content(kind),
    WIKI_OUT_DIR: join(run, 'dist'),
    WIKI_CACHE_DIR: join(run, 'cache'),
  };
  const result = await runMeasured(process.execPath, [join(repo, 'cli/build.ts')], { cwd: repo, env, quiet: true });
  if (result.status !== 0) {
    process.stderr.write(result.output.slice(-4000));
    throw new Error(`the ${kind} build failed with exit ${result.status}`);
  }
  return result;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const built: Record<Kind, RunResult[]> = { plain: [], components: [] };
for (let i = 0; i < runs; i++) {
  for (const kind of i % 2 === 0 ? kinds : [...kinds].reverse()) built[kind].push(await coldBuild(kind, i));
  const [plain, components] = [built.plain[i]!, built.components[i]!];
  console.error(`[bench] pair ${i + 1}/${runs}: plain ${s(plain.ms)} (CPU ${s(plain.cpuMs)}), components ${s(components.ms)} (CPU ${s(components.cpuMs)})`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (kind: Kind) => built[kind].map((run) => run.ms);
const cpuMs = (kind: Kind) => built[kind].map((run) => run.cpuMs);
const summary = {
  date: new Date().toISOString(),
  machine: machineDescription(),
  pages,
  runs,
  seed,
  plainMs: ms('plain'),
  componentsMs: ms('components'),
  ratios: built.components.map((run, i) => run.ms / (built.plain[i]?.ms ?? Number.NaN)),
  medianRatio: median(ms('components')) / median(ms('plain')),
  plainCpuMs: cpuMs('plain'),
  componentsCpuMs: cpuMs('components'),
  cpuRatios: built.components.map((run, i) => run.cpuMs / (built.plain[i]?.cpuMs ?? Number.NaN)),
  medianCpuRatio: median(cpuMs('components')) / median(cpuMs('plain')),
  plainPeakRss: built.plain.map((run) => run.peakRss),
  componentsPeakRss: built.components.map((run) => run.peakRss),
};
writeFileSync(join(work, `results-components-${pages}.json`), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`| ${pages} articles, cold | plain | every component | components / plain | CPU: plain | components | components / plain |`);
console.log('|---|---|---|---|---|---|---|');
built.plain.forEach((plain, i) =>
  console.log(
    `| pair ${i + 1} (${i % 2 === 0 ? 'plain' : 'components'} first) | ${s(plain.ms)} | ${s(built.components[i]!.ms)} | ${summary.ratios[i]!.toFixed(2)} | ${s(plain.cpuMs)} | ${s(built.components[i]!.cpuMs)} | ${summary.cpuRatios[i]!.toFixed(2)} |`,
  ),
);
console.log(
  `| **median** | **${s(median(summary.plainMs))}** | **${s(median(summary.componentsMs))}** | **${summary.medianRatio.toFixed(2)}** | ${s(median(summary.plainCpuMs))} | ${s(median(summary.componentsCpuMs))} | ${summary.medianCpuRatio.toFixed(2)} |`,
);
console.log(JSON.stringify(summary));
