/**
 * The content folder's git history, read with at most ONE `git log` per build (never one process per file), and
 * the texts of the blobs the history pages compare, read with at most one `git cat-file --batch`. The log runs in
 * its own process while the build reads the articles (`startGitHistory` returns at once). A folder outside
 * git, a machine without git, or a shallow clone builds fine: the history says what it lacks.
 *
 * Commits never change, so the commits read by the last build are kept in the cache folder
 * (src/content-folder/history-cache.ts): the log then reads only the commits made since (`HEAD ^<last HEAD>`),
 * and nothing at all when HEAD has not moved. At 10,000 articles with five commits each the whole log costs git
 * some 14 s of CPU (mostly the line counts); a rebuild after a commit, a fraction of a second.
 */
import { spawn, spawnSync } from 'node:child_process';
import { COMMIT_MARK, LOG_FORMAT, parseGitLog, type HistoryStatus, type LoggedCommit } from '../model/history.ts';

export interface GitHistory {
  status: HistoryStatus;
  /** Newest first; empty without history. */
  commits: LoggedCommit[];
  /** The commit HEAD names, when the repository has one. */
  head?: string;
  /** How many commits `git log` read in this build (the others came from the last build's). */
  read: number;
}

/** The commits the last build read, and where HEAD stood (src/content-folder/history-cache.ts). */
export interface PreviousLog {
  head: string;
  commits: LoggedCommit[];
}

const GIT_ENV = { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };

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

/** The arguments of the one `git log` (run in the content folder); `range` limits it, e.g. `[head, '^' + last]`. */
export function gitLogArguments(range: string[] = []): string[] {
  return [
    '-c',
    'core.quotePath=false',
    '-c',
    'diff.renames=true',
    'log',
    `--format=${LOG_FORMAT}`,
    '-z',
    '--raw',
    '--numstat',
    '-M',
    '--no-abbrev',
    '--no-color',
    '--relative',
    ...range,
    '--',
    '.',
  ];
}

const quiet = (contentDir: string, args: string[]) => spawnSync('git', args, { cwd: contentDir, encoding: 'utf8', env: GIT_ENV });

/**
 * Start reading the history of `contentDir`; the promise settles when git is done. Never rejects: a failure is
 * a status the build reports. `previous`: the commits the last build read; only those made since are read.
 */
export function startGitHistory(contentDir: string, previous?: PreviousLog): Promise<GitHistory> {
  const status = gitStatus(contentDir);
  if (status.kind === 'none') return Promise.resolve({ status, commits: [], read: 0 });
  const head = quiet(contentDir, ['rev-parse', '-q', '--verify', 'HEAD']).stdout.trim() || undefined;
  if (head === undefined) return Promise.resolve({ status, commits: [], read: 0 });
  // A shallow clone may deepen or be replaced between builds: it is always read whole (it is short).
  const reusable = previous && !status.shallow ? previous : undefined;
  if (reusable?.head === head) return Promise.resolve({ status, commits: reusable.commits, head, read: 0 });
  const since = reusable && quiet(contentDir, ['merge-base', '--is-ancestor', reusable.head, head]).status === 0 ? reusable : undefined;
  return new Promise((resolve) => {
    const child = spawn('git', gitLogArguments(since ? [head, `^${since.head}`] : []), { cwd: contentDir, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (error) =>
      resolve({ status: { kind: 'none', reason: 'no-git', detail: `git could not be run (${error.message})` }, commits: [], read: 0 }),
    );
    child.on('close', (code) => {
      const output = Buffer.concat(chunks).toString('utf8');
      if (code !== 0) {
        // A repository without commits yet has no history, and nothing is wrong.
        if (/does not have any commits yet|bad default revision/i.test(errors)) resolve({ status, commits: [], read: 0 });
        else
          resolve({ status: { kind: 'none', reason: 'failed', detail: errors.trim().split('\n')[0] ?? `git log exited with ${code}` }, commits: [], read: 0 });
        return;
      }
      const fresh = output.includes(COMMIT_MARK) ? parseGitLog(output) : [];
      const commits = since ? [...fresh, ...since.commits] : fresh;
      const oldest = commits.at(-1);
      resolve({ status: status.shallow && oldest ? { ...status, since: oldest.date.slice(0, 10) } : status, commits, head, read: fresh.length });
    });
  });
}

/**
 * The texts of `blobs` (object ids), read with one `git cat-file --batch` in `cwd`: `each` is called for each
 * blob in order as its text arrives (undefined for a blob git does not have, as in a shallow clone), so that the
 * texts need not all be held at once.
 */
export function readBlobs(cwd: string, blobs: readonly string[], each: (index: number, text: string | undefined) => void): Promise<void> {
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
        const text = buffer.subarray(end + 1, end + 1 + size).toString('utf8');
        buffer = buffer.subarray(end + 1 + size + 1);
        each(next++, text);
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve());
    child.stdin.end(`${blobs.join('\n')}\n`);
  });
}
