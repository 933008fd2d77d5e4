/**
 * The frontmatter of an article. One schema serves the content collection
 * (src/content.config.ts) and the page index built before rendering, so a
 * writer's mistake is reported once, in the same words, with the fix.
 */
import { z } from 'astro/zod';

/**
 * Characters that must not reach a page from a frontmatter field: control characters (NUL, ESC, …; not
 * allowed in HTML) and the bidirectional embeddings, overrides and isolates, which would reverse the text
 * around a title wherever it is shown (lists, links, the browser's tab). The marks U+200E/U+200F stay.
 */
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** Why a text holds a character that must not reach a page, or undefined. */
function invisibleCharacter(text: string): string | undefined {
  const found = INVISIBLE.exec(text)?.[0];
  if (found === undefined) return undefined;
  const code = found.codePointAt(0) ?? 0;
  const name = NAMES[code] ?? (code >= 0x202a ? 'a direction control' : 'a control character');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name})`;
}

/** Text of a field: numbers are read as text (`title: 1984`), other values are refused with `expected`. */
const text = (field: string, expected: string) =>
  z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z.string({ error: expected }).superRefine((value, context) => {
      const found = invisibleCharacter(value);
      if (found)
        context.addIssue({ code: 'custom', message: `\`${field}\` holds the invisible character ${found}, which would reach the page as it is: remove it` });
    }),
  );

const idList = (field: string) =>
  z
    .array(text(field, `each entry of \`${field}\` must be a page id, e.g. \`${field}: [nvidia_gpus]\``), {
      error: `\`${field}\` must be a list, e.g. \`${field}: [nvidia_gpus, cuda]\``,
    })
    .default([]);

const DATE_ERROR = '`updated` must be a date written as YYYY-MM-DD, e.g. `updated: 2026-11-29`';

/**
 * A date written `YYYY-MM-DD` (YAML reads it as text; Astro's own reader gives a Date). Anything else is
 * refused: zod's coercion would read `true` or `0` as 1970-01-01, and `2026-02-30` as 2 March.
 */
const date = z.preprocess(
  (value) => {
    if (value instanceof Date || typeof value !== 'string') return value;
    const written = value.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(written)) return value;
    const parsed = new Date(`${written}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(written) ? parsed : value;
  },
  z.date({ error: DATE_ERROR }),
);

export const articleSchema = z.strictObject({
  /** The article's title, shown as its heading and as the text of wiki links to it. Required. */
  title: text(
    'title',
    'every article needs a title: add `title: Your Title` to the frontmatter (quote a title that YAML would read otherwise: `title: "true"`)',
  ).pipe(z.string().trim().min(1, { error: "`title` is empty: write the article's title, e.g. `title: Nvidia`" })),
  /** One or two sentences, shown in search results, link previews and meta tags. */
  description: text('description', '`description` must be text, e.g. `description: American maker of GPUs.`').optional(),
  /** Topics, each a page of /special/tags/. Default: none. */
  tags: z
    .array(
      text('tags', 'each tag must be text, e.g. `tags: [hardware, gpu]`').refine((tag) => /[\p{L}\p{N}]/u.test(tag), {
        error: (issue) =>
          `the tag ${JSON.stringify(issue.input)} has no letter or digit, so it names no topic: remove it, or write it in words, e.g. \`tags: [hardware, gpu]\``,
      }),
      { error: '`tags` must be a list, e.g. `tags: [hardware, gpu]`' },
    )
    .default([]),
  /** Other ids that lead to this article: wiki links to them point here, and each gets a redirect. */
  aliases: idList('aliases'),
  /** Ids of related articles, listed under "See also" with their descriptions. */
  seeAlso: idList('seeAlso'),
  /** Date of the last meaningful edit, `YYYY-MM-DD`. Default: the date of the file's last commit. */
  updated: date.optional(),
  /** A BibTeX file, relative to the article, used besides the wiki's `references.bib`. */
  bibliography: text('bibliography', '`bibliography` must be a path to a .bib file, e.g. `bibliography: ./chips.bib`').optional(),
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
          z
            .union([z.string(), z.number(), z.boolean()], {
              error: 'each row of `infobox.rows` is `Label: value`, with a value of text or a number, e.g. `Designer: "[[nvidia]]"`',
            })
            .transform(String),
          { error: '`infobox.rows` must be `Label: value` lines, e.g. `rows:` then `  Designer: "[[nvidia]]"`' },
        ),
      },
      {
        error:
          '`infobox` must be fields on lines of their own: `image`, `caption` and `rows`, e.g. `infobox:` then `  rows:` then `    Designer: "[[nvidia]]"`',
      },
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
