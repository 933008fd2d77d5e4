/**
 * A wiki's own settings: `wiki.config.yaml` in its content folder, so that one engine builds any wiki from its
 * folder and a team upgrades the engine without touching its content. The schema documents every field and its
 * default (the README's "Configuration" table says the same); a mistake is reported with the file, the line of
 * the field and the fix, as the frontmatter's are (src/model/schema.ts). Pure: text in, settings or
 * diagnostics out. Environment variables override some fields for CI (src/content-folder/settings.ts).
 */
import { z } from 'astro/zod';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from './diagnostics.ts';

/** The file's name in the content folder. */
export const CONFIG_FILE = 'wiki.config.yaml';

/** The code hosts whose addresses the wiki knows how to write (src/model/source-links.ts). */
export const CODE_HOSTS = ['github', 'gitlab', 'gitea', 'forgejo'] as const;
export type CodeHost = (typeof CODE_HOSTS)[number];

/** Citation styles rehype-citation bundles; any other value must be a path to a `.csl` file. */
export const BUNDLED_CITATION_STYLES = ['vancouver', 'apa', 'harvard1', 'chicago', 'mla'] as const;

const text = (field: string, example: string) =>
  z
    .string({ error: `\`${field}\` must be text, e.g. \`${field}: ${example}\`` })
    .trim()
    .min(1, { error: `\`${field}\` is empty: write a value, e.g. \`${field}: ${example}\`, or remove the line` });

const webAddress = (field: string, example: string) =>
  text(field, example).refine((value) => /^https?:\/\/[^/\s]+/.test(value), {
    error: `\`${field}\` must be a web address starting with https://, e.g. \`${field}: ${example}\``,
  });

/** A URL pattern: must hold every placeholder it is documented to take at least once. */
const pattern = (field: string, example: string, placeholder: string) =>
  webAddress(field, example).refine((value) => value.includes(placeholder), {
    error: `\`${field}\` must contain \`${placeholder}\`, where the wiki puts the value, e.g. \`${field}: ${example}\``,
  });

export const repositorySchema = z.strictObject({
  /** The repository's web address, e.g. `https://github.com/birds/wiki`. Required when `repository` is given. */
  url: webAddress('repository.url', 'https://github.com/birds/wiki').transform((url) => url.replace(/\/+$/, '').replace(/\.git$/, '')),
  /** The branch the wiki is published from, for edit links. Default: `main`. */
  branch: text('repository.branch', 'main').default('main'),
  /**
   * Which software serves the repository, for the form of its addresses. Default: read from the address's host
   * name (github…, gitlab…, gitea…, codeberg.org and forgejo… are known); set it for a self-hosted server with
   * another name.
   */
  host: z.enum(CODE_HOSTS, { error: `\`repository.host\` must be one of ${CODE_HOSTS.join(', ')}` }).optional(),
  /**
   * The content folder's path inside the repository, e.g. `content`. Default: asked of git when the folder is in
   * a git checkout, else the repository's root.
   */
  dir: z
    .string({ error: '`repository.dir` must be a path, e.g. `repository: { dir: content }`' })
    .transform((dir) => dir.replace(/^\.?\/+|\/+$/g, ''))
    .optional(),
});

export const wikiConfigSchema = z.strictObject({
  /** The wiki's name: in the header, every page's title, feeds and citations. Default: `Wiki`. */
  title: text('title', 'Birdwatch Wiki').default('Wiki'),
  /** One sentence under the name on the main page, and the description of pages that have none. Default: none. */
  tagline: text('tagline', 'Every bird of the valley, with sources.').optional(),
  /** An image beside the name in the header (and the tab's icon), relative to the content folder. Default: none. */
  logo: text('logo', './logo.svg')
    .refine((path) => /\.(svg|png|webp|avif|jpe?g|gif|ico)$/i.test(path), {
      error: '`logo` must be an image file (.svg, .png, .webp, .avif, .jpg, .gif or .ico), e.g. `logo: ./logo.svg`',
    })
    .optional(),
  /**
   * The language of the wiki (a BCP 47 tag such as `en`, `de`, `pt-BR`): `<html lang>`, the interface's words
   * (src/shared/ui-strings/), how dates are written, and how search stems words. Default: `en`.
   */
  language: text('language', 'de')
    .refine((tag) => isLanguageTag(tag), { error: '`language` must be a language tag such as `en`, `de` or `pt-BR`' })
    .default('en'),
  /** The public address of the site, for canonical links, the sitemap, feeds and citations. Default: `http://localhost:4321`. */
  site: webAddress('site', 'https://birds.example.org')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** Where the content's repository lives: edit links, and commit links in page histories. Default: none (no links). */
  repository: repositorySchema.optional(),
  /**
   * The address that edits a file, with `{path}` for the file's path in the repository (and `{branch}`). Default:
   * derived from `repository` for GitHub, GitLab, Gitea and Forgejo; without either, articles have no edit link.
   */
  editUrl: pattern('editUrl', 'https://git.example.org/birds/wiki/edit/main/{path}', '{path}').optional(),
  /** The address of a commit, with `{commit}`, for other hosts than those `repository` knows. Default: derived from `repository`. */
  commitUrl: pattern('commitUrl', 'https://git.example.org/birds/wiki/commit/{commit}', '{commit}').optional(),
  /** The licence of the text, shown in the footer and in citations, e.g. `CC BY-SA 4.0` (linked when it is a Creative Commons licence). Default: none. */
  license: text('license', 'CC BY-SA 4.0').optional(),
  /**
   * How BibTeX entries and "Cite this page" are written: a bundled CSL style or a `.csl` file of the content folder,
   * relative to it (e.g. `./styles/ieee.csl`). Default: `vancouver`.
   */
  citationStyle: text('citationStyle', 'apa')
    .refine((style) => citationStyleProblem(style) === undefined, { error: (issue) => citationStyleProblem(String(issue.input)) ?? '' })
    .default('vancouver'),
  /** Red links fail the build. Default: `false`. */
  strict: z.boolean({ error: '`strict` must be `true` or `false`' }).default(false),
  /**
   * What articles may do: `safe` (Markdown and the wiki's own components only) or `trusted` (MDX with imports
   * and expressions, for a wiki whose writers are reviewed like code). Default: `safe`.
   */
  trust: z.enum(['safe', 'trusted'], { error: '`trust` must be `safe` or `trusted`' }).default('safe'),
  /** A content folder without articles builds an empty site instead of failing. Default: `false`. */
  allowEmpty: z.boolean({ error: '`allowEmpty` must be `true` or `false`' }).default(false),
});

export type WikiConfig = z.infer<typeof wikiConfigSchema>;
export type RepositoryConfig = z.infer<typeof repositorySchema>;

/** True for a well-formed BCP 47 language tag. */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

const FIELDS = Object.keys(wikiConfigSchema.shape);
const REPOSITORY_FIELDS = Object.keys(repositorySchema.shape);

/** The closest of `names` to `written` (a typo of one or two letters), if any. */
function closest(written: string, names: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const kept = row[j] ?? 0;
        row[j] = Math.min(kept + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1));
        previous = kept;
      }
    }
    return row[b.length] ?? Infinity;
  };
  const best = names.map((name) => ({ name, d: distance(written, name) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 2 ? best.name : undefined;
}

/** Whether a citation style names a `.csl` file rather than a bundled style. */
export const isStyleFile = (style: string): boolean => /\.csl$/i.test(style);

/**
 * What is wrong with `style` as a citation style, if anything: it must be a bundled style's name or end in `.csl`
 * (a file, resolved by src/content-folder/settings.ts). Said of `citationStyle`, the field of wiki.config.yaml and
 * of WIKI_CITATION_STYLE.
 */
export function citationStyleProblem(style: string): string | undefined {
  if ((BUNDLED_CITATION_STYLES as readonly string[]).includes(style) || isStyleFile(style)) return undefined;
  const near = closest(style, BUNDLED_CITATION_STYLES);
  return `\`citationStyle\` is \`${style}\`, which is no style the wiki knows: ${near ? `did you mean \`${near}\`? ` : ''}use one of ${BUNDLED_CITATION_STYLES.join(', ')}, or name a \`.csl\` file of the content folder, e.g. \`citationStyle: ./styles/ieee.csl\``;
}

export type ConfigResult = { ok: true; config: WikiConfig; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Read `wiki.config.yaml`'s text. `file` names it in diagnostics. An empty file is a wiki with every default.
 */
export function parseWikiConfig(source: string, file = CONFIG_FILE): ConfigResult {
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  if (document.errors.length > 0) {
    return {
      ok: false,
      diagnostics: document.errors.map((error) => ({
        severity: 'error' as const,
        file,
        line: lineOf(error.pos[0]),
        message: `${CONFIG_FILE} is not valid YAML (${error.message.split('\n')[0]}): write one \`field: value\` per line, and quote values that contain \`: \` or start with \`[\`, \`{\`, \`*\` or \`&\``,
      })),
    };
  }
  const data: unknown = document.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      diagnostics: [
        { severity: 'error', file, line: 1, message: `${CONFIG_FILE} must hold fields, one \`field: value\` per line (e.g. \`title: Birdwatch Wiki\`)` },
      ],
    };
  }
  const checked = wikiConfigSchema.safeParse(data);
  if (checked.success) return { ok: true, config: checked.data, diagnostics: [] };

  /** The line of the value at `path` (or of its key, or of the nearest field that exists). */
  const lineAt = (path: ReadonlyArray<PropertyKey>, key?: string): number => {
    const parts = path.map(String);
    for (let n = parts.length; n >= 0; n--) {
      const node = document.getIn(parts.slice(0, n), true) as YamlNode | undefined;
      if (!node) continue;
      if (key !== undefined && n === parts.length && isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
        if (pair && isPair(pair) && isScalar(pair.key)) return lineOf(pair.key.range?.[0]);
      }
      return lineOf(node.range?.[0]);
    }
    return 1;
  };
  const diagnostics: Diagnostic[] = [];
  for (const issue of checked.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = issue.path.length === 0 ? FIELDS : REPOSITORY_FIELDS;
      for (const key of issue.keys) {
        const near = closest(key, known);
        diagnostics.push({
          severity: 'error',
          file,
          line: lineAt(issue.path, key),
          message: `unknown field \`${[...issue.path.map(String), key].join('.')}\`: ${near ? `did you mean \`${near}\`? ` : ''}remove it, or use one of ${known.join(', ')}`,
        });
      }
      continue;
    }
    const field = issue.path.map(String).join('.');
    diagnostics.push({
      severity: 'error',
      file,
      line: lineAt(issue.path),
      message: issue.path.length > 0 && !issue.message.includes(`\`${field}\``) ? `field \`${field}\`: ${issue.message}` : issue.message,
    });
  }
  return { ok: false, diagnostics };
}
