/**
 * The wiki's history, as pages show it: each article's revisions (renames followed), the word diff of its
 * latest change, and Recent changes. Made once per reading of the wiki from the one `git log`
 * (src/content-folder/git-history.ts) and, for the diffs, one `git cat-file --batch`.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { PageId } from '../model/ids.ts';
import { ARTICLE_EXTENSION } from '../model/ids.ts';
import {
  lastCommitDates,
  recentChanges,
  revisionsByFile,
  type HistoryStatus,
  type LatestChange,
  type PageHistory,
  type RecentChange,
} from '../model/history.ts';
import type { PageIndex } from '../model/page-index.ts';
import { wordDiff } from '../model/word-diff.ts';
import { countLines, readBlobs, uncountedChanges, withLineCounts, type GitHistory } from './git-history.ts';
import { writeHistoryCache } from './history-cache.ts';
import { readText } from './read-folder.ts';

/** Recent changes and the feed list this many changes. */
export const RECENT_CHANGES = 50;

/** Texts longer than this are not compared word by word (their diff would not help a reader anyway). */
const MAX_DIFF_TEXT = 200_000;

export type { LatestChange, PageHistory } from '../model/history.ts';

export interface WikiHistory {
  status: HistoryStatus;
  pages: Map<PageId, PageHistory>;
  /** The last RECENT_CHANGES changes to articles, newest first. */
  recent: RecentChange[];
  /** File → `YYYY-MM-DD` of its last commit. */
  commitDates: Map<string, string>;
  /** File → the hash of its last commit. */
  lastCommits: Map<string, string>;
  /** Commits in the history, and how many of them `git log` read in this build (the rest were the last build's). */
  commits: { total: number; read: number };
}

/** What the build log says of the history: where it came from, and what it lacks. */
export function historySummary(history: WikiHistory): string {
  const { status } = history;
  if (status.kind === 'none') {
    const why =
      status.reason === 'not-a-repository'
        ? 'the content folder is not in a git repository'
        : status.reason === 'ignored'
          ? 'the content folder is ignored by git (a .gitignore names it)'
          : status.reason === 'no-git'
            ? 'git is not installed'
            : `git failed (${status.detail})`;
    return `history: ${why}, so articles have no history pages, and Recent changes and its feed list articles by their \`updated\` date`;
  }
  const { total, read } = history.commits;
  const shallow = status.shallow
    ? `; this is a shallow clone, so history before ${status.since ?? 'its oldest commit'} is missing (run \`git fetch --unshallow\`, or clone with \`fetch-depth: 0\` in CI)`
    : '';
  const commits =
    total === 0 ? 'no commits yet' : read === total ? `${total} commits read` : `${read} new commits read, ${total - read} kept from the last build`;
  return `history: ${history.pages.size} articles' histories from git (${commits})${shallow}`;
}

/** The history as the build has it when git gives none. */
export function noHistory(status: HistoryStatus): WikiHistory {
  return { status, pages: new Map(), recent: [], commitDates: new Map(), lastCommits: new Map(), commits: { total: 0, read: 0 } };
}

/** What the latest change did, from the file's text before and after it. */
function latestChange(before: string | undefined, after: string | undefined): LatestChange {
  if (before === undefined || after === undefined) return { kind: 'unknown' };
  if (before.length > MAX_DIFF_TEXT || after.length > MAX_DIFF_TEXT) return { kind: 'too-large' };
  const diff = wordDiff(before, after);
  return diff.hunks.length === 0 ? { kind: 'unchanged' } : { kind: 'diff', diff };
}

/** The id git gives a file's content (`git hash-object`): tells whether a file is as its last commit left it. */
export function blobId(text: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest('hex');
}

/** An article whose latest change is still to be compared word by word: its file, and the blobs before and after. */
export interface LatestPair {
  id: PageId;
  file: string;
  before: string;
  after: string;
}

/** An article as its history knows it: its id and its file in the content folder. */
export interface Article {
  id: PageId;
  file: string;
}

/** Diffs made by earlier builds, by `<blob before>:<blob after>`; the ones this build shows are put in `used`. */
export interface KnownDiffs {
  known: ReadonlyMap<string, LatestChange>;
  used: Map<string, LatestChange>;
}

/**
 * Put the history of `git` (the log, read while the articles were) together with `articles`, all but
 * the word diffs of latest changes that no earlier build made (`diffs`): those are `pairs`, for `compareLatest`.
 */
export function putHistoryTogether(
  git: GitHistory,
  articles: Iterable<Article>,
  diffs: KnownDiffs = { known: new Map(), used: new Map() },
): { history: WikiHistory; pairs: LatestPair[] } {
  if (git.status.kind === 'none') return { history: noHistory(git.status), pairs: [] };
  const files = new Map<string, PageId>();
  for (const page of articles) files.set(page.file, page.id);
  const byFile = revisionsByFile(git.commits, files.keys());
  const pages = new Map<PageId, PageHistory>();
  const pairs: LatestPair[] = [];
  for (const [file, revisions] of byFile) {
    const id = files.get(file);
    if (id === undefined) continue;
    const history: PageHistory = { revisions };
    pages.set(id, history);
    const newest = revisions[0];
    if (!newest) continue;
    const { change, commit } = newest;
    if (change.status === 'added' || change.oldBlob === undefined) {
      history.latest = git.status.shallow && commit.parents.length === 0 ? { kind: 'unknown' } : { kind: 'created' };
    } else if (change.newBlob !== undefined) {
      const known = diffs.known.get(`${change.oldBlob}:${change.newBlob}`);
      if (known) {
        history.latest = known;
        diffs.used.set(`${change.oldBlob}:${change.newBlob}`, known);
      } else pairs.push({ id, file, before: change.oldBlob, after: change.newBlob });
    }
  }
  return {
    history: {
      status: git.status,
      pages,
      recent: recentChanges(git.commits, (path) => path.endsWith(ARTICLE_EXTENSION), byFile, RECENT_CHANGES),
      commitDates: lastCommitDates(byFile),
      lastCommits: new Map([...byFile].flatMap(([file, list]) => (list[0] ? [[file, list[0].commit.hash] as const] : []))),
      commits: { total: git.commits.length, read: git.read },
    },
    pairs,
  };
}

/**
 * Compare each of `pairs` word by word: the texts before each latest change, read with one `git cat-file --batch`
 * in `contentDir` (and after it, for a file changed since: `textOf` gives a file's text as it is now, and a file as
 * its last commit left it is not read from git again). Each diff is made as soon as its texts are read, then they
 * are dropped. Gives each article's latest change, in the order of `pairs`.
 */
export async function compareLatest(
  contentDir: string,
  pairs: readonly LatestPair[],
  textOf: (file: string) => string | undefined,
): Promise<Array<[PageId, LatestChange]>> {
  const wanted: Array<{ blob: string; pair: LatestPair; side: 'before' | 'after'; text: string | undefined }> = [];
  for (const pair of pairs) {
    const now = textOf(pair.file);
    const text = now !== undefined && blobId(now) === pair.after ? now : undefined;
    wanted.push({ blob: pair.before, pair, side: 'before', text });
    if (text === undefined) wanted.push({ blob: pair.after, pair, side: 'after', text });
  }
  const compared: Array<[PageId, LatestChange]> = [];
  let before: string | undefined;
  await readBlobs(
    contentDir,
    wanted.map((want) => want.blob),
    (at, text) => {
      const want = wanted[at];
      if (!want) return;
      if (want.side === 'before' && want.text === undefined) {
        before = text;
        return;
      }
      compared.push([want.pair.id, latestChange(want.side === 'before' ? text : before, want.side === 'before' ? want.text : text)]);
      before = undefined;
    },
  );
  return compared;
}

/** Put the latest changes `compareLatest` made into `history`, and each known one into `used` for the next build. */
export function putLatest(
  history: WikiHistory,
  pairs: readonly LatestPair[],
  compared: ReadonlyArray<[PageId, LatestChange]>,
  used: Map<string, LatestChange>,
): void {
  const pairOf = new Map(pairs.map((pair) => [pair.id, pair]));
  for (const [id, latest] of compared) {
    const page = history.pages.get(id);
    const pair = pairOf.get(id);
    if (page) page.latest = latest;
    if (pair && latest.kind !== 'unknown') used.set(`${pair.before}:${pair.after}`, latest);
  }
}

/**
 * The whole history at once (`astro dev`, tests): `putHistoryTogether`, then the latest changes compared here.
 * `textOf`: a file's text as it is now.
 */
export async function wikiHistory(
  git: GitHistory,
  index: PageIndex,
  contentDir: string,
  textOf: (file: string) => string | undefined = () => undefined,
  diffs: KnownDiffs = { known: new Map(), used: new Map() },
): Promise<WikiHistory> {
  const { history, pairs } = putHistoryTogether(git, index.pages.values(), diffs);
  putLatest(history, pairs, await compareLatest(contentDir, pairs, textOf), diffs.used);
  return history;
}

/**
 * What a build's history still needs once the wiki is read: the word diffs of the latest changes no earlier build
 * made, and the lines of the changes a log read ahead left uncounted. Plain data, so that a worker thread can be
 * given it (src/postbuild/history-thread.ts).
 */
export interface UnfinishedHistory {
  contentDir: string;
  git: GitHistory;
  articles: Article[];
  /** The word diffs the last build made (src/content-folder/history-cache.ts). */
  known: Map<string, LatestChange>;
  /** The history cache, written once the history is whole. */
  cache: { file: string; key: string };
}

/**
 * The history whole: put together (`putHistoryTogether`), the latest changes compared word by word, every change's
 * lines counted (the counts go into `unfinished.git`'s commits), and the cache written for the next build.
 */
export async function finishHistory(unfinished: UnfinishedHistory): Promise<WikiHistory> {
  const { contentDir, git, articles, known, cache } = unfinished;
  const used = new Map<string, LatestChange>();
  const { history, pairs } = putHistoryTogether(git, articles, { known, used });
  const [compared, counts] = await Promise.all([
    compareLatest(contentDir, pairs, (file) => readText(join(contentDir, file))),
    countLines(contentDir, uncountedChanges(git)),
  ]);
  putLatest(history, pairs, compared, used);
  await withLineCounts(git, contentDir, counts);
  if (git.head) writeHistoryCache(cache.file, { key: cache.key, head: git.head, commits: git.commits, diffs: used });
  return history;
}
