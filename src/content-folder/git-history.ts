/**
 * The content folder's git history, read with at most ONE `git log` per build (never one process per file), and
 * the texts of the blobs the history pages compare, read with at most one `git cat-file --batch`. The log runs in
 * its own process while the build reads the articles (`startGitHistory` returns at once). A folder outside
 * git, a machine without git, or a shallow clone builds fine: the history says what it lacks.
 *
 * Commits never change, so the commits read by the last build are kept in the cache folder
 * (src/content-folder/history-cache.ts): the log then reads only the commits made since (`HEAD ^<last HEAD>`),
 * and nothing at all when HEAD has not moved. At 10,000 articles with five commits each the whole log costs git
 * some 7–10 s of CPU (most of it the line counts); a rebuild after a commit, a fraction of a second. A first
 * build's whole log is started by `npm run build` before Astro's process (`startGitLogAhead`), without the line
 * counts of all but its newest commits: those are counted from the blobs the log names, while Astro renders
 * (`withLineCounts`, src/model/line-counts.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import { COMMIT_MARK, LOG_FORMAT, parseGitLog, type FileChange, type HistoryStatus, type LoggedCommit } from '../model/history.ts';
import { countChange, textLines, type LineCounts, type TextLines } from '../model/line-counts.ts';

export interface GitHistory {
  status: HistoryStatus;
  /** Newest first; empty without history. */
  commits: LoggedCommit[];
  /** The commit HEAD names, when the repository has one. */
  head?: string;
  /** How many commits `git log` read in this build (the others came from the last build's). */
  read: number;
  /**
   * Set when the lines added and removed by the commits from `from` on (newest first) are still to be counted (a log
   * read ahead, `startGitLogAhead`); `withLineCounts` counts them and puts them in.
   */
  uncounted?: { from: number };
}

/**
 * A whole log read ahead counts the lines of its newest commits only, which is what Recent changes shows; the
 * others' are counted from their blobs while Astro renders, for the history pages written after Astro's.
 * Counting lines is most of git's work (at 10,000 articles with five commits each, 6.8 s of CPU with the counts and
 * 2.9 s without), and the pre-pass waits for the log while both cores read the articles.
 */
export const COUNTED_AHEAD = 100;

/** The commits the last build read, and where HEAD stood (src/content-folder/history-cache.ts). */
export interface PreviousLog {
  head: string;
  commits: LoggedCommit[];
}

/**
 * The trim threshold: glibc gives the top of git's heap back to the system whenever 128 KB of it are free, and git
 * frees and allocates a namespace folder's tree (100 KB at 2,000 articles) for each commit, so that pages were
 * given back and faulted in again: 67,000 page faults for the log of 10,000 articles with 4,100 commits, 31,000
 * with the heap kept (up to 256 MB); git's system time 0.9–1.0 → 0.4–0.5 s, its peak memory the same (326 MB).
 */
const GIT_ENV = {
  ...process.env,
  LC_ALL: 'C',
  GIT_TERMINAL_PROMPT: '0',
  GLIBC_TUNABLES: [process.env['GLIBC_TUNABLES'], 'glibc.malloc.trim_threshold=268435456'].filter(Boolean).join(':'),
};

/** Where the content folder stands in git: in a repository (shallow or not, and where), or not. Cheap: one `git rev-parse`. */
export function gitStatus(contentDir: string): HistoryStatus {
  const result = spawnSync('git', ['rev-parse', '--is-shallow-repository', '--show-prefix'], { cwd: contentDir, encoding: 'utf8', env: GIT_ENV });
  if (result.error) return { kind: 'none', reason: 'no-git', detail: `git could not be run (${result.error.message})` };
  if (result.status !== 0) {
    const said = result.stderr.trim().split('\n')[0] ?? '';
    return /not a git repository/i.test(said) ? { kind: 'none', reason: 'not-a-repository', detail: said } : { kind: 'none', reason: 'failed', detail: said };
  }
  const [shallow = 'false', prefix = ''] = result.stdout.split('\n');
  // A folder the repository ignores (generated or scratch content, as a benchmark's) is no part of its history:
  // every article would otherwise get a history page saying it is not committed yet.
  const ignored = spawnSync('git', ['check-ignore', '-q', '--', contentDir], { cwd: contentDir, env: GIT_ENV });
  if (ignored.status === 0) return { kind: 'none', reason: 'ignored', detail: 'the content folder is ignored by git (.gitignore)' };
  return { kind: 'git', shallow: shallow.trim() === 'true', sourceDir: prefix.trim().replace(/\/+$/, '') };
}

/** The settings of both logs: file names as written, renames found as `-M` finds them whatever the user's config. */
const LOG_SETTINGS = ['-c', 'core.quotePath=false', '-c', 'diff.renames=true'];

/**
 * The arguments of the one `git log` (run in the content folder); `range` limits it, e.g. `[head, '^' + last]`;
 * `options` come before it (`-n100`, `--skip=100`); `counts`: with the lines each change added and removed.
 */
export function gitLogArguments(range: string[] = [], options: string[] = [], counts = true): string[] {
  return [
    ...LOG_SETTINGS,
    'log',
    `--format=${LOG_FORMAT}`,
    '-z',
    '--raw',
    ...(counts ? ['--numstat'] : []),
    '-M',
    '--no-abbrev',
    '--no-color',
    '--relative',
    ...options,
    ...range,
    '--',
    '.',
  ];
}

/** The changes whose lines `history` has still to count (`withLineCounts`), in order. */
export function uncountedChanges(history: GitHistory): FileChange[] {
  return history.uncounted ? history.commits.slice(history.uncounted.from).flatMap((commit) => commit.changes) : [];
}

/** A change's blobs before and after, as `countLines` takes them. */
export interface BlobPair {
  oldBlob?: string | undefined;
  newBlob?: string | undefined;
}

/**
 * Put the line counts `history` lacks, if any, into its commits: `counted`, if given, holds them in the order of
 * `uncountedChanges` (`finishHistory` counts them first, on a build's history thread); else they are counted here, in `contentDir`.
 */
export async function withLineCounts(history: GitHistory, contentDir: string, counted?: readonly LineCounts[]): Promise<void> {
  if (!history.uncounted) return;
  const changes = uncountedChanges(history);
  const counts = counted ?? (await countLines(contentDir, changes));
  delete history.uncounted;
  changes.forEach((change, i) => {
    const count = counts[i];
    if (count) Object.assign(change, count);
  });
}

/**
 * The lines each of `changes` added and removed, counted from their blobs (src/model/line-counts.ts), read with one
 * `git cat-file --batch` in `cwd`. A file's versions follow one another (a change's text before is the text after
 * the change before it), so the changes are taken version by version, newest first (`versionOrder`): each blob is
 * read and split into lines once, not once for each change that has it, and kept only until the last change that
 * has it is counted. A change whose blob git does not have (a shallow clone, a submodule) gets no counts.
 */
export async function countLines(cwd: string, changes: readonly BlobPair[]): Promise<LineCounts[]> {
  const counts: LineCounts[] = changes.map(() => undefined);
  const order: number[] = [];
  for (const change of versionOrder(changes)) {
    const { oldBlob, newBlob } = changes[change]!;
    // A rename without an edit: the same blob on both sides.
    if (oldBlob !== undefined && oldBlob === newBlob) counts[change] = { added: 0, removed: 0 };
    else if (oldBlob !== undefined || newBlob !== undefined) order.push(change);
  }
  // Each blob once, in the order the changes first need it, with the number of changes that need it.
  const uses = new Map<string, number>();
  const need = (blob: string | undefined) => {
    if (blob !== undefined) uses.set(blob, (uses.get(blob) ?? 0) + 1);
  };
  for (const change of order) {
    need(changes[change]!.newBlob);
    need(changes[change]!.oldBlob);
  }
  const blobs = [...uses.keys()];
  // The lines of the blobs read and still needed; null for a blob git does not have.
  const read = new Map<string, TextLines | null>();
  const linesOf = (blob: string | undefined) => (blob === undefined ? undefined : read.get(blob));
  const release = (blob: string | undefined) => {
    if (blob === undefined) return;
    const left = (uses.get(blob) ?? 1) - 1;
    uses.set(blob, left);
    if (left === 0) read.delete(blob);
  };
  let next = 0;
  await readBlobs(
    cwd,
    blobs,
    (at, text) => {
      read.set(blobs[at]!, text === undefined ? null : textLines(text));
      // Count every change whose blobs are all in; the blobs come in the order the changes need them.
      for (; next < order.length; next++) {
        const change = order[next]!;
        const { oldBlob, newBlob } = changes[change]!;
        if ((oldBlob !== undefined && !read.has(oldBlob)) || (newBlob !== undefined && !read.has(newBlob))) break;
        const before = linesOf(oldBlob);
        const after = linesOf(newBlob);
        if (before !== null && after !== null) counts[change] = countChange(before, after);
        release(oldBlob);
        release(newBlob);
      }
    },
    'latin1',
  );
  return counts;
}

/**
 * The changes (indexes into `changes`, in log order: newest first) ordered so that each is followed by the change
 * that ended in its text before (the file's previous version), where there is one: every change once.
 */
export function versionOrder(changes: readonly BlobPair[]): number[] {
  // The changes that ended in each text, in log order, and how many of them are placed.
  const endingIn = new Map<string, { changes: number[]; placed: number }>();
  changes.forEach(({ newBlob }, i) => {
    if (newBlob === undefined) return;
    const ending = endingIn.get(newBlob);
    if (ending) ending.changes.push(i);
    else endingIn.set(newBlob, { changes: [i], placed: 0 });
  });
  const placed = new Uint8Array(changes.length);
  const order: number[] = [];
  for (let first = 0; first < changes.length; first++) {
    for (let at: number | undefined = first; at !== undefined && placed[at] === 0;) {
      placed[at] = 1;
      order.push(at);
      const before: string | undefined = changes[at]!.oldBlob;
      const ending: { changes: number[]; placed: number } | undefined = before === undefined ? undefined : endingIn.get(before);
      // The first change of those that ended in that text and are not yet placed: the file's previous version, as a
      // rule (a text two files share, or a file went back to, may lead to another's: any order counts the same).
      while (ending && ending.placed < ending.changes.length && placed[ending.changes[ending.placed]!] === 1) ending.placed++;
      at = ending?.changes[ending.placed];
    }
  }
  return order;
}

const quiet = (contentDir: string, args: string[]) => spawnSync('git', args, { cwd: contentDir, encoding: 'utf8', env: GIT_ENV });

/** What one `git log` gave: its exit status, output and errors, or why it could not be run. */
export type LogRun = { code: number | null; output: string; errors: string } | { cannot: string };

/** Run `git log` with `args` in `contentDir`. */
function runLog(contentDir: string, args: string[]): Promise<LogRun> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd: contentDir, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (error) => resolve({ cannot: error.message }));
    child.on('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString('utf8'), errors }));
  });
}

/**
 * Start reading the history of `contentDir`; the promise settles when git is done. Never rejects: a failure is
 * a status the build reports. `previous`: the commits the last build read; only those made since are read.
 * `ahead`: the whole log, being read by `npm run build` since before Astro's process started (`startGitLogAhead`),
 * taken instead of reading it again when HEAD is where it was; `isChild` says whether that process still waits
 * for this one.
 */
export function startGitHistory(
  contentDir: string,
  previous?: PreviousLog,
  ahead?: GitLogAhead,
  isChild: () => boolean = () => process.ppid === ahead?.pid,
): Promise<GitHistory> {
  const status = gitStatus(contentDir);
  if (status.kind === 'none') return Promise.resolve({ status, commits: [], read: 0 });
  const head = quiet(contentDir, ['rev-parse', '-q', '--verify', 'HEAD']).stdout.trim() || undefined;
  if (head === undefined) return Promise.resolve({ status, commits: [], read: 0 });
  // A shallow clone may deepen or be replaced between builds: it is always read whole (it is short).
  const reusable = previous && !status.shallow ? previous : undefined;
  if (reusable?.head === head) return Promise.resolve({ status, commits: reusable.commits, head, read: 0 });
  const since = reusable && quiet(contentDir, ['merge-base', '--is-ancestor', reusable.head, head]).status === 0 ? reusable : undefined;
  const args = gitLogArguments(since ? [head, `^${since.head}`] : []);
  const fromAhead = !since && ahead?.head === head ? ahead : undefined;
  /** The log read ahead, which counted lines of its newest commits only; else the log read here, counted whole. */
  let taken: 'ahead' | 'here' = 'here';
  const run = fromAhead
    ? takeLogAhead(fromAhead, isChild).then((log) => (log ? ((taken = 'ahead'), log) : runLog(contentDir, args)))
    : runLog(contentDir, args);
  return run.then((result): GitHistory => {
    if ('cannot' in result) return { status: { kind: 'none', reason: 'no-git', detail: `git could not be run (${result.cannot})` }, commits: [], read: 0 };
    const { code, output, errors } = result;
    if (code !== 0) {
      // A repository without commits yet has no history, and nothing is wrong.
      if (/does not have any commits yet|bad default revision/i.test(errors)) return { status, commits: [], read: 0 };
      return { status: { kind: 'none', reason: 'failed', detail: errors.trim().split('\n')[0] ?? `git log exited with ${code}` }, commits: [], read: 0 };
    }
    const fresh = output.includes(COMMIT_MARK) ? parseGitLog(output) : [];
    const commits = since ? [...fresh, ...since.commits] : fresh;
    const oldest = commits.at(-1);
    const history: GitHistory = {
      status: status.shallow && oldest ? { ...status, since: oldest.date.slice(0, 10) } : status,
      commits,
      head,
      read: fresh.length,
    };
    if (fromAhead && taken === 'ahead' && fresh.length > COUNTED_AHEAD) {
      history.uncounted = { from: COUNTED_AHEAD };
    }
    return history;
  });
}

/**
 * A whole `git log` started by `npm run build` before Astro's process (`startGitLogAhead`). At 10,000 articles
 * with five commits each, git takes 9–17 s, and Astro's process waited 3 s for it after its pre-pass
 * (bench/RESULTS.md); started 4 s sooner, beside the read ahead of the articles, it is done about when they are.
 */
export interface GitLogAhead {
  /** The process that started it: Astro's process waits for it only while it is that process's child. */
  pid: number;
  /** The commit it reads from: HEAD when it started. */
  head: string;
  /** `<base>.log` receives git's output; `<base>.done`, written once git has exited, its exit status. */
  base: string;
}

/** The environment variable that names a `git log` read ahead to Astro's process (src/content-folder/settings.ts). */
export const GIT_LOG_AHEAD = 'WIKI_GIT_LOG_AHEAD';

export function gitLogAheadVariable(ahead: GitLogAhead): string {
  return `${ahead.pid}:${ahead.head}:${ahead.base}`;
}

export function parseGitLogAheadVariable(value: string | undefined): GitLogAhead | undefined {
  const match = value ? /^(\d+):([0-9a-f]+):(.+)$/s.exec(value) : null;
  return match ? { pid: Number(match[1]), head: match[2] ?? '', base: match[3] ?? '' } : undefined;
}

/**
 * In `npm run build`: start the whole `git log` of `contentDir` into files at `base`, for Astro's process to take
 * (`startGitHistory`). Gives undefined, starting nothing, outside git or without commits. A shell around git
 * writes its exit status as soon as it exits, whatever this process is busy with (it reads the articles ahead
 * meanwhile). `stop` ends git, if still running, and removes the files.
 */
export function startGitLogAhead(contentDir: string, base: string): { ahead: GitLogAhead; stop: () => void } | undefined {
  if (gitStatus(contentDir).kind === 'none') return undefined;
  const head = quiet(contentDir, ['rev-parse', '-q', '--verify', 'HEAD']).stdout.trim();
  if (!/^[0-9a-f]+$/.test(head)) return undefined;
  const ahead = { pid: process.pid, head, base };
  removeLogAhead(ahead, LOG_FILES);
  const child = spawn('sh', ['-c', logAheadScript(head), base], { cwd: contentDir, env: GIT_ENV, stdio: 'ignore', detached: true });
  child.on('error', () => {});
  let running = true;
  child.on('exit', () => (running = false));
  const stop = () => {
    process.off('exit', stop);
    if (running && child.pid) {
      try {
        process.kill(-child.pid);
      } catch {
        // It has just ended.
      }
    }
    removeLogAhead(ahead, LOG_FILES);
  };
  process.once('exit', stop);
  return { ahead, stop };
}

/** A word as `sh` reads it as one, whatever it holds. */
const shellWord = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * The shell script of a log read ahead from `head` (`$0` is the files' base): the log, with line counts for its
 * newest COUNTED_AHEAD commits only, into `$0.log`, its exit status into `$0.done`, written whole (renamed into
 * place) so that a reader never sees half of it. At the lowest priority, on a core the build leaves idle: the log is
 * wanted once the articles are read, which keeps both cores busy. On Linux the script runs in a session of its own, which the scheduler (autogroup) gives as much
 * of the machine as the whole build, whatever `nice` says within it: so the session's own priority is lowered
 * (`/proc/<pid>/autogroup`), and `nice` serves where there is no autogroup.
 */
export function logAheadScript(head: string): string {
  const git = (args: string[]) => `nice -n 19 git ${args.map(shellWord).join(' ')}`;
  return (
    '{ echo 19 > /proc/$$/autogroup; } 2> /dev/null; ' +
    `${git(gitLogArguments([head], [`-n${COUNTED_AHEAD}`]))} > "$0.log" 2> /dev/null && ` +
    `${git(gitLogArguments([head], [`--skip=${COUNTED_AHEAD}`], false))} >> "$0.log" 2> /dev/null; ` +
    'echo $? > "$0.status" && mv "$0.status" "$0.done"'
  );
}

/** The files of the log read ahead. */
const LOG_FILES = ['log', 'status', 'done'];

/** Remove files of a `git log` read ahead. */
function removeLogAhead(ahead: GitLogAhead, suffixes: readonly string[]): void {
  for (const suffix of suffixes) rmSync(`${ahead.base}.${suffix}`, { force: true });
}

/**
 * Wait until `marker` exists (true), or `stillWanted` says no (false). Woken by its folder's changes (the status
 * file renamed into place), and every 100 ms besides: polled every 10 ms, the wait took a quarter of a second of
 * CPU while git read 10,000 articles' history.
 */
function markerWritten(marker: string, stillWanted: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    let watcher: FSWatcher | undefined;
    const timer = setInterval(() => check(), 100);
    const check = () => {
      const written = existsSync(marker);
      if (!written && stillWanted()) return;
      clearInterval(timer);
      watcher?.close();
      resolve(written);
    };
    try {
      watcher = watch(dirname(marker), () => check());
      watcher.on('error', () => {});
    } catch {
      // Polled only.
    }
    check();
  });
}

/**
 * Wait for the `git log` read ahead, and take its output (removing its files). Undefined when git failed (the log
 * is read again, to report why), or when this process is no longer the child of the one that started it.
 */
async function takeLogAhead(ahead: GitLogAhead, isChild: () => boolean): Promise<LogRun | undefined> {
  const marker = `${ahead.base}.done`;
  if (!(await markerWritten(marker, isChild))) return undefined;
  try {
    return readFileSync(marker, 'utf8').trim() === '0' ? { code: 0, output: readFileSync(`${ahead.base}.log`, 'utf8'), errors: '' } : undefined;
  } catch {
    return undefined;
  } finally {
    removeLogAhead(ahead, LOG_FILES);
  }
}

/**
 * The texts of `blobs` (object ids), read with one `git cat-file --batch` in `cwd`: `each` is called for each
 * blob in order as its text arrives, decoded as `encoding` (undefined for a blob git does not have, as in a shallow
 * clone), so that the texts need not all be held at once.
 */
export function readBlobs(
  cwd: string,
  blobs: readonly string[],
  each: (index: number, text: string | undefined) => void,
  encoding: 'utf8' | 'latin1' = 'utf8',
): Promise<void> {
  if (blobs.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, env: GIT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer: Buffer = Buffer.alloc(0);
    let next = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      // Each answer: `<id> blob <size>\n<bytes>\n`, or `<id> missing\n`.
      for (;;) {
        const end = buffer.indexOf(10);
        if (end === -1) return;
        const header = buffer.subarray(0, end).toString('utf8');
        const missing = / missing$/.exec(header);
        if (missing) {
          buffer = buffer.subarray(end + 1);
          each(next++, undefined);
          continue;
        }
        const size = Number(header.split(' ')[2]);
        if (buffer.length < end + 1 + size + 1) return;
        const text = buffer.subarray(end + 1, end + 1 + size).toString(encoding);
        buffer = buffer.subarray(end + 1 + size + 1);
        each(next++, text);
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve());
    child.stdin.end(`${blobs.join('\n')}\n`);
  });
}
