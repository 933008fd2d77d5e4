/**
 * The date of each content file's last commit, read with ONE `git log` call
 * per build (not one per page). Recent changes falls back to it when an
 * article has no `updated` date.
 */
import { spawnSync } from 'node:child_process';

/** Marks a commit's date line in the log, so that file names are never mistaken for dates. */
const COMMIT_MARK = '\u0001';

/**
 * Parse `git log --format=%x01%cs --name-only` (newest commit first) into
 * file → date of its newest commit. Pure; paths are as git printed them.
 */
export function parseGitLog(output: string): Map<string, string> {
  const dates = new Map<string, string>();
  let date = '';
  for (const line of output.split('\n')) {
    if (line.startsWith(COMMIT_MARK)) date = line.slice(COMMIT_MARK.length).trim();
    else if (line.trim() !== '' && date !== '' && !dates.has(line)) dates.set(line, date);
  }
  return dates;
}

/**
 * File (relative to `contentDir`, `/` separators) → `YYYY-MM-DD` of its last
 * commit. Empty when the folder is not in a git repository or git is missing:
 * articles then show only their `updated` date.
 */
export function lastCommitDates(contentDir: string): Map<string, string> {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', 'log', `--format=${COMMIT_MARK}%cs`, '--name-only', '--relative', '--', '.'], {
    cwd: contentDir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return result.status === 0 ? parseGitLog(result.stdout) : new Map();
}
