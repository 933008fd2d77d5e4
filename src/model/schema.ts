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
  /** The infobox beside the lead: a picture, its caption and rows of facts, each value inline Markdown (src/model/infobox.ts). */
  infobox: z
    .strictObject(
      {
        /** The infobox's heading. Default: the article's title. */
        title: z.string({ error: '`infobox.title` must be text, e.g. `title: Nvidia H100`' }).optional(),
        /** A picture beside the article (`./h100.png`) or an https:// address. */
        image: z.string({ error: '`infobox.image` must be a path to a picture, e.g. `image: ./h100.png`' }).optional(),
        /** What the picture shows, for readers who cannot see it. Default: the caption. */
        alt: z.string({ error: '`infobox.alt` must be text that says what the picture shows' }).optional(),
        caption: z.string({ error: '`infobox.caption` must be text, e.g. `caption: Nvidia H100 SXM`' }).optional(),
        /** Label → value, in the order written; values are inline Markdown (`"[[nvidia]]"`, `"2022[^launch]"`). */
        rows: z.record(
          z.string(),
          z.union([z.string(), z.number(), z.boolean()], { error: 'each row of `infobox.rows` is `Label: value`, with a value of text or a number, e.g. `Designer: "[[nvidia]]"`' }).transform(String),
          { error: '`infobox.rows` must be `Label: value` lines, e.g. `rows:` then `  Designer: "[[nvidia]]"`' },
        ),
      },
      { error: '`infobox` must be fields on lines of their own: `image`, `caption` and `rows`, e.g. `infobox:` then `  rows:` then `    Designer: "[[nvidia]]"`' },
    )
    .refine((box) => !box.image || box.alt !== undefined || box.caption !== undefined, {
      error: 'the picture needs a text alternative: add `alt: What the picture shows` or a `caption:` to `infobox`',
    })
    .optional(),
});

export type ArticleFrontmatter = z.infer<typeof articleSchema>;

/** Turn zod's issues into sentences a writer can act on: field, problem, fix. */
export function describeSchemaIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(frontmatter)';
    if (issue.code === 'unrecognized_keys' && issue.path[0] === 'infobox') {
      const keys = issue.keys.map((key) => `\`infobox.${key}\``).join(', ');
      return `unknown field ${keys}: remove it, or use one of title, image, alt, caption, rows`;
    }
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => `\`${key}\``).join(', ');
      return `unknown field ${keys}: remove it, or use one of title, description, tags, aliases, seeAlso, updated, bibliography, toc, infobox`;
    }
    return `field \`${field}\`: ${issue.message}`;
  });
}
