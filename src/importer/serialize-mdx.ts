/**
 * mdast → MDX text, through mdast-util-to-markdown with the GFM and MDX extensions, so that every character
 * MDX would read as syntax (`{`, `<`, `*`, `[`, …) is escaped by the serializer rather than by hand.
 */
import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Options, type Unsafe } from 'mdast-util-to-markdown';
import { wikiLinkToMarkdown } from './wiki-link-to-markdown.ts';

/**
 * MDX reads a line starting with `import` or `export` as an ES module statement; writing the first letter as a
 * character reference (`&#x69;mport`) keeps it text.
 */
const esmUnsafe: Unsafe[] = [
  { atBreak: true, character: 'i', after: 'mport\\b' },
  { atBreak: true, character: 'e', after: 'xport\\b' },
];

const OPTIONS: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  resourceLink: true,
  extensions: [gfmToMarkdown(), mdxToMarkdown(), wikiLinkToMarkdown, { unsafe: esmUnsafe }],
};

export function serializeMdx(root: Root): string {
  return toMarkdown(root, OPTIONS);
}
