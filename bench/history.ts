/**
 * What page histories cost: the benchmark's wiki built twice over, from a folder outside git (no history: no
 * history pages, Recent changes by date) and from a git repository where every article has five commits by two
 * authors, renames among them (bench/git-history.ts); cold builds alternate, and so does which of a pair goes first,
 * each from an empty cache into folders of its own, then each run is built again after an edit; the medians are
 * compared. Also times the one `git log` alone.
 *
 *   npm run bench:history -- --pages 10000 [--runs 2] [--seed 1]
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gitLogArguments } from '../src/content-folder/git-history.ts';
import { generateWiki, writeWiki } from './generate.ts';
import { writeWikiRepository } from './git-history.ts';
import { removalsDone, removeAndSettle, runMeasured, type RunResult } from './measure.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: { pages: { type: 'string', default: '1000' }, runs: { type: 'string', default: '2' }, seed: { type: 'string', default: '1' } },
});
const pages = Number(args.pages);
const runs = Number(args.runs);
const work = resolve(process.env.BENCH_DIR ?? join(repoRoot, 'bench/.work'), `history-${pages}`);
// The folder without history must not lie inside any git checkout (bench/.work is inside the engine's).
const plain = join(tmpdir(), `wiki-bench-plain-${pages}`);
const repo = join(work, 'repo');

mkdirSync(work, { recursive: true });
const articles = generateWiki({ pages, seed: Number(args.seed) });
writeWiki(plain, articles);
const commits = writeWikiRepository(repo, articles);
console.error(`[bench] ${pages} articles, ${commits} commits, five per article`);

const log = spawnSync('bash', ['-c', 'time git "$@" > /dev/null', 'bash', ...gitLogArguments()], { cwd: join(repo, 'content'), encoding: 'utf8' });
const logTime = /real\s+(\S+)/.exec(log.stderr)?.[1] ?? '?';
// The folders of an earlier invocation (and of the time before runs had their own) removed, and what the set-up
// rewrote let age, so that every cold build meets the disk as a first build does.
const runsDir = join(work, 'runs');
await removeAndSettle([runsDir, ...['no-history', 'history'].flatMap((name) => [join(work, `dist-${name}`), join(work, `cache-${name}`)])]);

/**
 * A build of `content` into the output and cache folders of its run; `fresh`: the run's first build, from an empty
 * cache. Nothing is deleted before a cold build: each run has folders of its own (bench/measure.ts `removeAndSettle`).
 */
async function build(content: string, name: string, round: number, fresh = true): Promise<RunResult> {
  const out = join(runsDir, `${name}-${round}`, 'dist');
  const cache = join(runsDir, `${name}-${round}`, 'cache');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', WIKI_CONTENT_DIR: content, WIKI_OUT_DIR: out, WIKI_CACHE_DIR: cache };
  const run = await runMeasured(process.execPath, [join(repoRoot, 'cli/build.ts')], { cwd: repoRoot, env, quiet: true });
  if (run.status !== 0) {
    process.stderr.write(run.output.slice(-4000));
    throw new Error(`the ${name} build failed`);
  }
  await removalsDone(out);
  console.error(
    `[bench] ${name}${fresh ? '' : ' (rebuild)'}: ${(run.ms / 1000).toFixed(1)} s wall, ${(run.cpuMs / 1000).toFixed(1)} s CPU; ${
      run.output
        .split('\n')
        .find((line) => line.includes('history:'))
        ?.trim() ?? ''
    }`,
  );
  return run;
}

/** A writer's edit: one sentence added to one article (committed, in the repository). */
function edit(content: string, commit: boolean, round: number): void {
  const article = articles[Math.floor(articles.length / 2)];
  if (!article) return;
  appendFileSync(join(content, `${article.path}.mdx`), `\nOne sentence added by the benchmark, round ${round}.\n`);
  if (commit) {
    const git = (args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    git(['add', '-A']);
    git(['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', 'commit', '-q', '-m', `Benchmark edit ${round}`]);
  }
}

const without: RunResult[] = [];
const withHistory: RunResult[] = [];
const rebuildWithout: RunResult[] = [];
const rebuildWith: RunResult[] = [];
// Each cold build after a pause too: a build removes its working folders as it ends, thousands of files at this size,
// which the next build would pay for here. The order alternates (without history first, then with it first), so that
// whatever the second build of a pair meets weighs on both alike.
for (let i = 0; i < runs; i++) {
  const builds = [
    async () => without.push(await build(plain, 'no-history', i)),
    async () => withHistory.push(await build(join(repo, 'content'), 'history', i)),
  ];
  for (const next of i % 2 === 0 ? builds : builds.reverse()) {
    await removeAndSettle();
    await next();
  }
}
// The rebuilds after every cold build: each replaces its site and deletes the one before, which a cold build right
// after it would pay for on this disk.
for (let i = 0; i < runs; i++) {
  edit(plain, false, i);
  rebuildWithout.push(await build(plain, 'no-history', i, false));
  edit(join(repo, 'content'), true, i);
  rebuildWith.push(await build(join(repo, 'content'), 'history', i, false));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const row = (label: string, pick: (run: RunResult) => number, format: (n: number) => string, a0 = without, b0 = withHistory) => {
  const a = median(a0.map(pick));
  const b = median(b0.map(pick));
  return `| ${label} | ${format(a)} | ${format(b)} | ${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)}% |`;
};
const table = [
  `| ${pages} articles, ${commits} commits, median of ${runs} | no history | five commits per article | history adds |`,
  '|---|---|---|---|',
  row('build, wall', (r) => r.ms, s),
  row('build, CPU', (r) => r.cpuMs, s),
  row(
    'peak memory',
    (r) => r.peakRss,
    (n) => `${(n / 1024 / 1024).toFixed(0)} MB`,
  ),
  row('rebuild after one edit (committed), cache kept: wall', (r) => r.ms, s, rebuildWithout, rebuildWith),
  row('rebuild after one edit (committed), cache kept: CPU', (r) => r.cpuMs, s, rebuildWithout, rebuildWith),
  `| the one \`git log\` alone | | ${logTime} | |`,
].join('\n');
// The builds alternate, so each pair ran in the same minutes: the ratio of each pair is not moved by the machine
// speeding up or slowing down between pairs, as the medians above are.
const pairs = (a: RunResult[], b: RunResult[]) => a.map((run, i) => (b[i] ? b[i].ms / run.ms : Number.NaN));
const percent = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;
const pairLine = (label: string, ratios: number[]) => `${label}, pair by pair: ${ratios.map(percent).join(', ')}; median ${percent(median(ratios))}`;
writeFileSync(
  join(work, 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), pages, commits, without, withHistory, rebuildWithout, rebuildWith }, (key, value: unknown) => (key === 'output' ? undefined : value), 2)}\n`,
);
console.log(table);
console.log(pairLine('History adds to a cold build', pairs(without, withHistory)));
console.log(pairLine('History adds to a rebuild', pairs(rebuildWithout, rebuildWith)));
