/**
 * History pages on a rebuild: written from templates Astro keeps between builds (src/model/history-template.ts),
 * they must show a new commit on the next build, and the rebuilt site must be the clean build of the same
 * commit, byte for byte.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuild, siteFiles, type BuildResult } from '../helpers/build-site.ts';
import { AUTHORS, git, makeGitWiki, type GitWiki } from '../helpers/git-wiki.ts';

const work = join(repoRoot, 'tests/.output/history-rebuild');
const npmBuild = [join(repoRoot, 'cli/build.ts')];

let wiki: GitWiki;
let first: BuildResult;
let rebuilt: BuildResult;
let clean: BuildResult;
let newCommit: string;

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  wiki = makeGitWiki({ config: 'title: Vogelwiki\nrepository: { url: https://github.com/vogel/wiki, branch: main }\n' });
  first = runBuild(npmBuild, wiki.content, join(work, 'dist-first'), join(work, 'cache'));
  const file = join(wiki.content, 'amsel.mdx');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nIm Winter kommt sie in die Gärten.\n`);
  git(wiki.repo, ['add', '-A']);
  git(wiki.repo, ['-c', `user.name=${AUTHORS.bo.name}`, '-c', `user.email=${AUTHORS.bo.email}`, 'commit', '-q', '-m', 'Amsel: im Winter'], {
    GIT_AUTHOR_DATE: '2026-04-01T10:00:00+01:00',
    GIT_COMMITTER_DATE: '2026-04-01T10:00:00+01:00',
  });
  newCommit = git(wiki.repo, ['rev-parse', 'HEAD']);
  rebuilt = runBuild(npmBuild, wiki.content, join(work, 'dist-rebuilt'), join(work, 'cache'));
  clean = runBuild(npmBuild, wiki.content, join(work, 'dist-clean'), join(work, 'cache-clean'));
});

describe('history pages on a rebuild', () => {
  it('builds each time', () => {
    expect([first.status, rebuilt.status, clean.status]).toEqual([0, 0, 0]);
  });

  it("write every history page before build:done, from the template Astro rendered or, in a rebuild, copied from the last build's", () => {
    for (const build of [first, rebuilt, clean]) expect(build.output).toContain('history pages: 2 written, 2 of them while Astro generated its pages');
  });

  it('show the new commit on the page of the article it changed, and only there', () => {
    expect(first.read('special/history/amsel/index.html')).not.toContain(newCommit);
    expect(rebuilt.read('special/history/amsel/index.html')).toContain(`id="commit-${newCommit}"`);
    expect(rebuilt.read('special/history/amsel/index.html')).toContain('Amsel: im Winter');
    expect(rebuilt.read('special/history/voegel/meise/index.html')).not.toContain(newCommit);
  });

  it('give the site a clean build of the same commit gives, byte for byte', () => {
    const a = siteFiles(rebuilt.outDir);
    const b = siteFiles(clean.outDir);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    const differing = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path) ?? Buffer.alloc(0))).map(([path]) => path);
    expect(differing).toEqual([]);
  });
});
