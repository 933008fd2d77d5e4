/**
 * The wiki's lists that an article (the main page above all) may embed, written as the wiki's own components,
 * without `import` and without becoming code (src/model/components.ts):
 *
 * | component | shows |
 * |---|---|
 * | `<FeaturedArticle page="nvidia" />` | the article's title (a link), its description and its picture |
 * | `<RecentChanges count="5" />` | the latest changes (default 5, at most 50), as Recent changes lists them |
 * | `<ArticlesByTopic />` | every article under its tags (`tag="hardware"`: one tag's) |
 * | `<ArticleCount />` | the number of articles, as a word in a sentence |
 *
 * The pre-pass checks each use (attributes, values) and records which lists an article shows, so that its cached
 * HTML is made again when what the list shows changes (src/astro/article-loader.ts). Pure.
 */
import type { Diagnostic } from './diagnostics.ts';

export const WIKI_LISTS = ['FeaturedArticle', 'RecentChanges', 'ArticlesByTopic', 'ArticleCount'] as const;
export type WikiListName = (typeof WIKI_LISTS)[number];

/** The most changes `<RecentChanges>` shows: as many as Recent changes keeps. */
export const MAX_RECENT_CHANGES = 50;
const DEFAULT_RECENT_CHANGES = 5;

export function isWikiList(name: string | null | undefined): name is WikiListName {
  return (WIKI_LISTS as readonly string[]).includes(name ?? '');
}

/** One use of a list in an article, its attributes checked. */
export type WikiListUse =
  { list: 'FeaturedArticle'; page: string } | { list: 'RecentChanges'; count: number } | { list: 'ArticlesByTopic'; tag?: string } | { list: 'ArticleCount' };

/** A JSX element as written, as far as the lists need it. */
export interface JsxElementLike {
  name: string | null;
  type: string;
  attributes: Array<{ type: string; name?: string | undefined; value?: unknown }>;
  children?: unknown[];
  position?: { start: { line: number; column: number } } | undefined;
}

const ATTRIBUTES: Record<WikiListName, { required: string[]; optional: string[]; example: string }> = {
  FeaturedArticle: { required: ['page'], optional: [], example: '<FeaturedArticle page="nvidia" />' },
  RecentChanges: { required: [], optional: ['count'], example: '<RecentChanges count="5" />' },
  ArticlesByTopic: { required: [], optional: ['tag'], example: '<ArticlesByTopic tag="hardware" />' },
  ArticleCount: { required: [], optional: [], example: 'This wiki has <ArticleCount /> articles.' },
};

/** Check one use of a list: the use, or the problem with file, line and fix. */
export function readWikiList(
  node: JsxElementLike & { name: WikiListName },
  file: string,
): { ok: true; use: WikiListUse } | { ok: false; diagnostic: Diagnostic } {
  const { name } = node;
  const spec = ATTRIBUTES[name];
  const problem = (message: string) => ({
    ok: false as const,
    diagnostic: {
      severity: 'error' as const,
      file,
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
      message: `\`<${name}>\`: ${message}, e.g. \`${spec.example}\``,
    },
  });
  const values = new Map<string, string>();
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) return problem('write each attribute as `name="value"`');
    if (![...spec.required, ...spec.optional].includes(attribute.name)) {
      const allowed = [...spec.required, ...spec.optional];
      return problem(
        `it has no attribute \`${attribute.name}\`${allowed.length > 0 ? `; use ${allowed.map((a) => `\`${a}\``).join(', ')}` : ' (it takes none)'}`,
      );
    }
    if (typeof attribute.value !== 'string') return problem(`write \`${attribute.name}\` as text in quotes, \`${attribute.name}="…"\``);
    values.set(attribute.name, attribute.value);
  }
  for (const required of spec.required) if (!values.get(required)?.trim()) return problem(`it needs \`${required}="…"\``);
  if ((node.children ?? []).length > 0) return problem('it takes no content: write it as one self-closing tag');
  switch (name) {
    case 'FeaturedArticle':
      return { ok: true, use: { list: name, page: values.get('page')?.trim() ?? '' } };
    case 'RecentChanges': {
      const written = values.get('count');
      const count = written === undefined ? DEFAULT_RECENT_CHANGES : Number(written);
      if (!Number.isInteger(count) || count < 1 || count > MAX_RECENT_CHANGES)
        return problem(`\`count\` must be a whole number from 1 to ${MAX_RECENT_CHANGES}`);
      return { ok: true, use: { list: name, count } };
    }
    case 'ArticlesByTopic': {
      const tag = values.get('tag')?.trim();
      return { ok: true, use: { list: name, ...(tag ? { tag } : {}) } };
    }
    case 'ArticleCount':
      return { ok: true, use: { list: name } };
  }
}
