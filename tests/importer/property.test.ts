/**
 * Property: for any DokuWiki-like text, the importer returns without throwing, and the article it writes
 * compiles with @mdx-js/mdx (GFM and wiki links on), so an import can never leave the site unbuildable.
 */
import fc from 'fast-check';
import type { Element, Root as HastRoot } from 'hast';
import { describe, expect, it } from 'vitest';
import { convertPage } from '../../src/importer/convert-page.ts';
import { compileArticle, splitFrontmatter } from './helpers.ts';

/** Pieces of DokuWiki markup, things MDX reads as syntax, and words, to be strung together at random. */
const PIECES = [
  '**',
  '//',
  '__',
  "''",
  '<sub>',
  '</sub>',
  '<sup>',
  '</sup>',
  '<del>',
  '</del>',
  '((',
  '))',
  '[[',
  ']]',
  '|',
  '{{',
  '}}',
  '\\\\',
  '\\',
  '\n',
  '\n\n',
  '\n  * ',
  '\n  - ',
  '\n    * ',
  '\n^ ',
  ' ^ ',
  '\n| ',
  ' | ',
  '\n> ',
  '\n>> ',
  '\n====== ',
  ' ======\n',
  '\n== ',
  ' ==',
  '\n----\n',
  '<code>',
  '</code>',
  '<code js x.js>',
  '<file>',
  '</file>',
  '%%',
  '<nowiki>',
  '</nowiki>',
  '<html>',
  '</html>',
  '<PHP>',
  '</PHP>',
  '<WRAP box>',
  '</WRAP>',
  '{',
  '}',
  '<',
  '>',
  '<b',
  '<!--',
  '-->',
  'import ',
  'export ',
  '\nimport x from "y"\n',
  '~~NOTOC~~',
  '~~NOCACHE~~',
  '~~FOO~~',
  'http://example.com/a?b=1&c',
  'www.example.org',
  '<a@b.org>',
  'wp>',
  'doku>',
  'nosuch>',
  ':',
  '.:',
  '..:',
  '#',
  '?',
  '?50x20',
  ' ',
  '  ',
  '\t',
  '*',
  '_',
  '-',
  '=',
  '!',
  '[',
  ']',
  '(',
  ')',
  '`',
  '```',
  '$',
  '&amp;',
  '&',
  ':::',
  '{{tag>x y}}',
  '{{rss>http://x}}',
  '[^x]',
  '1. ',
  '+ ',
  'word',
  'Word',
  'über',
  '日本語',
  '😀',
  '\u00a0',
  '\r\n',
  '@',
  '"',
  "'",
  ',',
  '.',
  '/',
];

const dokuwikiText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(''));

describe('importer on random DokuWiki-like text', () => {
  it('never throws and always writes MDX that compiles', async () => {
    await fc.assert(
      fc.asyncProperty(dokuwikiText, async (source) => {
        const page = convertPage(source, { id: 'ns:random' });
        expect(splitFrontmatter(page.mdx).data.title).toEqual(expect.any(String));
        await compileArticle(page.mdx);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

/** Tags and line breaks, which MDX reads as a block of JSX when a line holds nothing else. */
const TAG_PIECES = [
  '<sub>',
  '</sub>',
  '<sup>',
  '</sup>',
  '__',
  '\n',
  '\\\\ ',
  ' ',
  'a',
  'www.x.org',
  '<del>',
  '</del>',
  '**',
  "''",
  '{{a.png}}',
  '\n  * ',
  '\n\n',
  ' \n',
  '//',
];
const taggedText = fc.array(fc.constantFrom(...TAG_PIECES), { maxLength: 16 }).map((parts) => parts.join(''));

/** The names of the inline elements the importer writes as tags that stand outside any paragraph. */
function strayTags(tree: HastRoot): string[] {
  return tree.children
    .filter((node): node is Element => node.type === 'element' && ['sub', 'sup', 'u', 'span'].includes(node.tagName))
    .map((node) => node.tagName);
}

describe('importer on text with inline tags and line breaks', () => {
  it('keeps every tag inside its paragraph', async () => {
    await fc.assert(
      fc.asyncProperty(taggedText, async (source) => {
        const tree = await compileArticle(convertPage(source, { id: 'ns:tags' }).mdx);
        expect(strayTags(tree)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
