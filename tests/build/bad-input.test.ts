/**
 * The corpus of bad input (tests/fixtures/bad/<case>/), checked where the build
 * decides: the page index, the link graph and the references index, without
 * rendering. Every case is either published as pages or stopped with an error
 * that names the file, the line and the fix. tests/build/bad-input-build.test.ts
 * renders the cases that publish pages (and a generated 1 MB article) and checks what readers get.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, formatDiagnostic, type Diagnostic } from '../../src/model/diagnostics.ts';
import { buildLinkGraph } from '../../src/model/link-graph.ts';
import { loadPageIndex } from '../../src/content-folder/read-folder.ts';
import { buildReferenceIndex } from '../../src/model/references-index.ts';
import { repoRoot } from '../helpers/build-site.ts';

const badFixtures = join(repoRoot, 'tests/fixtures/bad');

interface Outcome {
  pages: string[];
  errors: string[];
  warnings: string[];
}

/** What the build decides for a content folder before rendering: its pages, or its errors. */
function outcomeOf(dir: string): Outcome {
  try {
    const index = loadPageIndex(dir);
    const graph = buildLinkGraph(index);
    const references = buildReferenceIndex(index);
    const all: Diagnostic[] = [...index.warnings, ...graph.diagnostics, ...references.diagnostics];
    return {
      pages: [...index.pages.keys()].sort(),
      errors: all.filter((d) => d.severity === 'error').map(formatDiagnostic),
      warnings: all.filter((d) => d.severity === 'warning').map(formatDiagnostic),
    };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { pages: [], errors: error.diagnostics.map(formatDiagnostic), warnings: [] };
  }
}

/** Cases the build stops, with the start of each error (file:line) and words of its fix. */
const stopped: Record<string, Array<[where: RegExp, fix: string]>> = {
  'malformed-frontmatter': [[/^broken_yaml\.mdx:4: error: the frontmatter is not valid YAML/, 'quote values that contain']],
  'missing-title': [[/^untitled\.mdx:1: error: field `title`/, 'add `title: Your Title`']],
  'alias-cycle': [
    [/^cycle_a\.mdx:3: error: alias `cycle_b` is the id of the article cycle_b\.mdx/, 'remove the alias, or rename that article'],
    [/^cycle_b\.mdx:3: error: alias `cycle_a` is the id of the article cycle_a\.mdx/, 'remove the alias, or rename that article'],
  ],
  'case-clash': [[/^nvidia\.mdx: error: its id `nvidia` is also the id of Nvidia\.mdx/, 'rename one of the two files']],
  'alias-equals-id': [[/^ascend\.mdx:3: error: alias `Huawei` is the id of the article huawei\.mdx/, 'remove the alias']],
  'empty-file': [[/^empty\.mdx:1: error: the article has no frontmatter/, 'start the file with `---`']],
  'unsafe-urls': [
    [/^unsafe_urls\.mdx:5:3: error: the address `javascript:…`/, 'link to a web address'],
    [/^unsafe_urls\.mdx:7:3: error: the address `data:…`/, 'link to a web address'],
    [/^unsafe_urls\.mdx:11:1: error: the address `javascript:…`/, 'link to a web address'],
  ],
  'script-in-content': [
    [/^script_in_content\.mdx:7:1: error: `<script>` is not allowed/, 'remove it'],
    [/^script_in_content\.mdx:9:1: error: the event handler `onClick` on `<a>`/, 'remove it'],
  ],
  'footnote-undefined': [[/^footnote_undefined\.mdx:5: error: footnote `\[\^missing\]` has no definition/, 'add a line `[^missing]:']],
  'unknown-citation': [[/^unknown_citation\.mdx:5:\d+: error: citation `@nosuchkey2026` is not in the bibliography/, 'correct the key']],
  'mdx-syntax': [[/^mdx_syntax\.mdx:7:\d+: error: MDX cannot read this/, 'write `\\{`']],
  'import-in-prose': [[/^import_in_prose\.mdx:7:\d+: error: MDX reads a line that starts with `import`/, 'reword the line']],
  'bad-tex': [
    [/^bad_tex\.mdx:5:13: error: TeX error in `\$L = \\fraac\{A\}\{N\}\$`: Unsupported function name: \\fraac/, 'correct the formula'],
    [/^bad_tex\.mdx:7:1: error: TeX error in `\$\$\\frac\{a\}\{b…\$\$`: Unexpected end of input/, 'correct the formula'],
  ],
  'bad-chart': [
    [/^bad_chart\.mdx:6: error: unknown chart type `pie`/, 'use `bar`, `line`, `scatter`'],
    [/^bad_chart\.mdx:18: error: `y: bandwith` names no column of the chart's `data`/, 'use one of `chip`, `bandwidth`'],
    [/^bad_chart\.mdx:30: error: `bandwidth` in row 2 of the chart's `data` is `4\.8 TB\/s`, not a number/, 'put the unit in `unit:`'],
    [/^bad_chart_files\.mdx:5: error: the chart's data file `\.\/nowhere\.csv` does not exist/, 'create it beside the article'],
    [/^bad_chart_files\.mdx:13: error: `y: speed` names no column of `\.\/numbers\.csv`/, 'use one of `year`, `value`'],
    [/^bad_chart_files\.mdx:21: error: `value` in row 2 of `\.\/numbers\.csv` is `two`, not a number/, '(line 3 of numbers.csv)'],
  ],
  'unknown-callout': [[/^unknown_callout\.mdx:5: error: unknown callout type `\[!INFO\]`/, 'use one of `[!NOTE]`']],
  'bad-infobox': [[/^bad_infobox\.mdx:3: error: field `infobox`: the picture needs a text alternative/, 'add `alt: What the picture shows`']],
  'bad-component': [
    [/^bad_component\.mdx:5: error: `<Figure>` needs a text alternative/, 'add `alt="What the picture shows"`'],
    [/^bad_component\.mdx:7: error: `<Figure>` has no attribute `size`/, 'use `src`, `alt`, `caption`, `credit`'],
    [/^bad_component\.mdx:9: error: `<Infobox>` holds its rows as one list/, '- Designer: [[nvidia]]'],
  ],
};

/** Cases that publish, with the page ids they give. Their rendering is checked in bad-input-build.test.ts. */
const published: Record<string, string[]> = {
  'unclosed-link': ['unclosed_link'],
  'link-in-code': ['link_in_code'],
  'self-link': ['self_link'],
  'namespace-and-article': ['hardware', 'hardware:h100_ns'],
  'non-ascii-ids': ['ascend_910b', 'emile', '华为'],
  'deep-nesting': ['deep_nesting'],
  'html-in-text': ['html_in_text'],
};

describe('the corpus of bad input', () => {
  it('has a verdict for every case folder, and a folder for every verdict', () => {
    const folders = readdirSync(badFixtures).sort();
    expect(folders).toEqual([...Object.keys(stopped), ...Object.keys(published)].sort());
  });

  describe.each(Object.entries(stopped))('%s: the build stops', (name, expected) => {
    const outcome = outcomeOf(join(badFixtures, name));
    it('with one error per problem, naming the file, the line and the fix', () => {
      expect(outcome.errors).toHaveLength(expected.length);
      for (const [index, [where, fix]] of expected.entries()) {
        expect(outcome.errors[index]).toMatch(where);
        expect(outcome.errors[index]).toContain(fix);
      }
    });
    it('and reads as sentences, not a stack trace', () => {
      for (const error of outcome.errors) expect(error).not.toMatch(/\n\s+at |node_modules|TypeError|\bundefined\b/);
    });
  });

  describe.each(Object.entries(published))('%s: publishes', (name, pages) => {
    it(`its pages ${pages.join(', ')}, with no error`, () => {
      const outcome = outcomeOf(join(badFixtures, name));
      expect(outcome.errors).toEqual([]);
      expect(outcome.pages).toEqual(pages);
    });
  });

  it('warns, with file and line, about a link to a section that does not exist, in a non-ASCII page', () => {
    expect(outcomeOf(join(badFixtures, 'non-ascii-ids')).warnings).toEqual([
      expect.stringMatching(/^Émile\.mdx:5:\d+: warning: `\[\[华为#Nope\]\]`: "华为" has no section `#nope`/),
    ]);
  });
});
