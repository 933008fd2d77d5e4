/**
 * Nothing is lost: for every fixture, each word of the DokuWiki source appears at least as often in what the
 * compiled article shows (text, link targets, image sources and captions, frontmatter) or in the import report.
 * The source's words are counted crudely, without the importer's parser: markup tag names are left out, and a
 * footnote repeated word for word counts once, since it becomes one shared definition.
 */
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/importer/report.ts';
import { compileArticle, convertFixture, fixtureNames, splitFrontmatter, visibleStrings, wordCounts } from './helpers.ts';

/** Names of DokuWiki markup, not text: `<code>`, `~~NOTOC~~`, `[[wp>…]]`, `{{…?linkonly}}`. */
const MARKUP_WORDS = new Set(['code', 'file', 'nowiki', 'sub', 'sup', 'del', 'html', 'php', 'notoc', 'nocache', 'wp', 'wpde', 'doku', 'linkonly', 'tag']);

/** The source with every repeat of an identical footnote removed. */
function withoutRepeatedFootnotes(source: string): string {
  const seen = new Set<string>();
  return source.replace(/\(\((.*?)\)\)/gs, (whole, inner: string) => {
    const key = inner.trim().replace(/\s+/g, ' ');
    if (seen.has(key)) return ' ';
    seen.add(key);
    return whole;
  });
}

describe('every word of the source reaches the article or the report', () => {
  it.each(fixtureNames())('%s', async (name) => {
    const { input, page } = convertFixture(name);
    const tree = await compileArticle(page.mdx);
    const { data } = splitFrontmatter(page.mdx);
    const shown = [...visibleStrings(tree), ...Object.values(data).flat().map(String), formatReport([{ file: 'input.txt', report: page.report }])].join(' ');
    const have = wordCounts(shown);
    const missing: string[] = [];
    for (const [word, count] of wordCounts(withoutRepeatedFootnotes(input))) {
      if (MARKUP_WORDS.has(word)) continue;
      const found = have.get(word) ?? 0;
      if (found < count) missing.push(`${word} (${found} of ${count})`);
    }
    expect(missing).toEqual([]);
  });
});
