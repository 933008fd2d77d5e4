/** Addresses on the code host: edit, commit, a file at a commit, a commit's diff of a file, per host. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeHostOf, sourceLinks, type SourceLinkSettings } from '../../src/model/source-links.ts';

const repo = (url: string, more: Partial<NonNullable<SourceLinkSettings['repository']>> = {}) => ({ url, branch: 'main', ...more });

describe('sourceLinks', () => {
  it.each([
    [
      'GitHub',
      repo('https://github.com/birds/wiki'),
      'https://github.com/birds/wiki/edit/main/content/voegel/meise.mdx',
      'https://github.com/birds/wiki/commit/abc',
      'https://github.com/birds/wiki/blob/abc/content/voegel/meise.mdx',
    ],
    [
      'GitLab',
      repo('https://gitlab.com/birds/wiki', { branch: 'trunk' }),
      'https://gitlab.com/birds/wiki/-/edit/trunk/content/voegel/meise.mdx',
      'https://gitlab.com/birds/wiki/-/commit/abc',
      'https://gitlab.com/birds/wiki/-/blob/abc/content/voegel/meise.mdx',
    ],
    [
      'Forgejo (Codeberg)',
      repo('https://codeberg.org/birds/wiki'),
      'https://codeberg.org/birds/wiki/_edit/main/content/voegel/meise.mdx',
      'https://codeberg.org/birds/wiki/commit/abc',
      'https://codeberg.org/birds/wiki/src/commit/abc/content/voegel/meise.mdx',
    ],
    [
      'Gitea, named by `host`',
      repo('https://git.birds.example.org/birds/wiki', { host: 'gitea' }),
      'https://git.birds.example.org/birds/wiki/_edit/main/content/voegel/meise.mdx',
      'https://git.birds.example.org/birds/wiki/commit/abc',
      'https://git.birds.example.org/birds/wiki/src/commit/abc/content/voegel/meise.mdx',
    ],
    [
      'self-hosted GitLab by its name',
      repo('https://gitlab.birds.example.org/birds/wiki'),
      'https://gitlab.birds.example.org/birds/wiki/-/edit/main/content/voegel/meise.mdx',
      'https://gitlab.birds.example.org/birds/wiki/-/commit/abc',
      'https://gitlab.birds.example.org/birds/wiki/-/blob/abc/content/voegel/meise.mdx',
    ],
  ])('%s', (_, repository, edit, commit, fileAt) => {
    const links = sourceLinks({ repository, sourceDir: 'content' });
    expect(links.edit('voegel/meise.mdx')).toBe(edit);
    expect(links.commit('abc')).toBe(commit);
    expect(links.fileAt('abc', 'voegel/meise.mdx')).toBe(fileAt);
  });

  it('points GitHub at the file in the commit’s diff', () => {
    const anchor = createHash('sha256').update('content/a.mdx').digest('hex');
    expect(sourceLinks({ repository: repo('https://github.com/b/w'), sourceDir: 'content' }).diff('abc', 'a.mdx')).toBe(
      `https://github.com/b/w/commit/abc#diff-${anchor}`,
    );
    expect(sourceLinks({ repository: repo('https://gitlab.com/b/w'), sourceDir: '' }).diff('abc', 'a.mdx')).toBe('https://gitlab.com/b/w/-/commit/abc');
  });

  it('uses `editUrl` and `commitUrl` patterns for any other host, the path encoded', () => {
    const links = sourceLinks({
      repository: repo('https://hg.example.org/birds'),
      editUrl: 'https://hg.example.org/birds/edit/{branch}/{path}',
      commitUrl: 'https://hg.example.org/birds/rev/{commit}',
      sourceDir: '',
    });
    expect(links.host).toBeUndefined();
    expect(links.edit('vögel/große meise.mdx')).toBe('https://hg.example.org/birds/edit/main/v%C3%B6gel/gro%C3%9Fe%20meise.mdx');
    expect(links.commit('abc')).toBe('https://hg.example.org/birds/rev/abc');
    expect(links.fileAt('abc', 'a.mdx')).toBeUndefined();
  });

  it('shows nothing without a repository or patterns, or for a host it does not know', () => {
    for (const settings of [{ sourceDir: '' }, { repository: repo('https://hg.example.org/birds'), sourceDir: '' }]) {
      const links = sourceLinks(settings);
      expect([links.edit('a.mdx'), links.commit('abc'), links.fileAt('abc', 'a.mdx'), links.diff('abc', 'a.mdx')]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    }
  });

  it('reads the host from the address', () => {
    expect(
      ['https://github.com/a/b', 'https://gitlab.com/a/b', 'https://codeberg.org/a/b', 'https://gitea.com/a/b', 'https://example.org/a/b'].map((url) =>
        codeHostOf(repo(url)),
      ),
    ).toEqual(['github', 'gitlab', 'forgejo', 'gitea', undefined]);
  });
});
