/**
 * A small wiki in a git repository of its own, made by the test: commits by two authors on fixed dates, an
 * article renamed into a namespace and edited after, the content folder in a subfolder of the repository. Used by
 * the history, build and browser tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const AUTHORS = { ada: { name: 'Ada Amsel', email: 'ada@example.org' }, bo: { name: 'Bo Buchfink', email: 'bo@example.org' } } as const;

export interface GitWiki {
  /** The repository. */
  repo: string;
  /** The content folder inside it (`wiki/`). */
  content: string;
  /** Each commit's hash, oldest first. */
  commits: string[];
}

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, ...env } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

const AMSEL_1 = `---
title: Amsel
description: Ein Singvogel der Gärten.
tags: [singvögel]
---

Die **Amsel** ist ein Singvogel. Sie lebt in Wäldern und Gärten.

## Gesang

Das Männchen singt im Frühjahr.

> [!WARNING]
> Amseln nicht füttern, wenn es warm ist.

## Bestand

\`\`\`chart
type: bar
title: Brutpaare im Tal
x: jahr
y: paare
data:
  - { jahr: "2024", paare: 120 }
  - { jahr: "2025", paare: 135 }
\`\`\`
`;

const AMSEL_2 = AMSEL_1.replace('Das Männchen singt im Frühjahr.', 'Das Männchen singt im Frühjahr laut und melodisch von hohen Warten.').replace(
  'in Wäldern und Gärten',
  'in Gärten und Parks',
);

const MEISE_1 = `---
title: Kohlmeise
description: Die größte Meise Europas.
tags: [singvögel, meisen]
---

Die **Kohlmeise** ist die größte Meise Europas. Siehe auch [[amsel]].

Sie lebt in Wäldern, Parks und Gärten, oft nahe bei Menschen.

Ihr Ruf klingt wie „zizibä“ und ist im ganzen Jahr zu hören.

Im Winter kommt sie gern an Futterhäuser.
`;

const MEISE_2 = MEISE_1.replace('Siehe auch [[amsel]].', 'Sie brütet in Höhlen. Siehe auch [[amsel]].');
const MEISE_3 = `${MEISE_2}\n## Nahrung\n\nIm Winter frisst sie Samen.\n`;

export interface GitWikiOptions {
  /** wiki.config.yaml of the wiki. */
  config: string;
  /** The main page, `index.mdx`, if any. */
  mainPage?: string;
}

/** Make the repository under a fresh temporary folder. */
export function makeGitWiki(options: GitWikiOptions): GitWiki {
  const repo = mkdtempSync(join(tmpdir(), 'git-wiki-'));
  const content = join(repo, 'wiki');
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(content, file)), { recursive: true });
    writeFileSync(join(content, file), text);
  };
  git(repo, ['init', '-q', '-b', 'main']);
  const commits: string[] = [];
  const commit = (who: keyof typeof AUTHORS, date: string, message: string) => {
    const author = AUTHORS[who];
    git(repo, ['add', '-A']);
    const dates = { GIT_AUTHOR_DATE: `${date}T10:00:00+01:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+01:00` };
    git(repo, ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`, 'commit', '-q', '-m', message], dates);
    commits.push(git(repo, ['rev-parse', 'HEAD']));
  };
  write('wiki.config.yaml', options.config);
  write('logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4" fill="#2a6"/></svg>\n');
  if (options.mainPage) write('index.mdx', options.mainPage);
  write('amsel.mdx', AMSEL_1);
  write('kohlmeise.mdx', MEISE_1);
  commit('ada', '2026-01-10', 'Erste Artikel: Amsel und Kohlmeise');
  write('amsel.mdx', AMSEL_2);
  commit('bo', '2026-02-01', 'Amsel: Gesang und Lebensraum genauer');
  mkdirSync(join(content, 'voegel'), { recursive: true });
  renameSync(join(content, 'kohlmeise.mdx'), join(content, 'voegel/meise.mdx'));
  write('voegel/meise.mdx', MEISE_2);
  commit('bo', '2026-02-15', 'Kohlmeise nach voegel:meise verschoben');
  write('voegel/meise.mdx', MEISE_3);
  commit('ada', '2026-03-05', 'Meise: Nahrung im Winter');
  return { repo, content, commits };
}

/** The same content folder, outside git. */
export function copyWithoutGit(wiki: GitWiki): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'plain-wiki-')), 'wiki');
  cpSync(wiki.content, dir, { recursive: true });
  return dir;
}

/** A shallow clone holding only the last commit (as CI's `actions/checkout` makes by default). */
export function shallowClone(wiki: GitWiki): GitWiki {
  const dir = mkdtempSync(join(tmpdir(), 'shallow-wiki-'));
  rmSync(dir, { recursive: true, force: true });
  git(tmpdir(), ['clone', '-q', '--depth', '1', `file://${wiki.repo}`, dir]);
  return { repo: dir, content: join(dir, 'wiki'), commits: wiki.commits.slice(-1) };
}
