/**
 * Addresses on the code host where the wiki's files live: the page that edits a file, a commit, a file as it
 * stood at a commit, and a commit's diff of one file. GitHub, GitLab and Gitea/Forgejo write them in known
 * patterns derived from `repository` (wiki.config.yaml); any other host is reached through `editUrl` (a
 * `{path}` pattern) and `commitUrl` (a `{commit}` pattern). Without either, there are no links. Pure.
 */
import { createHash } from 'node:crypto';
import type { CodeHost, RepositoryConfig } from './wiki-config.ts';

export interface SourceLinkSettings {
  repository?: RepositoryConfig | undefined;
  editUrl?: string | undefined;
  commitUrl?: string | undefined;
  /** The content folder's path inside the repository ('' at its root): `repository.dir`, else what git says. */
  sourceDir: string;
}

export interface SourceLinks {
  /** The host's software, when the wiki knows it. */
  host: CodeHost | undefined;
  /** The page that edits `file` (relative to the content folder). */
  edit(file: string): string | undefined;
  /** A commit's page. */
  commit(hash: string): string | undefined;
  /** `file` as it stood at a commit: the permanent address of a revision. */
  fileAt(hash: string, file: string): string | undefined;
  /** A commit's diff of `file`: the commit's page, at the file where the host can point there. */
  diff(hash: string, file: string): string | undefined;
}

/** The host's software, from `repository.host` or the address's host name. */
export function codeHostOf(repository: RepositoryConfig | undefined): CodeHost | undefined {
  if (!repository) return undefined;
  if (repository.host) return repository.host;
  let name: string;
  try {
    name = new URL(repository.url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (name === 'github.com' || name.startsWith('github.')) return 'github';
  if (name === 'gitlab.com' || name.startsWith('gitlab.')) return 'gitlab';
  if (name === 'codeberg.org' || name.startsWith('forgejo.')) return 'forgejo';
  if (name === 'gitea.com' || name.startsWith('gitea.')) return 'gitea';
  return undefined;
}

/** A path's segments, each percent-encoded, joined with `/`. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The edit, commit and file patterns of each known host, `{url}` standing for the repository's address. */
const PATTERNS: Record<CodeHost, { edit: string; commit: string; fileAt: string }> = {
  github: { edit: '{url}/edit/{branch}/{path}', commit: '{url}/commit/{commit}', fileAt: '{url}/blob/{commit}/{path}' },
  gitlab: { edit: '{url}/-/edit/{branch}/{path}', commit: '{url}/-/commit/{commit}', fileAt: '{url}/-/blob/{commit}/{path}' },
  gitea: { edit: '{url}/_edit/{branch}/{path}', commit: '{url}/commit/{commit}', fileAt: '{url}/src/commit/{commit}/{path}' },
  forgejo: { edit: '{url}/_edit/{branch}/{path}', commit: '{url}/commit/{commit}', fileAt: '{url}/src/commit/{commit}/{path}' },
};

function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(url|branch|path|commit)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function sourceLinks(settings: SourceLinkSettings): SourceLinks {
  const { repository, editUrl, commitUrl } = settings;
  const host = codeHostOf(repository);
  const patterns = host ? PATTERNS[host] : undefined;
  const inRepository = (file: string) => (settings.sourceDir ? `${settings.sourceDir}/${file}` : file);
  const values = (more: Record<string, string>) => ({ url: repository?.url ?? '', branch: encodeURIComponent(repository?.branch ?? 'main'), ...more });
  const commit = (hash: string): string | undefined => {
    if (commitUrl) return fillPattern(commitUrl, { commit: hash });
    return patterns ? fillPattern(patterns.commit, values({ commit: hash })) : undefined;
  };
  return {
    host,
    edit: (file) => {
      const path = encodePath(inRepository(file));
      if (editUrl) return fillPattern(editUrl, { path, branch: encodeURIComponent(repository?.branch ?? 'main') });
      return patterns ? fillPattern(patterns.edit, values({ path })) : undefined;
    },
    commit,
    fileAt: (hash, file) => (patterns ? fillPattern(patterns.fileAt, values({ commit: hash, path: encodePath(inRepository(file)) })) : undefined),
    diff: (hash, file) => {
      const page = commit(hash);
      if (!page || commitUrl || host !== 'github') return page;
      // GitHub points at one file of a commit's diff with `#diff-<sha256 of its path>`.
      return `${page}#diff-${createHash('sha256').update(inRepository(file)).digest('hex')}`;
    },
  };
}
