/**
 * The settings of one build, in one place. A wiki's own settings live in its content folder, in
 * `wiki.config.yaml` (src/model/wiki-config.ts documents every field and its default); the environment says
 * where things are, and overrides a few of the file's fields for CI. The order: environment > wiki.config.yaml >
 * defaults.
 *
 * Where things are (environment only):
 * - WIKI_CONTENT_DIR: the folder of articles to build (default `content/`).
 * - WIKI_OUT_DIR: where the site is written (default `dist/`).
 * - WIKI_CACHE_DIR: Astro's cache (content store), so that builds of different folders do not mix.
 *
 * Overrides of wiki.config.yaml:
 * - WIKI_SITE: `site`, the public address of the site.
 * - WIKI_STRICT=1 (or 0): `strict`, red links fail the build.
 * - WIKI_CITATION_STYLE: `citationStyle` (a `.csl` file named here is relative to the checkout, as the folders are;
 *   in wiki.config.yaml, to the content folder).
 * - WIKI_TRUST: `trust`, `safe` or `trusted`.
 * - WIKI_ALLOW_EMPTY=1 (or 0): `allowEmpty`, a content folder without articles builds an empty site.
 *
 * Set by `npm run build` itself (cli/build.ts):
 * - WIKI_SHARD=i/n: render the i-th of n shares of the articles (`npm run build -- --shard=i/n`).
 * - WIKI_ASTRO_ROOT: the folder Astro keeps its `.astro/` state in (one per content folder and shard, so that
 *   builds of several folders or shards can run at once in one checkout).
 * - WIKI_PREPASS_AHEAD=<pid>:<file>: `npm run build` (process <pid>) is reading the articles ahead into the
 *   pre-pass cache and writes <file> when done; Astro's pre-pass waits for it (src/build/prepass-ahead.ts).
 * - WIKI_GIT_LOG_AHEAD=<pid>:<commit>:<files>: `npm run build` (process <pid>) is reading the whole history from
 *   <commit> into <files>, which Astro's process takes (src/content-folder/git-history.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseShard, type Shard } from '../model/shards.ts';
import { parseTrustLevel, type TrustLevel } from '../model/trust.ts';
import { ContentError, type Diagnostic } from '../model/diagnostics.ts';
import { readUiStrings } from './ui-strings-folder.ts';
import { GIT_LOG_AHEAD, parseGitLogAheadVariable, type GitLogAhead } from './git-history.ts';
import { citationStyleProblem, CONFIG_FILE, isStyleFile, parseWikiConfig, type RepositoryConfig, type WikiConfig } from '../model/wiki-config.ts';

export interface WikiSettings {
  contentDir: string;
  /** Astro's public folder (its default, `public/`): files served as they are, such as `/media/…`. */
  publicDir: string;
  outDir: string;
  strict: boolean;
  site: string;
  /** Whether `site` was given (wiki.config.yaml or WIKI_SITE): without it, addresses are `http://localhost:4321`'s. */
  siteGiven: boolean;
  cacheDir: string;
  /** A bundled CSL style's name, or the absolute path of a `.csl` file. */
  citationStyle: string;
  /** A content folder without articles is an error unless this is set (src/content-folder/folders.ts). */
  allowEmpty: boolean;
  /** The share of the articles this build renders; undefined for a whole build. */
  shard: Shard | undefined;
  /** Astro's project root when it is not the checkout (src/ and public/ stay the checkout's). */
  astroRoot: string | undefined;
  /** The articles being read ahead into the pre-pass cache by `npm run build`, which the pre-pass waits for. */
  prepassAhead: PrepassAhead | undefined;
  /** The history being read by `npm run build` with `git log`, which the reading takes. */
  gitLogAhead: GitLogAhead | undefined;
  /** What articles may hold: `safe` (no code) or `trusted` (full MDX). */
  trust: TrustLevel;
  /** The wiki's name. */
  title: string;
  tagline: string | undefined;
  /** The logo's absolute path, when the wiki has one. */
  logo: string | undefined;
  /** The wiki's language, a BCP 47 tag. */
  language: string;
  repository: RepositoryConfig | undefined;
  editUrl: string | undefined;
  commitUrl: string | undefined;
  license: string | undefined;
  /** Where the settings came from, for the build's report: the file's path, or undefined without one. */
  configFile: string | undefined;
  /** The interface's words in the wiki's language (src/shared/ui-strings.ts), with the wiki's own `i18n/<language>.json`. */
  uiStrings: Record<string, string>;
  /** Problems with the settings that do not stop the build (untranslated strings), for the build's report. */
  warnings: Diagnostic[];
}

const DEFAULT_SITE = 'http://localhost:4321';

/** Thrown for a wiki.config.yaml with mistakes, or an environment variable with a value the wiki cannot use. */
export class SettingsError extends ContentError {
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics, `The wiki's settings (${CONFIG_FILE}) have mistakes`);
    this.name = 'SettingsError';
  }
}

/** `1`/`true` → true, `0`/`false` → false, unset or empty → the file's value. */
function envFlag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = env[name]?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new SettingsError([
    {
      severity: 'error',
      file: `environment variable ${name}`,
      message: `\`${env[name]}\` is not a yes or no: set ${name}=1 (or 0), or unset it to use ${CONFIG_FILE}`,
    },
  ]);
}

/** The content folder's wiki.config.yaml, checked; every default without one. Throws a SettingsError listing its mistakes. */
export function readWikiConfig(contentDir: string): { config: WikiConfig; file: string | undefined } {
  const file = join(contentDir, CONFIG_FILE);
  const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const result = parseWikiConfig(source, CONFIG_FILE);
  if (!result.ok) throw new SettingsError(result.diagnostics);
  return { config: result.config, file: existsSync(file) ? file : undefined };
}

/**
 * The citation style: a bundled style's name as written, or a `.csl` file made absolute, so that no later step
 * reads it relative to whatever folder it runs in. A file named in wiki.config.yaml is one of the content folder
 * (like the logo); one named in WIKI_CITATION_STYLE is relative to `root`. Either must exist.
 */
function resolveCitationStyle(env: NodeJS.ProcessEnv, config: WikiConfig, contentDir: string, root: string): string {
  const fromEnvironment = env.WIKI_CITATION_STYLE?.trim();
  const style = fromEnvironment || config.citationStyle;
  const where = fromEnvironment ? 'environment variable WIKI_CITATION_STYLE' : CONFIG_FILE;
  const problem = citationStyleProblem(style);
  if (problem) throw new SettingsError([{ severity: 'error', file: where, message: problem }]);
  if (!isStyleFile(style)) return style;
  const path = resolve(fromEnvironment ? root : contentDir, style);
  if (!existsSync(path) || (!fromEnvironment && relative(contentDir, path).startsWith('..'))) {
    throw new SettingsError([
      {
        severity: 'error',
        file: where,
        message: fromEnvironment
          ? `the citation style \`${style}\` is not a file (looked for ${path}): name an existing \`.csl\` file, relative to ${root} or absolute`
          : `the citation style \`${style}\` is not a file of the content folder: put the \`.csl\` file in ${contentDir} and name it relative to it, e.g. \`citationStyle: ./styles/ieee.csl\``,
      },
    ]);
  }
  // rehype-citation reads the style's kind (numeric, author-date…) from it, and fails without a word where it is not.
  const xml = readFileSync(path, 'utf8');
  if (!/<style[\s>]/.test(xml) || !/citation-format\s*=/.test(xml)) {
    throw new SettingsError([
      {
        severity: 'error',
        file: where,
        message: `the citation style \`${style}\` is not a CSL style that says its kind: a \`.csl\` file has a \`<style>\` whose \`<info>\` holds \`<category citation-format="numeric"/>\` (or \`author-date\`, \`note\`…), as the styles of https://www.zotero.org/styles do`,
      },
    ]);
  }
  return path;
}

/** WIKI_TRUST, which overrides the file's `trust`. */
function trustFromEnvironment(value: string): TrustLevel {
  try {
    return parseTrustLevel(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SettingsError([
      {
        severity: 'error',
        file: 'environment variable WIKI_TRUST',
        message: `${reason}: set WIKI_TRUST=safe or WIKI_TRUST=trusted, or unset it to use ${CONFIG_FILE}`,
      },
    ]);
  }
}

export function readSettings(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): WikiSettings {
  const contentDir = resolve(root, env.WIKI_CONTENT_DIR || 'content');
  const { config, file } = readWikiConfig(contentDir);
  const trust = env.WIKI_TRUST?.trim() ? trustFromEnvironment(env.WIKI_TRUST) : config.trust;
  const logo = config.logo ? resolve(contentDir, config.logo) : undefined;
  if (logo && (!existsSync(logo) || relative(contentDir, logo).startsWith('..'))) {
    throw new SettingsError([
      {
        severity: 'error',
        file: CONFIG_FILE,
        message: `the logo \`${config.logo ?? ''}\` is not a file of the content folder: put the image in ${contentDir} and name it relative to it, e.g. \`logo: ./logo.svg\``,
      },
    ]);
  }
  const strings = readUiStrings(contentDir, config.language);
  const stringErrors = strings.diagnostics.filter((d) => d.severity === 'error');
  if (stringErrors.length > 0) throw new SettingsError(stringErrors);
  return {
    contentDir,
    publicDir: resolve(root, 'public'),
    outDir: resolve(root, env.WIKI_OUT_DIR || 'dist'),
    cacheDir: resolve(root, env.WIKI_CACHE_DIR || 'node_modules/.astro'),
    site: (env.WIKI_SITE || config.site || DEFAULT_SITE).replace(/\/+$/, ''),
    siteGiven: Boolean(env.WIKI_SITE || config.site),
    strict: envFlag(env, 'WIKI_STRICT') ?? config.strict,
    citationStyle: resolveCitationStyle(env, config, contentDir, root),
    allowEmpty: envFlag(env, 'WIKI_ALLOW_EMPTY') ?? config.allowEmpty,
    trust,
    title: config.title,
    tagline: config.tagline,
    logo,
    language: config.language,
    repository: config.repository,
    editUrl: config.editUrl,
    commitUrl: config.commitUrl,
    license: config.license,
    configFile: file,
    uiStrings: strings.table,
    warnings: strings.diagnostics.filter((d) => d.severity === 'warning'),
    shard: parseShard(env.WIKI_SHARD),
    astroRoot: env.WIKI_ASTRO_ROOT ? resolve(root, env.WIKI_ASTRO_ROOT) : undefined,
    prepassAhead: parseAheadVariable(env[PREPASS_AHEAD]),
    gitLogAhead: parseGitLogAheadVariable(env[GIT_LOG_AHEAD]),
  };
}

/** The environment variable of a read ahead (src/build/prepass-ahead.ts). */
export const PREPASS_AHEAD = 'WIKI_PREPASS_AHEAD';

/** A read ahead of the articles, by `npm run build`, that Astro's pre-pass waits for. */
export interface PrepassAhead {
  /** The process reading ahead: Astro's process waits only while it is that process's child. */
  pid: number;
  /** The file written when the read ahead is over, done or failed. */
  marker: string;
}

export function aheadVariable(ahead: PrepassAhead): string {
  return `${ahead.pid}:${ahead.marker}`;
}

function parseAheadVariable(value: string | undefined): PrepassAhead | undefined {
  const match = value ? /^(\d+):(.+)$/s.exec(value) : null;
  return match ? { pid: Number(match[1]), marker: match[2] ?? '' } : undefined;
}
