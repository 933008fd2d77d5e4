/**
 * Inline Markdown written outside the article's body: an infobox row, a figure's caption or credit, a chart's
 * source. It is read as the body is (satteri: GFM, `$` math, wiki links; prose dollars stay prose) into
 * phrasing content that joins the article's tree, so its wiki links count in the link graph and its
 * citations join the article's References. Pure: text in, nodes out.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { markdownToMdast } from 'satteri';
import type { Point } from 'unist';
import { readWithProseDollars } from './prose-dollars.ts';
import { wikiLinkSyntaxOptions, type WikiLinkNode } from './wiki-link-node.ts';

const FEATURES = { gfm: true, math: true, wikilinks: true, frontmatter: false } as const;

/** A footnote call `[^label]` left as text by the reader (its definition is in the body, not in this text). */
const FOOTNOTE_CALL = /\[\^([^\]\s]+)\]/g;

/**
 * `text` as phrasing content, every node placed at `at` (the line of the field, attribute or title that holds
 * it: the text's own positions are not positions in the article). `footnotes` are the identifiers (lower
 * case) of the article's footnote definitions: a call to one of them becomes a footnote reference.
 */
export function parseInlineMarkdown(text: string, at: Point, footnotes: ReadonlySet<string>): PhrasingContent[] {
  const value = text.replace(/\s*\n\s*/g, ' ').trim();
  if (value === '') return [];
  if (AUTOLINK.test(value)) return readInlineMarkdown(value, at, footnotes);
  if (PLAIN.test(value)) return settle([{ type: 'text', value }], value, at, footnotes);
  return callsAndLinks(value, at, footnotes) ?? readInlineMarkdown(value, at, footnotes);
}

/**
 * Text in which Markdown finds nothing to read (most infobox values: `80 GB`, `2022`, `TSMC N4`): letters,
 * digits, spaces and punctuation that starts no inline construct. Markdown reads it as one text, or as a
 * block (`1. x`, `- x`, `---`) that is then shown as written: the same text either way, without the parser.
 * tests/unit/inline-markdown.test.ts holds both ways to the same nodes.
 */
const PLAIN = /^[\p{L}\p{N} ,.;:()%'"/+=?\u2013\u2014-]*$/u;
/**
 * A footnote call of the article (`[^n1]`) or a wiki link (`[[target]]`, `[[target|text]]`) amid plain text: most
 * of the values that are not plain (`73.5 TB/s[^n1]`, `80 GB [[hbm|HBM3]]`). Neither is read so before `(`, `[` (but
 * a call before another call) or `:`, after which Markdown could read a link or a definition, nor a link with an empty
 * text after `|`.
 */
const CALL_OR_LINK =
  /\[\^([\p{L}\p{N}_-]+)\](?![(:]|\[(?!\^))|\[\[([\p{L}\p{N} ,.;:()%'"/+=?\u2013\u2014_#-]+(?:\|[\p{L}\p{N} ,.;:()%'"/+=?\u2013\u2014-]+)?)\]\](?![([:])/gu;
/** Plain text that Markdown reads as the start of a block (a list item, a rule), where links are not read. */
const BLOCK_START = /^(?:\d{1,9}[.)](?:\s|$)|[-+=])/;

/**
 * `parseInlineMarkdown` of plain text with footnote calls of the article and wiki links, without the reader;
 * undefined for any other text. tests/unit/inline-markdown.test.ts holds it to the reader's nodes.
 */
export function callsAndLinks(value: string, at: Point, footnotes: ReadonlySet<string>): PhrasingContent[] | undefined {
  if (BLOCK_START.test(value)) return undefined;
  const position = positionAt(at);
  const nodes: PhrasingContent[] = [];
  let text = '';
  let last = 0;
  for (const match of value.matchAll(CALL_OR_LINK)) {
    const between = value.slice(last, match.index);
    if (!PLAIN.test(between)) return undefined;
    last = match.index + match[0].length;
    const [call, label, link] = match;
    if (label !== undefined) {
      // Kept in the text, which settles into text and footnote references below, as the reader's does.
      if (!footnotes.has(label.toLowerCase())) return undefined;
      text += between + call;
      continue;
    }
    if (text + between) nodes.push(...footnoteCalls(text + between, footnotes).map((part) => ({ ...part, position })));
    text = '';
    nodes.push(wikiLinkOf(link ?? '', position));
  }
  const rest = value.slice(last);
  if (!PLAIN.test(rest)) return undefined;
  if (text + rest) nodes.push(...footnoteCalls(text + rest, footnotes).map((part) => ({ ...part, position })));
  return nodes;
}

/** GFM's autolinks without brackets, which plain characters can spell. */
const AUTOLINK = /www\.|:\/\/|mailto:|xmpp:/i;

/** `parseInlineMarkdown` through the Markdown reader, whatever the text (exported for the tests). */
export function readInlineMarkdown(value: string, at: Point, footnotes: ReadonlySet<string>): PhrasingContent[] {
  const tree = readWithProseDollars(value, (source) => markdownToMdast(source, { features: FEATURES }) as unknown as Root);
  const blocks = tree.children;
  // Text that Markdown would read as a block (`- item`, `# title`) is shown as written.
  const paragraph = blocks.length === 1 && blocks[0]?.type === 'paragraph' ? (blocks[0] as Paragraph) : undefined;
  const nodes: PhrasingContent[] = paragraph ? paragraph.children : [{ type: 'text', value }];
  return settle(nodes, value, at, footnotes);
}

/** Where every node of the text is placed: at `at`, with an offset (HTML tools that read positions expect one). */
function positionAt(at: Point): NonNullable<WikiLinkNode['position']> {
  const point = { line: at.line, column: at.column, offset: at.offset ?? 0 };
  return { start: point, end: { ...point } };
}

function settle(nodes: PhrasingContent[], source: string, at: Point, footnotes: ReadonlySet<string>): PhrasingContent[] {
  const position = positionAt(at);
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'link' && isWikiLink(node, source)) return [wikiLink(node, source, position)];
    // Raw HTML has no place in a field: shown as the text it is.
    if (node.type === 'html') return [{ type: 'text', value: node.value, position }];
    if (node.type === 'text') return footnoteCalls(node.value, footnotes).map((part) => ({ ...part, position }));
    const copy = { ...node, position } as PhrasingContent;
    if ('children' in copy) (copy as { children: PhrasingContent[] }).children = settle(copy.children as PhrasingContent[], source, at, footnotes);
    return [copy];
  });
}

function isWikiLink(node: RootContent, source: string): boolean {
  const start = node.position?.start.offset;
  return start !== undefined && source.startsWith('[[', start);
}

/** satteri's `link` written `[[target|text]]` as remark-wiki-link's node, with what was written after `|`. */
function wikiLink(node: RootContent, source: string, position: WikiLinkNode['position']): WikiLinkNode {
  return wikiLinkOf(source.slice((node.position?.start.offset ?? 0) + 2, (node.position?.end.offset ?? 0) - 2), position);
}

/** A wiki link of what is written between `[[` and `]]`. */
function wikiLinkOf(inner: string, position: WikiLinkNode['position']): WikiLinkNode {
  const divider = inner.indexOf(wikiLinkSyntaxOptions.aliasDivider);
  const target = divider === -1 ? inner : inner.slice(0, divider);
  const alias = divider === -1 ? null : inner.slice(divider + 1).trim();
  return { type: 'wikiLink', value: target, data: { alias: alias ?? target, writtenAlias: alias }, position };
}

/** Split a text at the footnote calls whose definitions the article has. */
function footnoteCalls(value: string, footnotes: ReadonlySet<string>): Array<Text | Extract<PhrasingContent, { type: 'footnoteReference' }>> {
  const parts: Array<Text | Extract<PhrasingContent, { type: 'footnoteReference' }>> = [];
  let last = 0;
  for (const match of value.matchAll(FOOTNOTE_CALL)) {
    const label = match[1] ?? '';
    const identifier = label.toLowerCase();
    if (!footnotes.has(identifier)) continue;
    if (match.index > last) parts.push({ type: 'text', value: value.slice(last, match.index) });
    parts.push({ type: 'footnoteReference', identifier, label });
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}

/** The identifiers of the footnote definitions of an article's tree. */
export function footnoteIdentifiers(tree: Root): Set<string> {
  const ids = new Set<string>();
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'footnoteDefinition') ids.add(node.identifier);
      else if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  return ids;
}
