/**
 * Careless input that used to build a silently wrong page: each is now read as meant, or refused with file,
 * line and fix (issue 20, item 8). Checked where the build decides: the pre-pass, the page index and the
 * references index, on in-memory articles.
 */
import { describe, expect, it } from 'vitest';
import { ContentError, formatDiagnostic } from '../../src/model/diagnostics.ts';
import { headingSlugger } from '../../src/model/heading-ids.ts';
import { buildPageIndex, type PageIndex } from '../../src/model/page-index.ts';
import { parseArticle } from '../../src/model/parse-article.ts';
import { buildReferenceIndex } from '../../src/model/references-index.ts';
import { article } from '../helpers/index.ts';

/** The index of `files`, or the errors that stop it, as the build prints them. */
function build(files: Record<string, string>): { index?: PageIndex; errors: string[] } {
  try {
    const index = buildPageIndex(new Map(Object.entries(files)));
    return {
      index,
      errors: buildReferenceIndex(index)
        .diagnostics.filter((d) => d.severity === 'error')
        .map(formatDiagnostic),
    };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { errors: error.diagnostics.map(formatDiagnostic) };
  }
}

const withFrontmatter = (fields: string, body = 'Text.') => `---\n${fields}\n---\n\n${body}\n`;

describe('dates, titles and tags', () => {
  // Each refused at the line of its field (the frontmatter's `---` is line 1, `title: A` line 2).
  it.each([
    ['updated: true', /^a\.mdx:3: error: field `updated`: `updated` must be a date written as YYYY-MM-DD, e\.g\. `updated: 2026-11-29`$/],
    ['updated: 0', /^a\.mdx:3: error: field `updated`: `updated` must be a date/],
    ['updated: 2026-02-30', /^a\.mdx:3: error: field `updated`: `updated` must be a date/],
    ['updated: next week', /^a\.mdx:3: error: field `updated`: `updated` must be a date/],
    ['tags: ["!!!"]', /^a\.mdx:3: error: field `tags\.0`: the tag "!!!" has no letter or digit, so it names no topic: remove it/],
    ['tags: [""]', /^a\.mdx:3: error: field `tags\.0`: the tag "" has no letter or digit/],
    ['title: true', /^a\.mdx:2: error: field `title`: every article needs a title: .*quote a title that YAML would read otherwise: `title: "true"`/],
  ])('`%s` is refused, never read as 1970-01-01 or an empty tag', (field, error) => {
    const { errors } = build({ 'a.mdx': withFrontmatter(`title: A\n${field}`.replace('title: A\ntitle: true', 'title: true')) });
    expect(errors).toEqual([expect.stringMatching(error)]);
  });

  it('names the line of a mistyped or malformed field, and the infobox for a problem inside it', () => {
    const { errors } = build({ 'a.mdx': withFrontmatter('title: A\ntittle: B\ntags: hardware\ninfobox:\n  rows: 7') });
    expect(errors).toHaveLength(3);
    expect(errors).toContainEqual(expect.stringMatching(/^a\.mdx:3: error: unknown field `tittle`: remove it, or use one of title, /));
    expect(errors).toContainEqual(expect.stringMatching(/^a\.mdx:4: error: field `tags`: `tags` must be a list/));
    expect(errors).toContainEqual(expect.stringMatching(/^a\.mdx:5: error: field `infobox\.rows`/));
  });

  it('reads a date as the day written, and a numeric title as text', () => {
    const { index, errors } = build({ 'a.mdx': withFrontmatter('title: 1984\nupdated: 2026-11-29\ndescription: 42') });
    expect(errors).toEqual([]);
    const frontmatter = index?.pages.get('a' as never)?.article.frontmatter;
    expect(frontmatter?.title).toBe('1984');
    expect(frontmatter?.description).toBe('42');
    expect(frontmatter?.updated?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it.each([
    ['"Nul\\0byte"', 'U+0000 (NUL)'],
    ['"Esc\\ecape"', 'U+001B (ESC)'],
    ['"Right\u202Eto left"', 'U+202E (right-to-left override)'],
    ['"Isolated\u2067text"', 'U+2067 (right-to-left isolate)'],
  ])('refuses the title %s, which would reach <title> raw', (title, character) => {
    expect(build({ 'a.mdx': withFrontmatter(`title: ${title}`) }).errors).toEqual([
      `a.mdx:2: error: field \`title\`: \`title\` holds the invisible character ${character}, which would reach the page as it is: remove it`,
    ]);
  });

  it('refuses a control character in the text, with its line', () => {
    expect(build({ 'a.mdx': article('A', 'Fine.\n\nA bell \u0007 here.') }).errors).toEqual([
      'a.mdx:7:8: error: the invisible control character U+0007 is in the text: remove it (control characters are not allowed in web pages; they often come from text pasted from a terminal or decoded in the wrong encoding)',
    ]);
  });
});

describe('heading ids', () => {
  it("never gives a heading an id of the page's own parts, nor an empty one", () => {
    const slug = headingSlugger();
    expect(['References', 'What links here', '😀', '😀', 'Ref 1', 'Cite ref 2 a', 'Memory', 'Memory', 'See also'].map(slug)).toEqual([
      'references-1',
      'what-links-here-1',
      'section',
      'section-1',
      'ref-1-section',
      'cite-ref-2-a-section',
      'memory',
      'memory-1',
      'see-also',
    ]);
  });

  it('gives the pre-pass the ids the page has, for [[page#section]] links', () => {
    const parsed = parseArticle(article('A', '## References\n\n## 😀\n\n## Memory'), 'a.mdx');
    expect(parsed.ok && parsed.article.headings.map((h) => h.slug)).toEqual(['references-1', 'section', 'memory']);
  });
});

describe('files the build would publish', () => {
  it('refuses an image outside the content folder, a missing one and one that is no picture, with lines', () => {
    const { errors } = build({
      'hw/a.mdx': article(
        'A',
        '![chip](./chip.png) and ![up](../shared/logo.png)\n\n![out](../../outside/x.png)\n\n![missing](./nope.png)\n\n![notes](./notes.mdx)',
      ),
      'hw/chip.png': '',
      'shared/logo.png': '',
      'hw/notes.mdx': article('Notes'),
    });
    expect(errors).toEqual([
      'hw/a.mdx:7:1: error: the image `../../outside/x.png` is outside the content folder, whose files alone the build publishes: copy it into the content folder (beside the article) and write its path from there',
      'hw/a.mdx:9:1: error: `./nope.png` is not in the content folder (hw/nope.png): the image cannot be built; add the file beside the article, or correct the address',
      'hw/a.mdx:11:1: error: `./notes.mdx` is not a picture the build can publish: use a .png, .jpg, .gif, .webp, .avif or .svg file',
    ]);
  });

  it('refuses ids and aliases too long to be a folder of the site, naming the file', () => {
    const { errors } = build({ [`${'a'.repeat(240)}.mdx`]: article('Long'), 'b.mdx': article('B', '', `aliases: [${'x'.repeat(300)}]\n`) });
    expect(errors).toEqual([
      expect.stringMatching(
        /^a{240}\.mdx: error: the file's page id has a name of 240 bytes \(`a{24}…`\), longer than the 200 bytes a web address's folder may have: shorten the file name/,
      ),
      expect.stringMatching(/^b\.mdx:3: error: alias `x{40}…` has a name of 300 bytes/),
    ]);
  });

  it('says that a bibliography must be a BibTeX file', () => {
    const { errors } = build({ 'a.mdx': article('A', '', 'bibliography: ./target.mdx\n'), 'target.mdx': article('Target') });
    expect(errors).toEqual([
      'a.mdx:3: error: field `bibliography`: `./target.mdx` is not a BibTeX file: name a `.bib` file of the content folder, relative to the article, e.g. `bibliography: ./chips.bib`',
    ]);
  });

  it('gives an MDX error the line its text names when MDX gives it no place (an element never closed)', () => {
    const parsed = parseArticle(article('A', '<abbr title="x">y</abbr>\n\n<span>\nx'), 'a.mdx');
    expect(parsed.ok ? [] : parsed.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^a\.mdx:7:1: error: MDX cannot read this: Expected a closing tag for `<span>`/),
    ]);
  });

  it('refuses JSX or an expression inside a footnote, with its line (was 0:0)', () => {
    const parsed = parseArticle(article('A', 'Claim.[^a]\n\n[^a]: See <abbr title="x">X</abbr>, 2024.'), 'a.mdx');
    expect(parsed.ok ? [] : parsed.diagnostics.map(formatDiagnostic)).toEqual([
      "a.mdx:7:11: error: `<abbr>` inside a footnote: a footnote is text, with Markdown emphasis and links (`*title*`, `[site](https://…)`); write it so, or move the element into the article's text",
    ]);
  });
});
