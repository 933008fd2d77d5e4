/**
 * What the benchmark measures, each a small function: a command's wall time
 * and the peak memory of its whole process tree (polled from /proc), the size
 * of a folder, and the weight of one built page with what it loads.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * How long the kernel keeps a freed inode from being given out again on ext4 without a journal once its inode table
 * is written (fs/ext4/ialloc.c, `recently_deleted`: 60 s, 360 s while the table is unwritten), plus a second.
 */
const RECENTLY_DELETED_MS = 61_000;

/**
 * Remove `paths`, then write the file system out and wait until the kernel no longer counts their inodes as
 * recently deleted. This machine's disk is ext4 without a journal, where each file created while thousands were
 * just deleted is given an inode by scanning past every one of them: a cold build of 1,000 articles right after
 * `rm -rf` of the last build's folders spent 1.8–3.2 s more of system time and ran 2.5–3.2 s longer in two of
 * three pairs (bench/RESULTS.md, 2026-12-06 thirteenth session). A first build, or CI on a fresh checkout, has
 * nothing just deleted; a benchmark that deletes before it measures must wait this out, for every tool alike.
 */
export async function removeAndSettle(paths: readonly string[] = []): Promise<void> {
  for (const path of paths) rmSync(path, { recursive: true, force: true });
  spawnSync('sync');
  console.error(`[bench] waiting ${RECENTLY_DELETED_MS / 1000} s for the removed files' inodes to be free again (bench/measure.ts removeAndSettle) …`);
  await new Promise((resolve) => setTimeout(resolve, RECENTLY_DELETED_MS));
}

/**
 * Wait until the sites that `npm run build` replaced beside `outDir` are removed (it removes them in a process of
 * its own once the new site is in place, cli/publish.ts), so that the next measured build does not share the
 * machine with the removal.
 */
export async function removalsDone(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const previous = `.${basename(outDir)}.previous-`;
  const left = () => existsSync(parent) && readdirSync(parent).some((name) => name.startsWith(previous));
  for (let waited = 0; left() && waited < 120_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The machine as the results record it: cores and the load averages when the run ended (benchmarks here share it). */
export function machineDescription(): string {
  return `${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

export interface RunResult {
  status: number | null;
  ms: number;
  /** CPU time (user + system) of the process and its waited-for descendants: steadier than wall time on a shared machine. */
  cpuMs: number;
  /** Highest sum of resident memory over the process and all its descendants, in bytes. */
  peakRss: number;
  /** The largest resident memory of any one process of the tree, in bytes, and which program it was. */
  peakProcess: { rss: number; command: string };
  output: string;
}

/** Parent pid of every process, from /proc/<pid>/stat (the field after the command name). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), Number(fields[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return out;
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The program a process runs, for a reader: `astro build`, `pagefind`, `cli/build.ts`. */
function commandOf(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = args.find((arg) => /\.(m?js|ts|cjs)$/.test(arg) || /pagefind/.test(arg)) ?? args[0] ?? '';
    const name = script.includes('astro.mjs')
      ? `astro ${args[args.indexOf(script) + 1] ?? ''}`.trim()
      : script.replace(/^.*node_modules\//, '').replace(/^.*\/(cli|bench)\//, '$1/');
    return name.includes('pagefind') ? 'pagefind' : name;
  } catch {
    return '?';
  }
}

/** Resident memory of `root` and every descendant, in bytes, and the largest single process. */
export function treeMemory(root: number): { total: number; largest: { rss: number; pid: number } } {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  let largest = { rss: 0, pid: root };
  const stack = [root];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    const rss = rssOf(pid);
    total += rss;
    if (rss > largest.rss) largest = { rss, pid };
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

/** Resident memory of `root` and every descendant, in bytes. */
export function treeRss(root: number): number {
  return treeMemory(root).total;
}

/** Run a command, timing it and polling its process tree's memory every `pollMs`. */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; pollMs?: number; quiet?: boolean },
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    // bash's `times` prints the CPU time of the children it waited for, descendants included.
    const wrapped = ['-c', '"$@"; status=$?; times >&2; exit $status', 'bash', command, ...args];
    const child = spawn('bash', wrapped, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let peakRss = 0;
    const peakProcess = { rss: 0, command: '' };
    const poll = setInterval(() => {
      if (child.pid === undefined) return;
      const memory = treeMemory(child.pid);
      peakRss = Math.max(peakRss, memory.total);
      if (memory.largest.rss > peakProcess.rss) Object.assign(peakProcess, { rss: memory.largest.rss, command: commandOf(memory.largest.pid) });
    }, options.pollMs ?? 100);
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(poll);
      const ms = performance.now() - started;
      const times = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(output);
      const cpuMs = times ? (Number(times[1]) * 60 + Number(times[2]) + Number(times[3]) * 60 + Number(times[4])) * 1000 : Number.NaN;
      resolvePromise({ status, ms, cpuMs, peakRss, peakProcess, output });
    });
  });
}

/** Every file under `dir`, relative. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out;
}

export interface FolderSize {
  bytes: number;
  files: number;
}

export function folderSize(dir: string): FolderSize {
  const files = filesUnder(dir);
  return { bytes: files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0), files: files.length };
}

export interface Weight {
  raw: number;
  gzip: number;
  files: number;
}

export interface PageWeight {
  page: string;
  html: Weight;
  css: Weight;
  js: Weight;
  total: Weight;
}

const weigh = (contents: Buffer[]): Weight => ({
  raw: contents.reduce((sum, c) => sum + c.length, 0),
  gzip: contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
  files: contents.length,
});

/**
 * The weight of one built page: its HTML, the stylesheets it links and the
 * scripts it loads at once (`<script src>`, module preloads, and their static
 * imports), read from the built files. Inline styles and scripts count as HTML.
 */
export function pageWeight(siteDir: string, page: string): PageWeight {
  const html = readFileSync(join(siteDir, page));
  const text = html.toString();
  const local = (href: string) => (href.startsWith('/') && !href.startsWith('//') ? join(siteDir, href.split(/[?#]/)[0] ?? '') : undefined);
  const css = [...text.matchAll(/<link[^>]+rel="?stylesheet"?[^>]*>/g)]
    .map((m) => /href="?([^"\s>]+)/.exec(m[0])?.[1])
    .flatMap((href) => (href ? [local(href)] : []))
    .flatMap((file) => (file ? [readFileSync(file)] : []));
  const scripts = new Set<string>();
  const queue = [...text.matchAll(/<script[^>]+src="?([^"\s>]+)|<link[^>]+rel="?modulepreload"?[^>]+href="?([^"\s>]+)/g)]
    .map((m) => m[1] ?? m[2])
    .flatMap((href) => (href ? [local(href)] : []))
    .flatMap((file) => (file ? [file] : []));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (scripts.has(file)) continue;
    scripts.add(file);
    // Static imports load with the script; dynamic `import()` (e.g. Pagefind on focus) does not.
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|[;\s])import\s*(?:[^'"();]*?from\s*)?["']([^"']+)["']/g)) {
      const spec = m[1];
      if (spec?.startsWith('.')) queue.push(join(file, '..', spec));
      else if (spec?.startsWith('/')) queue.push(join(siteDir, spec));
    }
  }
  const js = [...scripts].map((file) => readFileSync(file));
  const weights = { html: weigh([html]), css: weigh(css), js: weigh(js) };
  return {
    page,
    ...weights,
    total: {
      raw: weights.html.raw + weights.css.raw + weights.js.raw,
      gzip: weights.html.gzip + weights.css.gzip + weights.js.gzip,
      files: weights.html.files + weights.css.files + weights.js.files,
    },
  };
}

/** The article page of median size among the built pages under `prefix` (e.g. `wiki/`). */
export function typicalPage(siteDir: string, prefix: string): string | undefined {
  const pages = filesUnder(join(siteDir, prefix))
    .filter((file) => file.endsWith('index.html'))
    .map((file) => ({ file: join(prefix, file), size: statSync(join(siteDir, prefix, file)).size }))
    .sort((a, b) => a.size - b.size || a.file.localeCompare(b.file));
  return pages[Math.floor(pages.length / 2)]?.file;
}
