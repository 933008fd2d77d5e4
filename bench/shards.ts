/**
 * Sharded builds, measured: a generated wiki built whole, then as n shards and merged, each shard as it would
 * run on a machine of its own (one after the other here, each with an empty cache, as a CI job without a kept
 * cache), then the merge.
 *
 *   node bench/shards.ts --pages 20000 --shards 4,8 [--seed 1] [--shape long]
 *
 * Prints, per build: wall time, CPU time, peak memory of the process tree and of the largest single process
 * (and which one); for n shards: the slowest shard, the merge, the total CPU, and the wall time when every
 * shard has its own machine (slowest shard + merge). Writes bench/.work/results-shards-<pages>.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateWiki, writeWiki } from './generate.ts';
import { runMeasured, type RunResult, machineDescription } from './measure.ts';

const repo = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '20000' },
    shards: { type: 'string', default: '4,8' },
    seed: { type: 'string', default: '1' },
    shape: { type: 'string', default: 'standard' },
  },
});
const pages = Number(args.pages);
const counts = (args.shards ?? '')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const work = resolve(process.env.BENCH_DIR ?? join(repo, 'bench/.work'), `shards-${pages}${args.shape === 'long' ? '-long' : ''}`);
const content = join(work, 'content');
const quietEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };

interface Measured {
  ms: number;
  cpuMs: number;
  peakRss: number;
  peakProcess: { rss: number; command: string };
}

const measured = (run: RunResult): Measured => ({ ms: run.ms, cpuMs: run.cpuMs, peakRss: run.peakRss, peakProcess: run.peakProcess });

async function run(what: string, script: string, scriptArgs: string[], env: Record<string, string>): Promise<Measured> {
  console.error(`[bench] ${what} …`);
  const result = await runMeasured(process.execPath, [join(repo, script), ...scriptArgs], {
    cwd: repo,
    env: { ...quietEnv, WIKI_CONTENT_DIR: content, ...env },
    quiet: true,
  });
  if (result.status !== 0) {
    process.stderr.write(result.output.slice(-4000));
    throw new Error(`${what} failed with exit ${result.status}`);
  }
  console.error(
    `[bench] ${what}: ${(result.ms / 1000).toFixed(1)} s, peak ${(result.peakRss / 2 ** 20).toFixed(0)} MiB (largest process ${(result.peakProcess.rss / 2 ** 20).toFixed(0)} MiB, ${result.peakProcess.command})`,
  );
  return measured(result);
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
if (args.shape !== 'standard' && args.shape !== 'long') throw new Error(`--shape is \`standard\` or \`long\` (got ${args.shape})`);
writeWiki(content, generateWiki({ pages, seed: Number(args.seed), shape: args.shape }));

const whole = await run(`whole build of ${pages} articles`, 'cli/build.ts', [], {
  WIKI_OUT_DIR: join(work, 'whole'),
  WIKI_CACHE_DIR: join(work, 'cache-whole'),
});
rmSync(join(work, 'cache-whole'), { recursive: true, force: true });

const sharded: Record<
  string,
  { shards: Measured[]; merge: Measured; slowestShardMs: number; wallMs: number; cpuMs: number; largestProcess: Measured['peakProcess'] }
> = {};
for (const count of counts) {
  const shards: Measured[] = [];
  for (let index = 1; index <= count; index++) {
    const out = join(work, `shard-${index}-of-${count}`);
    const cache = join(work, `cache-shard-${index}-of-${count}`);
    shards.push(await run(`shard ${index}/${count}`, 'cli/build.ts', [`--shard=${index}/${count}`], { WIKI_OUT_DIR: out, WIKI_CACHE_DIR: cache }));
    rmSync(cache, { recursive: true, force: true });
  }
  const parts = Array.from({ length: count }, (_, i) => join(work, `shard-${i + 1}-of-${count}`));
  const merge = await run(`merge of ${count} shards`, 'cli/merge.ts', parts, { WIKI_OUT_DIR: join(work, `merged-${count}`) });
  for (const part of parts) rmSync(part, { recursive: true, force: true });
  const slowest = Math.max(...shards.map((shard) => shard.ms));
  const largest = [...shards, merge].reduce((a, b) => (b.peakProcess.rss > a.peakProcess.rss ? b : a)).peakProcess;
  sharded[count] = {
    shards,
    merge,
    slowestShardMs: slowest,
    wallMs: slowest + merge.ms,
    cpuMs: shards.reduce((sum, shard) => sum + shard.cpuMs, merge.cpuMs),
    largestProcess: largest,
  };
}

const result = {
  date: new Date().toISOString(),
  machine: machineDescription(),
  pages,
  whole,
  sharded,
};
writeFileSync(join(resolve(work, '..'), `results-shards-${pages}${args.shape === 'long' ? '-long' : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
console.log(`| ${pages} articles | wall | CPU | peak, tree | largest process |`);
console.log('|---|---|---|---|---|');
console.log(`| whole build | ${s(whole.ms)} | ${s(whole.cpuMs)} | ${mib(whole.peakRss)} | ${mib(whole.peakProcess.rss)} (${whole.peakProcess.command}) |`);
for (const [count, run] of Object.entries(sharded)) {
  run.shards.forEach((shard, i) =>
    console.log(
      `| shard ${i + 1}/${count} | ${s(shard.ms)} | ${s(shard.cpuMs)} | ${mib(shard.peakRss)} | ${mib(shard.peakProcess.rss)} (${shard.peakProcess.command}) |`,
    ),
  );
  console.log(
    `| merge of ${count} | ${s(run.merge.ms)} | ${s(run.merge.cpuMs)} | ${mib(run.merge.peakRss)} | ${mib(run.merge.peakProcess.rss)} (${run.merge.peakProcess.command}) |`,
  );
  console.log(
    `| **${count} shards, a machine each: slowest shard + merge** | **${s(run.wallMs)}** (${(run.wallMs / whole.ms).toFixed(2)}× the whole build) | ${s(run.cpuMs)} total | | largest ${mib(run.largestProcess.rss)} (${run.largestProcess.command}) |`,
  );
}
console.log(JSON.stringify(result));
