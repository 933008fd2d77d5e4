/**
 * The article's YAML frontmatter: `title` (required), then `description`, `tags`, `aliases`, `updated` and
 * `toc` when they have a value. Strings are double-quoted by the YAML serializer, so no title can turn into a
 * number, a date, a boolean or broken YAML; `updated` stays a bare `YYYY-MM-DD` date.
 */
import { Document } from 'yaml';

export interface Frontmatter {
  readonly title: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly aliases?: readonly string[];
  /** `YYYY-MM-DD` */
  readonly updated?: string;
  readonly toc?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function serializeFrontmatter(frontmatter: Frontmatter): string {
  const { updated, ...rest } = frontmatter;
  if (updated !== undefined && !DATE.test(updated)) {
    throw new Error(`updated must be a YYYY-MM-DD date, not ${JSON.stringify(updated)}`);
  }
  const ordered = {
    title: rest.title,
    description: rest.description,
    tags: rest.tags === undefined || rest.tags.length === 0 ? undefined : [...rest.tags],
    aliases: rest.aliases === undefined || rest.aliases.length === 0 ? undefined : [...rest.aliases],
  };
  const document = new Document(Object.fromEntries(Object.entries(ordered).filter(([, value]) => value !== undefined)));
  // Lists of short names read best on one line: `tags: ["hardware", "gpu"]`.
  for (const key of ['tags', 'aliases']) {
    const list = ordered[key as 'tags' | 'aliases'];
    if (list !== undefined) document.set(key, document.createNode(list, { flow: true }));
  }
  let yaml = document.toString({
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
    flowCollectionPadding: false,
  });
  if (updated !== undefined) yaml += `updated: ${updated}\n`;
  if (rest.toc !== undefined) yaml += `toc: ${String(rest.toc)}\n`;
  return `---\n${yaml}---\n`;
}
