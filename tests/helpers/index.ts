/** A page index built from in-memory articles, for unit tests. */
import { buildPageIndex, type PageIndex } from '../../src/model/page-index.ts';

/** `{ 'nvidia.mdx': '---\ntitle: Nvidia\n---\nbody' }` → index. */
export function indexOf(files: Record<string, string>): PageIndex {
  return buildPageIndex(new Map(Object.entries(files)));
}

/** An article source with the given frontmatter fields and body. */
export function article(title: string, body = '', extra = ''): string {
  return `---\ntitle: ${JSON.stringify(title)}\n${extra}---\n\n${body}\n`;
}
