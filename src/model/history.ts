/**
 * The history of the wiki's articles, from one `git log` over the content folder (src/content-folder/git-history.ts
 * runs it): every commit with the files it changed, then each article's revisions, renames followed, and the
 * wiki's recent changes. Pure: git's output in, data out.
 *
 * The log is read with `-z --raw --numstat -M --no-abbrev`, which gives, per commit, each changed file's status
 * (added, modified, renamed…), its blobs before and after, and the lines added and removed, with file names
 * as written (NUL-separated, never quoted).
 */

import type { WordDiff } from './word-diff.ts';

/** What the build could learn of the content folder's history. */
export type HistoryStatus =
  /** No history: the folder is not in a git repository, git is missing, or git failed (`detail` says how). */
  | { kind: 'none'; reason: 'not-a-repository' | 'ignored' | 'no-git' | 'failed'; detail: string }
  /**
   * A git repository. `shallow`: a shallow clone, whose history stops at `since` (the date of the oldest commit
   * it holds); `sourceDir`: the content folder's path inside the repository ('' at its root).
   */
  | { kind: 'git'; shallow: boolean; since?: string; sourceDir: string };

/** Starts each commit's header in the log; the header's fields are separated by NUL. */
export const COMMIT_MARK = '\u0001';

/** The `--format` of the log that `parseGitLog` reads. */
export const LOG_FORMAT = `${COMMIT_MARK}%H%x00%P%x00%an%x00%ae%x00%aI%x00%cs%x00%s%x00`;

/** The object id git gives a missing side of a change (a file added or deleted). */
const NO_BLOB = /^0+$/;

export interface Commit {
  hash: string;
  parents: string[];
  author: string;
  email: string;
  /** When the change was written (author date), ISO 8601 with the author's offset. */
  date: string;
  /** When the commit was made (committer date), `YYYY-MM-DD`: an article's last change. */
  committed: string;
  /** The first line of the message. */
  subject: string;
}

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

export interface FileChange {
  status: ChangeStatus;
  /** The file's path after the change (relative to the content folder). */
  path: string;
  /** Its path before, for a rename or copy. */
  from?: string;
  /** Blob ids before and after; undefined for the side that does not exist. */
  oldBlob?: string;
  newBlob?: string;
  /** Lines added and removed; undefined for a binary file. */
  added?: number;
  removed?: number;
}

export interface LoggedCommit extends Commit {
  changes: FileChange[];
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };

/**
 * Parse the output of `git log -z --raw --numstat -M --no-abbrev --format=LOG_FORMAT`, newest commit first. A log
 * read without `--numstat` (or with it for some commits only) gives changes without line counts, counted from their
 * blobs then (`countLines`, src/content-folder/git-history.ts).
 */
export function parseGitLog(output: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const chunk of output.split(COMMIT_MARK)) {
    if (chunk.trim() === '') continue;
    const tokens = chunk.split('\0');
    const [hash = '', parents = '', author = '', email = '', date = '', committed = '', subject = ''] = tokens;
    const commit: LoggedCommit = { hash, parents: parents.split(' ').filter(Boolean), author, email, date, committed, subject, changes: [] };
    const byPath = new Map<string, FileChange>();
    /** Numstat lines in the order of the raw lines: the n-th numstat line is the n-th raw change. */
    const pendingStats: FileChange[] = [];
    for (let i = 7; i < tokens.length; i++) {
      const token = (tokens[i] ?? '').replace(/^\n+/, '');
      if (token === '') continue;
      if (token.startsWith(':')) {
        // `:100644 100644 <old blob> <new blob> R086`, then the path (two paths for a rename or copy).
        const [, , oldBlob = '', newBlob = '', code = ''] = token.slice(1).split(' ');
        const status = STATUS[code[0] ?? ''] ?? 'modified';
        const twoPaths = status === 'renamed' || status === 'copied';
        const first = tokens[++i] ?? '';
        const path = twoPaths ? (tokens[++i] ?? '') : first;
        const change: FileChange = {
          status,
          path,
          ...(twoPaths ? { from: first } : {}),
          ...(NO_BLOB.test(oldBlob) ? {} : { oldBlob }),
          ...(NO_BLOB.test(newBlob) ? {} : { newBlob }),
        };
        commit.changes.push(change);
        byPath.set(path, change);
        pendingStats.push(change);
        continue;
      }
      i = applyStat(tokens, i, token, byPath, pendingStats);
    }
    commits.push(commit);
  }
  return commits;
}

/**
 * Read the numstat line `token` (at `tokens[i]`) into its change: the one of its path in `byPath`, else the first
 * of `pending` (the changes of the commit not counted yet, in git's order). Gives the index of the line's last token.
 */
function applyStat(tokens: readonly string[], i: number, token: string, byPath: ReadonlyMap<string, FileChange>, pending: FileChange[]): number {
  const stat = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/.exec(token);
  if (!stat) return i;
  // A rename's numstat line has an empty path, then the two paths as tokens of their own.
  let path = stat[3] ?? '';
  if (path === '') {
    i++;
    path = tokens[++i] ?? '';
  }
  const change = byPath.get(path) ?? pending[0];
  if (!change) return i;
  pending.splice(pending.indexOf(change), 1);
  if (stat[1] !== '-') change.added = Number(stat[1]);
  if (stat[2] !== '-') change.removed = Number(stat[2]);
  return i;
}

/** One change to an article: the commit, and what it did to the file. */
export interface Revision {
  commit: Commit;
  change: FileChange;
}

/** What the history page shows of an article's latest change. */
export type LatestChange =
  | { kind: 'diff'; diff: WordDiff }
  /** The change created the file. */
  | { kind: 'created' }
  /** A rename, or a change of whitespace only. */
  | { kind: 'unchanged' }
  | { kind: 'too-large' }
  /** The text before is not in this clone (a shallow clone's oldest commit). */
  | { kind: 'unknown' };

export interface PageHistory {
  /** Newest first. */
  revisions: Revision[];
  latest?: LatestChange;
}

/** Whether a path is one the history follows (an article). */
export type Followed = (path: string) => boolean;

/**
 * Each file's revisions, newest first, with renames followed back: `files` are the files as they are now
 * (relative to the content folder). A file created where another was renamed away from starts its own history
 * there, as git's `--follow` does.
 */
export function revisionsByFile(commits: readonly LoggedCommit[], files: Iterable<string>): Map<string, Revision[]> {
  const revisions = new Map<string, Revision[]>();
  /** The name each file had at the point of the log being read → the file as it is now. */
  const tracked = new Map<string, string>();
  for (const file of files) {
    revisions.set(file, []);
    tracked.set(file, file);
  }
  for (const commit of commits) {
    const moves: Array<[string, string]> = [];
    for (const change of commit.changes) {
      const current = tracked.get(change.path);
      if (current === undefined) continue;
      revisions.get(current)?.push({ commit, change });
      if (change.status === 'renamed' && change.from !== undefined) moves.push([change.path, change.from]);
      else if (change.status === 'added') tracked.delete(change.path);
    }
    // Renames after the commit's own changes, so that a swap (a → b, b → a) is read right.
    const moved = moves.map(([to, from]) => [from, tracked.get(to)] as const);
    for (const [to] of moves) tracked.delete(to);
    for (const [from, current] of moved) if (current !== undefined) tracked.set(from, current);
  }
  return revisions;
}

/** One line of Recent changes: a commit's change to one article file. */
export interface RecentChange {
  commit: Commit;
  change: FileChange;
  /** The file as it is now, when it still exists (a later commit may have renamed it). */
  file?: string;
}

/**
 * The latest changes to followed files (articles), newest first, at most `limit`: each commit's change to each
 * file is one entry. `current` maps a path as some commit wrote it to the file as it is now
 * (`currentNames`), so that a renamed article's old changes lead to it.
 */
export function recentChanges(commits: readonly LoggedCommit[], followed: Followed, revisions: ReadonlyMap<string, Revision[]>, limit: number): RecentChange[] {
  const fileOf = new Map<FileChange, string>();
  for (const [file, list] of revisions) for (const { change } of list) fileOf.set(change, file);
  const changes: RecentChange[] = [];
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (!followed(change.path) && !(change.from !== undefined && followed(change.from))) continue;
      const file = fileOf.get(change);
      changes.push({ commit, change, ...(file !== undefined ? { file } : {}) });
      if (changes.length >= limit) return changes;
    }
  }
  return changes;
}

/** File → `YYYY-MM-DD` of the last commit that changed it (as it is now, renames followed). */
export function lastCommitDates(revisions: ReadonlyMap<string, Revision[]>): Map<string, string> {
  const dates = new Map<string, string>();
  for (const [file, list] of revisions) {
    const newest = list[0];
    if (newest) dates.set(file, newest.commit.committed);
  }
  return dates;
}
