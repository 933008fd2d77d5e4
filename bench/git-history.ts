/**
 * A git history for the benchmark's wiki: every article committed `revisions` times (five by default), by two
 * authors, with one article in a hundred renamed along the way, written with one `git fast-import` (seconds,
 * where a commit per `git` call would take an hour at 10,000 articles), then packed as `git gc` packs a team's
 * repository. The last revision of each article is exactly the generated text, so that the repository's content
 * folder is the wiki `writeWiki` writes.
 *
 * Revisions: the first commits add the articles, a hundred per commit; each later round edits every article
 * again (its lead's first sentence carries a draft marker until the last round), ten articles per commit.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import type { GeneratedArticle } from './generate.ts';

export interface HistoryOptions {
  /** Commits per article, the first included. */
  revisions?: number;
  /** The content folder's path inside the repository. */
  contentDir?: string;
}

const AUTHORS = [
  { name: 'Ada Writer', email: 'ada@example.org' },
  { name: 'Bo Editor', email: 'bo@example.org' },
];

/** The text of an article at `revision` (1-based) of `revisions`: a draft marker in its first sentence until the last. */
export function articleAt(article: GeneratedArticle, revision: number, revisions: number): string {
  if (revision >= revisions) return article.mdx;
  return article.mdx.replace(/(\n---\n\n[^\n.]*)\./, `$1 (draft ${revision}).`);
}

/** Where an article lived before its rename (one article in a hundred is renamed in the third round). */
export function formerPath(article: GeneratedArticle, index: number): string | undefined {
  return index % 100 === 7 ? `${article.path}_draft` : undefined;
}

/** Write `articles` with their history into a new git repository at `repo`; returns the number of commits. */
export function writeWikiRepository(repo: string, articles: GeneratedArticle[], options: HistoryOptions = {}): number {
  const revisions = options.revisions ?? 5;
  const dir = options.contentDir ?? 'content';
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const init = spawnSync('git', ['init', '-q', '-b', 'main', repo], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`git init failed: ${init.stderr}`);

  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let time = Date.UTC(2026, 0, 1) / 1000;
  let commits = 0;
  const commit = (message: string, author: (typeof AUTHORS)[number], body: string) => {
    time += 3600;
    commits++;
    chunks.push(
      `commit refs/heads/main\nauthor ${author.name} <${author.email}> ${time} +0000\ncommitter ${author.name} <${author.email}> ${time} +0000\n${data(message)}${body}`,
    );
  };
  const path = (article: GeneratedArticle, index: number, revision: number) => {
    const former = formerPath(article, index);
    return `${dir}/${former && revision < 3 ? former : article.path}.mdx`;
  };
  const modify = (file: string, text: string) => `M 100644 inline ${file}\n${data(text)}`;

  for (let start = 0; start < articles.length; start += 100) {
    const batch = articles.slice(start, start + 100);
    commit(
      `Add ${batch.length} articles`,
      AUTHORS[0] ?? { name: 'a', email: 'a@example.org' },
      batch.map((a, i) => modify(path(a, start + i, 1), articleAt(a, 1, revisions))).join(''),
    );
  }
  for (let revision = 2; revision <= revisions; revision++) {
    for (let start = 0; start < articles.length; start += 10) {
      const batch = articles.slice(start, start + 10);
      const author = AUTHORS[(start / 10 + revision) % AUTHORS.length] ?? { name: 'a', email: 'a@example.org' };
      const body = batch
        .map((a, i) => {
          const before = path(a, start + i, revision - 1);
          const after = path(a, start + i, revision);
          // A rename with a small edit, as git sees most renames: `git mv`, then a fix.
          return (before !== after ? `D ${before}\n` : '') + modify(after, articleAt(a, revision, revisions));
        })
        .join('');
      commit(`Revise ${batch.map((a) => a.title).join(', ')}`, author, body);
    }
  }
  const run = spawnSync('git', ['fast-import', '--quiet'], { cwd: repo, input: chunks.join(''), encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`git fast-import failed: ${run.stderr}`);
  // fast-import deltas each blob against the blob written before it, whatever its file: chains of up to 50 deltas
  // across unrelated articles (44,387 of 50,000 blobs at 10,000 articles), which git must undo for every blob its log
  // reads. A team's repository is packed by `git gc` (or by its host, for a clone) with deltas between versions of one
  // file, found by pack-objects' own search, as `repack -f` finds them: git's log with line counts takes a quarter
  // less time on that pack (9.1–9.5 → 6.6–7.3 s at 10,000 articles) and half the memory (326 → 174 MB).
  const repack = spawnSync('git', ['repack', '-a', '-d', '-f', '-q'], { cwd: repo, encoding: 'utf8' });
  if (repack.status !== 0) throw new Error(`git repack failed: ${repack.stderr}`);
  const checkout = spawnSync('git', ['checkout', '-q', '-f', 'main'], { cwd: repo, encoding: 'utf8' });
  if (checkout.status !== 0) throw new Error(`git checkout failed: ${checkout.stderr}`);
  return commits;
}
