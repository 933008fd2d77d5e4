/**
 * Reading an article takes time linear in its size: absurd nesting, and paragraphs that remark (micromark)
 * would read in quadratic time, are refused with file, line and what to change, before any reading that
 * would take longer; nothing ends in "Maximum call stack size exceeded". A property test over generated
 * nesting and emphasis holds every article of up to 1 MB to that.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/model/diagnostics.ts';
import { parseArticle } from '../../src/model/parse-article.ts';
import { MAX_NESTING, markCostProblem, textNestingProblem } from '../../src/model/reading-limits.ts';
import { article } from '../helpers/index.ts';

/** The errors of an article with `body`, as the build prints them; [] when it is read. */
function errorsOf(body: string): string[] {
  const parsed = parseArticle(article('A', body), 'a.mdx');
  return parsed.ok ? [] : parsed.diagnostics.map(formatDiagnostic);
}

const nestedList = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');

describe('nesting', () => {
  it.each([
    ['lists, one level a line', nestedList(MAX_NESTING + 1), /^a\.mdx:\d+:1: error: lists and block quotes are nested more than 100 levels deep/],
    [
      'lists, all on one line (40 KB)',
      `${'- '.repeat(20_000)}x`,
      /^a\.mdx:5:1: error: lists and block quotes are nested more than 100 levels deep.*flatten the nesting/,
    ],
    ['ordered lists', `${'1. '.repeat(5_000)}x`, /^a\.mdx:5:1: error: lists and block quotes are nested more than 100/],
    ['block quotes', `${'> '.repeat(8_000)}x`, /^a\.mdx:5:1: error: lists and block quotes are nested/],
    ['quotes of lists', `${'> - '.repeat(4_000)}x`, /^a\.mdx:5:1: error: lists and block quotes are nested/],
    ['elements', `${'<span>'.repeat(4_000)}x${'</span>'.repeat(4_000)}`, /^a\.mdx:5:\d+: error: elements are nested more than 100 levels deep/],
    ['emphasis', `${'*a '.repeat(150)}x${' b*'.repeat(150)}`, /^a\.mdx:5:\d+: error: emphasis and links are nested more than 100 levels deep/],
    ['emphasis, 4,000 deep', `${'*a '.repeat(4_000)}x${' b*'.repeat(4_000)}`, /^a\.mdx:5:\d+: error: /],
    ['strong emphasis', `${'**a '.repeat(150)}x${' b**'.repeat(150)}`, /^a\.mdx:5:\d+: error: emphasis and links are nested more than 100 levels deep/],
  ])('%s: refused with the line', (_, body, error) => {
    const errors = errorsOf(body);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(error);
    expect(errors[0]).not.toContain('Maximum call stack');
  });

  it('reads a hundred levels, and sixty lists and quotes of an ordinary deep article', () => {
    expect(errorsOf(nestedList(MAX_NESTING))).toEqual([]);
    expect(errorsOf(`${'> '.repeat(60)}sixty quotes deep\n\n${nestedList(60)}`)).toEqual([]);
  });

  it('counts neither code, nor the frontmatter, nor a thematic break as nesting', () => {
    expect(
      textNestingProblem(
        `---\ntitle: x\n---\n\n\`\`\`\n${'- '.repeat(500)}x\n${'<div>'.repeat(500)}\n\`\`\`\n\nText with \`<div>\` in code, ${'`<span>` '.repeat(200)}.\n\n- - -\n`,
      ),
    ).toBeUndefined();
  });
});

describe('marks per paragraph', () => {
  it('refuses a paragraph a parser would read in quadratic time, naming its line, before reading it', () => {
    const message =
      /error: this paragraph holds too many marks \(`\*`, `_`, `\[`, `\]`, `<`, `\{`, …\) to be read in reasonable time .*split the paragraph into shorter ones/;
    // remark (an article with MDX of its own) would take minutes over these, satteri over the next.
    expect(errorsOf(`<abbr title="x">y</abbr>\n\nFine.\n\n${'a* '.repeat(20_000)}`)).toEqual([
      expect.stringMatching(new RegExp(`^a\\.mdx:9:1: ${message.source}`)),
    ]);
    expect(errorsOf(`<abbr title="x">y</abbr> ${'[[a '.repeat(10_000)}`)).toEqual([expect.stringMatching(new RegExp(`^a\\.mdx:5:1: ${message.source}`))]);
    expect(errorsOf(`x${'</span>'.repeat(10_000)}`)).toEqual([expect.stringMatching(new RegExp(`^a\\.mdx:5:1: ${message.source}`))]);
    expect(errorsOf(`${'a { '.repeat(10_000)}`)).toEqual([expect.stringMatching(message)]);
  });

  it('reads as many marks spread over paragraphs', () => {
    expect(errorsOf(`${'Some *emphasis*, a [[link]] and [another](https://e.org). '.repeat(20)}\n\n`.repeat(500))).toEqual([]);
  });

  it('counts a table row by row, a list item by item, and code not at all', () => {
    const row = `| [[a]] *b* [c](https://e.org) | ${'x* '.repeat(20)} |\n`;
    expect(markCostProblem(`| a | b |\n|---|---|\n${row.repeat(5_000)}`)).toBeUndefined();
    expect(markCostProblem(`${'- [[a]] *b* [c](https://e.org) x* x* x*\n'.repeat(5_000)}`)).toBeUndefined();
    expect(markCostProblem(`${Array.from({ length: 3_000 }, (_, i) => `${i + 1}. [[a]] *b* [c](https://e.org)`).join('\n')}`)).toBeUndefined();
    expect(markCostProblem(`\`\`\`\n${'a* [['.repeat(50_000)}\n\`\`\``)).toBeUndefined();
  });

  it('is not fooled by lines that only look like the end of a paragraph', () => {
    // Inside a paragraph, `2.` starts no list, `*` alone starts no item, `#x` is no heading, and ```` ```a`b ```` is no fence.
    for (const fake of ['2. ', '*\n', '#x ', '```a`b\n']) {
      expect(markCostProblem(`Start\n${`${fake}${'a* '.repeat(30)}\n`.repeat(3_000)}`), JSON.stringify(fake)).toBeDefined();
    }
  });
});

/** Generated articles: nesting of every kind, emphasis and brackets, plain or with MDX of their own, up to 1 MB. */
const body = fc
  .tuple(
    fc.constantFrom(
      '- ',
      '1. ',
      '> ',
      '> - ',
      '*a ',
      '**a ',
      '_a ',
      '[',
      '<span>',
      'a* ',
      'a] ',
      'a]( ',
      '[[a ',
      '[@a ',
      '`a ',
      '~~a ',
      '[[a]] ',
      'Text. ',
      'a < ',
      'a { ',
    ),
    fc.constantFrom(' b*', ' b**', ' b_', '](https://e.org)', '</span>', '', ']]', ' }'),
    fc.integer({ min: 1, max: 120_000 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([open, close, count, mdx, newlines]) => {
    const times = Math.max(1, Math.min(count, Math.floor(1_000_000 / (open.length + close.length + 1))));
    const separator = newlines ? '\n' : '';
    return `${mdx ? '<abbr title="x">y</abbr>\n\n' : ''}${`${open}${separator}`.repeat(times)}x${close.repeat(times)}`;
  });

describe('reading is linear', () => {
  it('reads or refuses, with a line, every generated article of up to 1 MB within a few seconds', () => {
    fc.assert(
      fc.property(body, (generated) => {
        const started = performance.now();
        const parsed = parseArticle(article('A', generated), 'a.mdx');
        const seconds = (performance.now() - started) / 1000;
        if (!parsed.ok) {
          for (const diagnostic of parsed.diagnostics) {
            expect(diagnostic.line).toBeGreaterThan(0);
            expect(diagnostic.message).not.toContain('Maximum call stack');
          }
        }
        // A wide margin over what a quiet machine takes (about 2 s for 1 MB), so that a busy one does not fail
        // it; what it catches is a quadratic reading, which takes minutes at this size.
        expect(seconds, `${generated.length} bytes: ${generated.slice(0, 60)}…`).toBeLessThan(30);
      }),
      // Each run reads up to 1 MB: a few runs a test, a new sample each time (fast-check prints the seed of a failure).
      { numRuns: 12, endOnFailure: true },
    );
  }, 900_000);
});
