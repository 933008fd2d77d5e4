/**
 * A new article, as `npm run new -- <id>` writes it (cli/new-article.ts): its file, a title made from its id,
 * and frontmatter that passes the schema, in the wiki's language; and whether the id is taken, by an article
 * or as an alias. Pure.
 */
import { stringify } from 'yaml';
import { baseNameOf, normalizeId, type PageId } from './ids.ts';
import type { Translator } from '../shared/translate.ts';

/** The title an id suggests: `hardware:ascend_950` → `Ascend 950`. */
export function titleFromId(id: PageId): string {
  const words = baseNameOf(id).replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The text of a new article: its frontmatter (a hint for the description, as a comment) and a lead to write. */
export function newArticleText(id: PageId, t: Translator, title = titleFromId(id)): string {
  return ['---', stringify({ title }).trim(), `# ${t('new.descriptionHint', { title })}`, 'tags: []', '---', '', t('new.lead', { title }), ''].join('\n');
}

/** What already holds an id: an article (its file) or another article's alias. */
export type Taken = { by: 'article'; file: string } | { by: 'alias'; file: string; written: string };

/**
 * Whether `id` is taken among `articles` (file → the aliases its frontmatter writes): an article whose path
 * gives the same id (ids ignore case and punctuation), or an alias that normalizes to it.
 */
export function takenBy(id: PageId, articles: ReadonlyMap<string, readonly string[]>, idOf: (file: string) => string): Taken | undefined {
  for (const [file, aliases] of articles) {
    if (idOf(file) === id) return { by: 'article', file };
    const alias = aliases.find((written) => normalizeId(written) === id);
    if (alias !== undefined) return { by: 'alias', file, written: alias };
  }
  return undefined;
}
