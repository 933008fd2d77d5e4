/**
 * The frontmatter of an article. One schema serves the content collection
 * (src/content.config.ts) and the page index built before rendering, so a
 * writer's mistake is reported once, in the same words, with the fix.
 */
import { z } from 'astro/zod';

const idList = (field: string) =>
  z
    .array(z.string({ error: `each entry of \`${field}\` must be a page id, e.g. \`${field}: [nvidia_gpus]\`` }), {
      error: `\`${field}\` must be a list, e.g. \`${field}: [nvidia_gpus, cuda]\``,
    })
    .default([]);

export const articleSchema = z.strictObject({
  /** The article's title, shown as its heading and as the text of wiki links to it. Required. */
  title: z
    .string({ error: 'every article needs a title: add `title: Your Title` to the frontmatter' })
    .trim()
    .min(1, { error: '`title` is empty: write the article\'s title, e.g. `title: Nvidia`' }),
  /** One or two sentences, shown in search results, link previews and meta tags. */
  description: z
    .string({ error: '`description` must be text, e.g. `description: American maker of GPUs.`' })
    .optional(),
  /** Topics, each a page of /special/tags/. Default: none. */
  tags: z
    .array(z.string({ error: 'each tag must be text, e.g. `tags: [hardware, gpu]`' }), {
      error: '`tags` must be a list, e.g. `tags: [hardware, gpu]`',
    })
    .default([]),
  /** Other ids that lead to this article: wiki links to them point here, and each gets a redirect. */
  aliases: idList('aliases'),
  /** Ids of related articles, listed under "See also" with their descriptions. */
  seeAlso: idList('seeAlso'),
  /** Date of the last meaningful edit, `YYYY-MM-DD`. Default: the date of the file's last commit. */
  updated: z.coerce
    .date({ error: '`updated` must be a date written as YYYY-MM-DD, e.g. `updated: 2026-11-29`' })
    .optional(),
  /** A BibTeX file, relative to the article, used besides the wiki's `references.bib`. */
  bibliography: z
    .string({ error: '`bibliography` must be a path to a .bib file, e.g. `bibliography: ./chips.bib`' })
    .optional(),
  /** Show the table of contents. Default: true. */
  toc: z.boolean({ error: '`toc` must be `true` or `false`' }).default(true),
});

export type ArticleFrontmatter = z.infer<typeof articleSchema>;

/** Turn zod's issues into sentences a writer can act on: field, problem, fix. */
export function describeSchemaIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(frontmatter)';
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => `\`${key}\``).join(', ');
      return `unknown field ${keys}: remove it, or use one of title, description, tags, aliases, seeAlso, updated, bibliography, toc`;
    }
    return `field \`${field}\`: ${issue.message}`;
  });
}
