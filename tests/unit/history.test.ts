/** The history read from git: the log parsed, renames followed, recent changes, word diffs; on a repository made here. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COUNTED_AHEAD,
  gitLogAheadVariable,
  gitLogArguments,
  gitStatus,
  parseGitLogAheadVariable,
  startGitHistory,
  startGitLogAhead,
  withLineCounts,
  countLines,
  uncountedChanges,
  versionOrder,
  type BlobPair,
} from '../../src/content-folder/git-history.ts';
import { blobId, historySummary, wikiHistory } from '../../src/content-folder/wiki-history.ts';
import { readSources } from '../../src/content-folder/read-folder.ts';
import { buildPageIndex } from '../../src/model/page-index.ts';
import { parseGitLog, recentChanges, revisionsByFile, type LoggedCommit } from '../../src/model/history.ts';
import { wordDiff } from '../../src/model/word-diff.ts';
import { readHistoryCache } from '../../src/content-folder/history-cache.ts';
import { startHistoryThread } from '../../src/postbuild/history-thread.ts';
import type { PageId } from '../../src/model/ids.ts';
import { AUTHORS, copyWithoutGit, makeGitWiki, shallowClone } from '../helpers/git-wiki.ts';

const wiki = makeGitWiki({ config: 'title: Vogelwiki\nlanguage: de\n' });
const log = spawnSync('git', gitLogArguments(), { cwd: wiki.content, encoding: 'utf8' }).stdout;
const commits = parseGitLog(log);

describe('parseGitLog', () => {
  it('reads each commit, newest first, with its author, dates and message', () => {
    expect(commits.map((c) => [c.hash, c.author, c.committed, c.subject])).toEqual([
      [wiki.commits[3], AUTHORS.ada.name, '2026-03-05', 'Meise: Nahrung im Winter'],
      [wiki.commits[2], AUTHORS.bo.name, '2026-02-15', 'Kohlmeise nach voegel:meise verschoben'],
      [wiki.commits[1], AUTHORS.bo.name, '2026-02-01', 'Amsel: Gesang und Lebensraum genauer'],
      [wiki.commits[0], AUTHORS.ada.name, '2026-01-10', 'Erste Artikel: Amsel und Kohlmeise'],
    ]);
    expect(commits[0]?.date).toBe('2026-03-05T10:00:00+01:00');
    expect(commits[0]?.parents).toEqual([wiki.commits[2]]);
  });

  it('reads each changed file: status, paths (a rename with both), blobs, lines added and removed', () => {
    expect(commits[1]?.changes).toEqual([
      {
        status: 'renamed',
        from: 'kohlmeise.mdx',
        path: 'voegel/meise.mdx',
        oldBlob: expect.stringMatching(/^[0-9a-f]{40}$/),
        newBlob: expect.stringMatching(/^[0-9a-f]{40}$/),
        added: 1,
        removed: 1,
      },
    ]);
    expect(commits[2]?.changes).toEqual([expect.objectContaining({ status: 'modified', path: 'amsel.mdx', added: 2, removed: 2 })]);
    expect(commits[0]?.changes.map((c) => [c.path, c.added, c.removed])).toEqual([['voegel/meise.mdx', 4, 0]]);
    expect(commits[3]?.changes.map((c) => [c.status, c.path, c.oldBlob])).toEqual([
      ['added', 'amsel.mdx', undefined],
      ['added', 'kohlmeise.mdx', undefined],
      ['added', 'logo.svg', undefined],
      ['added', 'wiki.config.yaml', undefined],
    ]);
  });

  it('reads paths with spaces and letters of other scripts, and a binary file without line counts', () => {
    const text = [
      '\u0001h1\u0000\u0000A\u0000a@x\u00002026-01-01T00:00:00Z\u00002026-01-01\u0000m\u0000',
      '\u0000\n:000000 100644 0000000000000000000000000000000000000000 1111111111111111111111111111111111111111 A\u0000华为 芯片.mdx\u0000',
      ':000000 100644 0000000000000000000000000000000000000000 2222222222222222222222222222222222222222 A\u0000pic.png\u0000',
      '3\t0\t华为 芯片.mdx\u0000-\t-\tpic.png\u0000',
    ].join('');
    expect(parseGitLog(text)[0]?.changes).toEqual([
      { status: 'added', path: '华为 芯片.mdx', newBlob: '1'.repeat(40), added: 3, removed: 0 },
      { status: 'added', path: 'pic.png', newBlob: '2'.repeat(40) },
    ]);
    expect(parseGitLog('')).toEqual([]);
  });
});

describe('revisionsByFile', () => {
  it('follows an article back through its rename', () => {
    const byFile = revisionsByFile(commits, ['amsel.mdx', 'voegel/meise.mdx']);
    expect(byFile.get('voegel/meise.mdx')?.map((r) => [r.commit.subject, r.change.path])).toEqual([
      ['Meise: Nahrung im Winter', 'voegel/meise.mdx'],
      ['Kohlmeise nach voegel:meise verschoben', 'voegel/meise.mdx'],
      ['Erste Artikel: Amsel und Kohlmeise', 'kohlmeise.mdx'],
    ]);
    expect(byFile.get('amsel.mdx')?.map((r) => r.commit.author)).toEqual([AUTHORS.bo.name, AUTHORS.ada.name]);
  });

  it('starts a new history where a file was created at a name another was renamed away from', () => {
    const commit = (hash: string, changes: LoggedCommit['changes']): LoggedCommit => ({
      hash,
      parents: [],
      author: 'a',
      email: '',
      date: '',
      committed: '',
      subject: hash,
      changes,
    });
    const log = [
      commit('3', [{ status: 'added', path: 'a.mdx' }]),
      commit('2', [{ status: 'renamed', from: 'a.mdx', path: 'b.mdx' }]),
      commit('1', [{ status: 'added', path: 'a.mdx' }]),
    ];
    const byFile = revisionsByFile(log, ['a.mdx', 'b.mdx']);
    expect(byFile.get('a.mdx')?.map((r) => r.commit.hash)).toEqual(['3']);
    expect(byFile.get('b.mdx')?.map((r) => r.commit.hash)).toEqual(['2', '1']);
  });

  it('reads two files that swap names in one commit', () => {
    const commit = (hash: string, changes: LoggedCommit['changes']): LoggedCommit => ({
      hash,
      parents: [],
      author: 'a',
      email: '',
      date: '',
      committed: '',
      subject: hash,
      changes,
    });
    const log = [
      commit('2', [
        { status: 'renamed', from: 'a.mdx', path: 'b.mdx' },
        { status: 'renamed', from: 'b.mdx', path: 'a.mdx' },
      ]),
      commit('1', [{ status: 'modified', path: 'a.mdx' }]),
    ];
    const byFile = revisionsByFile(log, ['a.mdx', 'b.mdx']);
    expect(byFile.get('b.mdx')?.map((r) => r.commit.hash)).toEqual(['2', '1']);
    expect(byFile.get('a.mdx')?.map((r) => r.commit.hash)).toEqual(['2']);
  });
});

describe('recentChanges', () => {
  it('lists changes to articles only, newest first, each leading to the article as it is now', () => {
    const byFile = revisionsByFile(commits, ['amsel.mdx', 'voegel/meise.mdx']);
    const recent = recentChanges(commits, (path) => path.endsWith('.mdx'), byFile, 50);
    expect(recent.map((r) => [r.commit.subject, r.change.path, r.file])).toEqual([
      ['Meise: Nahrung im Winter', 'voegel/meise.mdx', 'voegel/meise.mdx'],
      ['Kohlmeise nach voegel:meise verschoben', 'voegel/meise.mdx', 'voegel/meise.mdx'],
      ['Amsel: Gesang und Lebensraum genauer', 'amsel.mdx', 'amsel.mdx'],
      ['Erste Artikel: Amsel und Kohlmeise', 'amsel.mdx', 'amsel.mdx'],
      ['Erste Artikel: Amsel und Kohlmeise', 'kohlmeise.mdx', 'voegel/meise.mdx'],
    ]);
    expect(recentChanges(commits, (path) => path.endsWith('.mdx'), byFile, 2)).toHaveLength(2);
  });
});

describe('wikiHistory, from the folder', () => {
  const read = async (content: string) => {
    const sources = readSources(content);
    return wikiHistory(await startGitHistory(content), buildPageIndex(sources), content, (file) => sources.get(file));
  };

  it('knows where the content folder is in the repository', () => {
    expect(gitStatus(wiki.content)).toEqual({ kind: 'git', shallow: false, sourceDir: 'wiki' });
  });

  it('gives each article its revisions and its latest change word by word', async () => {
    const history = await read(wiki.content);
    expect(history.pages.get('voegel:meise' as never)?.revisions).toHaveLength(3);
    const latest = history.pages.get('amsel' as never)?.latest;
    expect(latest?.kind).toBe('diff');
    const parts = latest?.kind === 'diff' ? latest.diff.hunks.flatMap((h) => h.parts) : [];
    const of = (kind: string) => parts.flatMap((p) => (p.kind === kind && 'text' in p ? [p.text] : [])).join('|');
    expect(of('added')).toMatch(/Parks.*laut und melodisch von hohen Warten/);
    expect(of('removed')).toMatch(/Wäldern/);
    expect(of('same')).toContain('Das Männchen singt im Frühjahr');
    expect(history.commitDates.get('voegel/meise.mdx')).toBe('2026-03-05');
    expect(history.lastCommits.get('amsel.mdx')).toBe(wiki.commits[1]);
    expect(historySummary(history)).toBe("history: 2 articles' histories from git (4 commits read)");
  });

  it('compares with the file as committed when it was changed since', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    const file = `${wiki.content}/amsel.mdx`;
    const committed = readFileSync(file, 'utf8');
    expect(blobId(committed)).toBe(spawnSync('git', ['hash-object', file], { encoding: 'utf8' }).stdout.trim());
    writeFileSync(file, `${committed}\nUncommitted words.\n`);
    try {
      const history = await read(wiki.content);
      const latest = history.pages.get('amsel' as never)?.latest;
      const text = latest?.kind === 'diff' ? JSON.stringify(latest.diff) : '';
      expect(text).toContain('melodisch');
      expect(text).not.toContain('Uncommitted');
    } finally {
      writeFileSync(file, committed);
    }
  });

  it('says what it lacks outside git and in a shallow clone', async () => {
    const outside = await read(copyWithoutGit(wiki));
    expect(outside.status).toMatchObject({ kind: 'none', reason: 'not-a-repository' });
    expect(outside.pages.size).toBe(0);
    expect(historySummary(outside)).toMatch(/not in a git repository, so articles have no history pages/);
    const shallow = shallowClone(wiki);
    const clone = await read(shallow.content);
    expect(clone.status).toEqual({ kind: 'git', shallow: true, since: '2026-03-05', sourceDir: 'wiki' });
    expect(clone.pages.get('voegel:meise' as never)?.latest).toEqual({ kind: 'unknown' });
    expect(historySummary(clone)).toMatch(/shallow clone, so history before 2026-03-05 is missing \(run `git fetch --unshallow`/);
  });

  it('treats a content folder the repository ignores as outside git, not as articles never committed', async () => {
    // A generated or scratch wiki inside a checkout (a benchmark's, under an ignored folder).
    const inside = join(wiki.repo, 'scratch', 'wiki');
    cpSync(wiki.content, inside, { recursive: true });
    writeFileSync(join(wiki.repo, '.gitignore'), 'scratch/\n');
    try {
      const ignored = await read(inside);
      expect(ignored.status).toMatchObject({ kind: 'none', reason: 'ignored' });
      expect(ignored.pages.size).toBe(0);
      expect(historySummary(ignored)).toMatch(/ignored by git \(a \.gitignore names it\), so articles have no history pages/);
      // The wiki the repository does hold keeps its history.
      expect(gitStatus(wiki.content)).toMatchObject({ kind: 'git' });
    } finally {
      rmSync(join(wiki.repo, 'scratch'), { recursive: true, force: true });
      rmSync(join(wiki.repo, '.gitignore'));
    }
  });
});

describe('startGitHistory, after a build that read some of the commits', () => {
  const commitsOf = async (previous?: { head: string; commits: LoggedCommit[] }) => startGitHistory(wiki.content, previous);

  it('reads only the commits made since, and gives the same history', async () => {
    const whole = await commitsOf();
    expect(whole.read).toBe(4);
    const since = await commitsOf({ head: wiki.commits[1] ?? '', commits: whole.commits.slice(2) });
    expect(since.read).toBe(2);
    expect(since.commits).toEqual(whole.commits);
  });

  it('reads nothing when HEAD has not moved, and everything after a rewritten history', async () => {
    const whole = await commitsOf();
    expect((await commitsOf({ head: wiki.commits[3] ?? '', commits: whole.commits })).read).toBe(0);
    const rewritten = await commitsOf({ head: 'f'.repeat(40), commits: [] });
    expect(rewritten.read).toBe(4);
    expect(rewritten.commits).toEqual(whole.commits);
  });
});

describe('the whole `git log`, read ahead by `npm run build`', () => {
  const base = () => join(mkdtempSync(join(tmpdir(), 'log-ahead-')), 'log');
  const child = () => true;

  it('is taken by the reading instead of running git again: the same history, and its files removed', async () => {
    const started = startGitLogAhead(wiki.content, base());
    expect(started?.ahead.head).toBe(wiki.commits[3]);
    const ahead = started!.ahead;
    // The reading waits for git's exit status; here the log is replaced once git is done, to see which one is read.
    while (!existsSync(`${ahead.base}.done`)) await new Promise((resolve) => setTimeout(resolve, 5));
    const real = readFileSync(`${ahead.base}.log`, 'utf8');
    expect(real).toBe(log);
    writeFileSync(`${ahead.base}.log`, real.replace('Meise: Nahrung im Winter', 'Meise: read ahead'));
    const taken = await startGitHistory(wiki.content, undefined, ahead, child);
    expect(taken.commits[0]?.subject).toBe('Meise: read ahead');
    expect(taken.commits.slice(1)).toEqual(commits.slice(1));
    expect(taken.read).toBe(4);
    expect(['log', 'done', 'status'].filter((suffix) => existsSync(`${ahead.base}.${suffix}`))).toEqual([]);
    started!.stop();
  });

  it('is not taken when HEAD has moved since, when git failed, or when the process that started it is gone', async () => {
    const whole = await startGitHistory(wiki.content);
    const elsewhere = { pid: process.pid, head: 'f'.repeat(40), base: base() };
    expect((await startGitHistory(wiki.content, undefined, elsewhere, child)).commits).toEqual(whole.commits);
    const failed = { pid: process.pid, head: wiki.commits[3] ?? '', base: base() };
    writeFileSync(`${failed.base}.log`, 'half a log');
    writeFileSync(`${failed.base}.done`, '128\n');
    expect((await startGitHistory(wiki.content, undefined, failed, child)).commits).toEqual(whole.commits);
    // Nothing is ever written for this one: the reading stops waiting once it is no longer the child of its starter.
    const orphan = { pid: process.pid, head: wiki.commits[3] ?? '', base: base() };
    expect((await startGitHistory(wiki.content, undefined, orphan, () => false)).commits).toEqual(whole.commits);
  });

  it('is waited for while git runs: taken once its status is in place, or given up when its starter is gone', async () => {
    const whole = await startGitHistory(wiki.content);
    const later = { pid: process.pid, head: wiki.commits[3] ?? '', base: base() };
    const waiting = startGitHistory(wiki.content, undefined, later, child);
    await new Promise((resolve) => setTimeout(resolve, 150));
    writeFileSync(`${later.base}.log`, log.replace('Meise: Nahrung im Winter', 'Meise: written later'));
    writeFileSync(`${later.base}.status`, '0\n');
    renameSync(`${later.base}.status`, `${later.base}.done`);
    expect((await waiting).commits[0]?.subject).toBe('Meise: written later');
    // The starter goes away while git runs: the reading runs git itself.
    let starterThere = true;
    const abandoned = { pid: process.pid, head: wiki.commits[3] ?? '', base: base() };
    const reading = startGitHistory(wiki.content, undefined, abandoned, () => starterThere);
    setTimeout(() => (starterThere = false), 150);
    expect((await reading).commits).toEqual(whole.commits);
  });

  it('is not taken by a build that reads only the commits since the last', async () => {
    const started = startGitLogAhead(wiki.content, base())!;
    const whole = await startGitHistory(wiki.content);
    const since = await startGitHistory(wiki.content, { head: wiki.commits[1] ?? '', commits: whole.commits.slice(2) }, started.ahead, child);
    expect(since.read).toBe(2);
    started.stop();
    expect(existsSync(`${started.ahead.base}.log`)).toBe(false);
  });

  it('starts nothing outside git', () => {
    const outside = copyWithoutGit(wiki);
    expect(startGitLogAhead(outside, base())).toBeUndefined();
  });

  it("passes through the environment of Astro's process", () => {
    const ahead = { pid: 42, head: 'ab12', base: '/tmp/a:b/log' };
    expect(parseGitLogAheadVariable(gitLogAheadVariable(ahead))).toEqual(ahead);
    expect(parseGitLogAheadVariable('nonsense')).toBeUndefined();
    expect(parseGitLogAheadVariable(undefined)).toBeUndefined();
  });
});

describe('wordDiff', () => {
  it.each([
    ['a changed word, with context', 'one two three four\n', 'one two THREE four\n', [[1, 'same:one two |removed:three|added:THREE|same: four']]],
    ['an added line', 'a\nb\n', 'a\nnew\nb\n', [[2, 'added:new']]],
    ['a removed line', 'a\nold\nb\n', 'a\nb\n', [[2, 'removed:old']]],
    ['nothing changed', 'same\n', 'same\n', []],
  ])('%s', (_, before, after, expected) => {
    const shown = wordDiff(before, after).hunks.map((h) => [h.line, h.parts.map((p) => (p.kind === 'gap' ? 'gap' : `${p.kind}:${p.text}`)).join('|')]);
    expect(shown).toEqual(expected);
  });

  it('cuts long unchanged stretches to a few words of context', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    const [hunk] = wordDiff(`${words}\n`, `${words.replace('w50', 'CHANGED')}\n`, { context: 3 }).hunks;
    expect(hunk?.parts.map((p) => (p.kind === 'gap' ? '…' : `[${p.kind}:${p.text}]`)).join('')).toBe(
      '…[same:w47 w48 w49 ][removed:w50][added:CHANGED][same: w51 w52 w53]…',
    );
  });

  it('counts words between any white space, and keeps a stretch short enough whole', () => {
    // No-break, ideographic and tab spaces part words as spaces do; U+0085 does not.
    const words = ['α', 'β\u00a0γ', 'δ\u3000ε', 'ζ\tη', 'θ\u0085ι', 'κ', 'λ', 'μ', 'ν'].join(' ');
    const shown = (context: number) =>
      wordDiff(`${words} old ${words}\n`, `${words} new ${words}\n`, { context }).hunks[0]?.parts.map((p) => (p.kind === 'gap' ? '…' : p.text));
    expect(shown(2)).toEqual(['…', 'μ ν ', 'old', 'new', ' α β', '…']);
    expect(shown(5)).toEqual(['…', 'θ\u0085ι κ λ μ ν ', 'old', 'new', ' α β\u00a0γ δ\u3000ε', '…']);
    expect(shown(6)).toEqual([`${words} `, 'old', 'new', ` ${words}`]);
  });
});

describe('versionOrder', () => {
  it("puts each change before the change that ended in its text before, so that each version's blob is read once", () => {
    // Log order, newest first: two files' edits interleaved, then their additions; a rename without an edit.
    const changes: BlobPair[] = [
      { oldBlob: 'a2', newBlob: 'a3' },
      { oldBlob: 'b1', newBlob: 'b2' },
      { oldBlob: 'a1', newBlob: 'a2' },
      { oldBlob: 'b1', newBlob: 'b1' },
      { newBlob: 'a1' },
      { newBlob: 'b1' },
      { oldBlob: 'c1' },
    ];
    expect(versionOrder(changes)).toEqual([0, 2, 4, 1, 3, 5, 6]);
  });

  it('places every change once when texts repeat (a file put back as it was, two files alike)', () => {
    const changes: BlobPair[] = [
      { oldBlob: 'x', newBlob: 'y' },
      { oldBlob: 'y', newBlob: 'x' },
      { oldBlob: 'x', newBlob: 'y' },
      { newBlob: 'x' },
      { newBlob: 'x' },
    ];
    // y ← x ← y ← x: the file's versions back to its addition, then the other file's.
    expect(versionOrder(changes)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('the line counts of a log read ahead', () => {
  const base = () => join(mkdtempSync(join(tmpdir(), 'log-ahead-')), 'log');
  const child = () => true;
  /** A repository with `rounds` commits after the first: a rename and a picture among the oldest, then edits. */
  const manyCommits = (rounds: number) => {
    const repo = mkdtempSync(join(tmpdir(), 'many-commits-'));
    spawnSync('git', ['init', '-q', '-b', 'main', repo]);
    const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
    let time = 1767225600;
    const commit = (message: string, body: string) =>
      `commit refs/heads/main\nauthor Ada <ada@example.org> ${(time += 60)} +0000\ncommitter Ada <ada@example.org> ${time} +0000\n${data(message)}${body}`;
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i} of the article.`).join('\n') + '\n';
    const chunks = [
      commit(
        'First',
        `M 100644 inline amsel.mdx\n${data(lines(3))}M 100644 inline meise.mdx\n${data(lines(20))}M 100644 inline pic.png\n${data('\u0000PNG\u0000')}`,
      ),
      commit('Meise renamed and changed', `D meise.mdx\nM 100644 inline vögel/meise.mdx\n${data(lines(21))}`),
    ];
    for (let round = 1; round <= rounds; round++) chunks.push(commit(`Amsel ${round}`, `M 100644 inline amsel.mdx\n${data(lines(3 + round))}`));
    const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: repo, input: chunks.join('') });
    expect(imported.status).toBe(0);
    spawnSync('git', ['checkout', '-q', 'main'], { cwd: repo });
    return repo;
  };

  it('are counted from the blobs for all but the newest commits, and give the history a whole log gives', async () => {
    const repo = manyCommits(COUNTED_AHEAD + 10);
    const whole = await startGitHistory(repo);
    expect(whole.uncounted).toBeUndefined();
    expect(whole.commits).toHaveLength(COUNTED_AHEAD + 12);
    const renamed = whole.commits.at(-2)?.changes[0];
    expect([renamed?.status, renamed?.from, renamed?.path, renamed?.added, renamed?.removed]).toEqual(['renamed', 'meise.mdx', 'vögel/meise.mdx', 1, 0]);
    expect(whole.commits.at(-1)?.changes.find((change) => change.path === 'pic.png')?.added).toBeUndefined();

    const started = startGitLogAhead(repo, base())!;
    const taken = await startGitHistory(repo, undefined, started.ahead, child);
    expect(taken.uncounted?.from).toBe(COUNTED_AHEAD);
    expect(taken.commits.slice(0, COUNTED_AHEAD)).toEqual(whole.commits.slice(0, COUNTED_AHEAD));
    const older = taken.commits.slice(COUNTED_AHEAD).flatMap((commit) => commit.changes);
    expect(older).toHaveLength(14);
    expect(older.filter((change) => change.added !== undefined || change.removed !== undefined)).toEqual([]);
    await withLineCounts(taken, repo);
    expect(taken.uncounted).toBeUndefined();
    expect(taken.commits).toEqual(whole.commits);
    expect(['log', 'status', 'done'].filter((suffix) => existsSync(`${started.ahead.base}.${suffix}`))).toEqual([]);
    started.stop();
  });

  it('take the counts a worker made, in the order of the uncounted changes', async () => {
    const repo = manyCommits(COUNTED_AHEAD + 2);
    const started = startGitLogAhead(repo, base())!;
    const taken = await startGitHistory(repo, undefined, started.ahead, child);
    started.stop();
    const changes = uncountedChanges(taken);
    expect(changes.map((change) => change.path)).toEqual(['amsel.mdx', 'amsel.mdx', 'vögel/meise.mdx', 'amsel.mdx', 'meise.mdx', 'pic.png']);
    await withLineCounts(
      taken,
      repo,
      changes.map((_, i) => ({ added: i, removed: 10 * i })),
    );
    expect(changes.map((change) => [change.added, change.removed])).toEqual([0, 1, 2, 3, 4, 5].map((i) => [i, 10 * i]));
  });

  it('are counted on the thread a build starts, as here, and kept for the next build', async () => {
    const repo = manyCommits(COUNTED_AHEAD + 2);
    const read = async () => {
      const started = startGitLogAhead(repo, base())!;
      const taken = await startGitHistory(repo, undefined, started.ahead, child);
      started.stop();
      return taken;
    };
    const git = await read();
    const changes = uncountedChanges(git).map(({ oldBlob, newBlob }) => ({ oldBlob, newBlob }));
    const cache = join(mkdtempSync(join(tmpdir(), 'history-cache-')), 'history.bin');
    const thread = startHistoryThread({
      contentDir: repo,
      git,
      articles: [{ id: 'amsel' as PageId, file: 'amsel.mdx' }],
      known: new Map(),
      cache: { file: cache, key: 'key' },
    });
    try {
      await thread.finished();
    } finally {
      thread.end();
    }
    // The thread counted a copy of the log: the next build's cache holds the counts.
    const kept = readHistoryCache(cache, 'key').commits;
    const counted = kept
      .slice(COUNTED_AHEAD)
      .flatMap((commit) => commit.changes.map(({ added, removed }) => (added === undefined ? undefined : { added, removed })));
    expect(counted).toEqual(await countLines(repo, changes));
    expect(counted.filter(Boolean)).toHaveLength(5);
  });

  it("are git's own for every kind of change: lines added, removed and moved, a last line without its break, files added, deleted (with another added), renamed, binary, empty", async () => {
    const repo = mkdtempSync(join(tmpdir(), 'kinds-of-change-'));
    spawnSync('git', ['init', '-q', '-b', 'main', repo]);
    const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
    let time = 1767225600;
    const commit = (body: string) =>
      `commit refs/heads/main\nauthor Ada <ada@example.org> ${(time += 60)} +0000\ncommitter Ada <ada@example.org> ${time} +0000\n${data('A change')}${body}`;
    const put = (path: string, text: string) => `M 100644 inline ${path}\n${data(text)}`;
    const prose = (n: number, seed = 0) => Array.from({ length: n }, (_, i) => `Sentence ${(i * 7 + seed) % 13} of the article, about ${i % 5}.`);
    const a = prose(40);
    const edits = [
      put('a.mdx', a.join('\n') + '\n') +
        put('b.mdx', 'One\nTwo') +
        put('pic.png', '\u0000PNG\u0000data') +
        put('empty.mdx', '') +
        put('d.mdx', prose(12, 5).join('\n') + '\n'),
      put('a.mdx', [...a.slice(0, 10), 'A new line.', ...a.slice(10, 30), ...a.slice(32)].join('\n') + '\n') + put('b.mdx', 'One\nTwo\n'),
      put('a.mdx', [...a.slice(20), ...a.slice(0, 20)].join('\n') + '\n') + put('pic.png', '\u0000PNG\u0000other') + put('empty.mdx', 'Now\nsome text\n'),
      `D b.mdx\n` + put('c.mdx', 'One\nTwo\nThree\n') + put('a.mdx', prose(40, 3).join('\r\n')),
      'D empty.mdx\n' + put('a.mdx', 'Ünïcödé, 华为 and Huawei\n' + prose(40, 3).join('\r\n')),
      // A file deleted and another added in one commit, not a rename: each counted on its own.
      'D d.mdx\n' + put('e.mdx', 'Nothing alike\nat all\n'),
    ];
    const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: repo, input: edits.map(commit).join('') });
    expect(imported.status).toBe(0);
    spawnSync('git', ['checkout', '-q', 'main'], { cwd: repo });
    const { commits } = await startGitHistory(repo);
    const changes = commits.flatMap((c) => c.changes);
    expect(changes.map((change) => change.status)).toContain('renamed');
    const git = changes.map(({ added, removed }) => (added === undefined && removed === undefined ? undefined : { added, removed }));
    expect(git.filter(Boolean).length).toBeGreaterThan(10);
    expect(changes.slice(0, 2).map((change) => [change.status, change.path])).toEqual([
      ['deleted', 'd.mdx'],
      ['added', 'e.mdx'],
    ]);
    expect(await countLines(repo, changes)).toEqual(git);
  });
});
