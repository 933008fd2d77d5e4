/**
 * Trust levels: what an article may use of MDX under `WIKI_TRUST=safe` (the default: no code) and
 * `trusted` (full MDX), judged from what the pre-pass recorded, with file, line and the setting that allows it.
 */
import { describe, expect, it } from 'vitest';
import { ContentError, formatDiagnostic } from '../../src/model/diagnostics.ts';
import { buildPageIndex } from '../../src/model/page-index.ts';
import { collectMdxFeatures } from '../../src/model/mdx-features.ts';
import { parseArticle, remarkTree } from '../../src/model/parse-article.ts';
import { mdxTrustDiagnostics, parseTrustLevel, type TrustLevel } from '../../src/model/trust.ts';
import { readSettings } from '../../src/content-folder/settings.ts';
import { article } from '../helpers/index.ts';

/** The errors of one article's body under `trust`, as the build prints them. */
function errorsUnder(trust: TrustLevel, body: string): string[] {
  const parsed = parseArticle(article('A', body), 'a.mdx');
  if (!parsed.ok) throw new Error(parsed.diagnostics.map(formatDiagnostic).join('\n'));
  return mdxTrustDiagnostics('a.mdx', parsed.article.mdx, trust).map(formatDiagnostic);
}

describe('the pre-pass records what an article uses of MDX, with where', () => {
  it('records imports, exports, expressions, attribute expressions, spreads and elements', () => {
    const features = collectMdxFeatures(
      remarkTree(
        article(
          'A',
          "import fs from 'node:fs'\nexport const x = 1, y = 2\n\nText {fs.readFileSync('/etc/passwd')} and <abbr title={x}>y</abbr> <Chart {...x} /> {/* a note */}",
        ),
      ),
    );
    expect(features.map(({ kind, name, line, column }) => `${line}:${column} ${kind} ${name}`)).toEqual([
      '5:1 import node:fs',
      '6:1 export x, y',
      "8:6 expression fs.readFileSync('/etc/passwd')",
      '8:43 element abbr',
      '8:49 attribute-expression abbr title',
      '8:68 element Chart',
      '8:75 spread-attribute Chart',
    ]);
    expect(features[0]?.declares).toEqual(['fs']);
    expect(features[1]?.declares).toEqual(['x', 'y']);
  });

  it('records nothing for plain Markdown, whatever the setting', () => {
    const parsed = parseArticle(article('A', 'Plain *Markdown* with a [[link]] and `{code}`.'), 'a.mdx');
    expect(parsed.ok && parsed.article.mdx).toEqual([]);
  });
});

describe('WIKI_TRUST=safe, the default: no code', () => {
  it.each([
    [
      "import fs from 'node:fs'",
      /^a\.mdx:5:1: error: `import` from `node:fs` is not allowed: articles hold no code under WIKI_TRUST=safe, the default\. .*WIKI_TRUST=trusted/,
    ],
    ["import data from '/etc/machine.json'", /^a\.mdx:5:1: error: `import` from `\/etc\/machine\.json` is not allowed/],
    ['export const x = 1', /^a\.mdx:5:1: error: `export` is not allowed: .*WIKI_TRUST=trusted/],
    [
      'Exit {process.exit(0)} now.',
      /^a\.mdx:5:6: error: the expression `\{process\.exit\(0\)\}` is code, which is not allowed: .*write `\\\{` and `\\\}`.*WIKI_TRUST=trusted/,
    ],
    ['<abbr title={"x"}>y</abbr>', /^a\.mdx:5:7: error: `title=\{…\}` on `<abbr>` is code, which is not allowed: .*`title="…"`/],
    [
      '<Chart data="x" />',
      /^a\.mdx:5:1: error: `<Chart>` is not one of the wiki's components \(`<Infobox>`, `<Figure>`, `<FeaturedArticle>`, `<RecentChanges>`, `<ArticlesByTopic>`, `<ArticleCount>`\): .*WIKI_TRUST=trusted/,
    ],
    ['<Charts.Bar />', /^a\.mdx:5:1: error: `<Charts\.Bar>` is not one of the wiki's components/],
    ['<>fragment</>', /^a\.mdx:5:1: error: `<>` fragments are not allowed/],
  ])('%j is refused', (body, error) => {
    const errors = errorsUnder('safe', body);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(error);
  });

  it('refuses spread attributes in any mode, as attributes the build cannot check (src/model/unsafe-content.ts)', () => {
    const parsed = parseArticle(article('A', '<span {...{ a: 1 }}>y</span>'), 'a.mdx');
    expect(parsed.ok ? [] : parsed.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^a\.mdx:5:1: error: `\{…\}` spread attributes are not allowed on `<span>`/),
    ]);
  });

  it('allows Markdown, HTML elements with attributes written as text, the wiki components and comments', () => {
    expect(errorsUnder('safe', '<abbr title="High Bandwidth Memory">HBM</abbr>, H<sub>2</sub>O, <kbd>Ctrl</kbd> {/* a note for editors */}')).toEqual([]);
    expect(
      errorsUnder('safe', '<Infobox title="H100">\n- Designer: [[nvidia]]\n</Infobox>\n\n<Figure src="/x.png" alt="A die shot" caption="A chip" />'),
    ).toEqual([]);
  });

  it('is the default of the setting and of the page index, and refuses the article with its line', () => {
    expect(readSettings({}).trust).toBe('safe');
    expect(readSettings({ WIKI_TRUST: 'trusted' }).trust).toBe('trusted');
    expect(() => parseTrustLevel('yes')).toThrow(
      'WIKI_TRUST must be `safe` (the default: articles hold no code) or `trusted` (full MDX, code runs at build time), not `yes`',
    );
    const sources = new Map([['a.mdx', article('A', 'Two is {1 + 1}.')]]);
    expect(() => buildPageIndex(sources)).toThrow(ContentError);
    try {
      buildPageIndex(sources);
    } catch (error) {
      expect((error as ContentError).diagnostics.map(formatDiagnostic)).toEqual([
        expect.stringMatching(/^a\.mdx:5:8: error: the expression `\{1 \+ 1\}` is code/),
      ]);
    }
    expect(buildPageIndex(sources, undefined, { trust: 'trusted' }).pages.size).toBe(1);
  });
});

describe('WIKI_TRUST=trusted: full MDX, with mistakes named before the compiler meets them', () => {
  it('keeps imports, exports and expressions', () => {
    expect(errorsUnder('trusted', "import Chart from './chart.astro'\nexport const total = 2\n\n<Chart data={total} /> is {total * 2}.")).toEqual([]);
  });

  it.each([
    [
      'export const frontmatter = { title: "B" }',
      /^a\.mdx:5:1: error: `export const frontmatter` repeats the frontmatter, .*move its fields there and remove the export/,
    ],
    ['export function getHeadings() { return [] }', /^a\.mdx:5:1: error: `getHeadings` is exported by the build itself for every article: rename the export/],
    ['export const a = 1\n\nexport const a = 2', /^a\.mdx:7:1: error: `a` is declared twice \(first at line 5\)/],
    ['<Chart data="x" />', /^a\.mdx:5:1: error: `<Chart>` is not defined: import it at the top of the article \(`import Chart from '…'`\)/],
  ])('%j is refused', (body, error) => {
    const errors = errorsUnder('trusted', body);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(error);
  });
});
