/**
 * Read one article's source into what the rest of the build needs to know
 * about it before anything is rendered: frontmatter, heading anchors, wiki
 * links (with line and the sentence around them) and its lead. Pure: text in,
 * data out; the page index calls it once per file per build.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkWikiLink from 'remark-wiki-link';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import { collectCitations, type ArticleCitations } from './references.ts';
import { articleSchema, describeSchemaIssues, type ArticleFrontmatter } from './schema.ts';
import { unsafeContentDiagnostics } from './unsafe-content.ts';
import { isWikiList, readWikiList, type WikiListUse } from './wiki-lists.ts';
import { readArticleTree, satteriTree, type TreeReader } from './satteri-reader.ts';
import { wikiLinkSyntaxOptions, writtenAlias, writtenTarget, type WikiLinkNode } from './wiki-link-node.ts';

export interface HeadingInfo {
  depth: number;
  text: string;
  /** The anchor id the rendered page gives this heading. */
  slug: string;
}

export interface WikiLinkOccurrence {
  /** The target as written, e.g. `hardware:ascend_910b#memory`. */
  target: string;
  /** The text after `|`, if any. */
  alias?: string;
  line: number;
  column: number;
  /** The sentence the link stands in, for "What links here" (with link-text markers, see `linkTextToPlain`). */
  context: string;
}

export interface ParsedArticle {
  frontmatter: ArticleFrontmatter;
  headings: HeadingInfo[];
  links: WikiLinkOccurrence[];
  /** The first paragraph, for previews when there is no description (with link-text markers). */
  lead: string;
  /** The first image with an address a preview can show as is (`https://…` or `/…` from public/), for link previews. */
  image?: { src: string; alt: string };
  /** Footnotes and `[@key]` citations, with lines, for the References section, the Sources page and their errors. */
  citations: ArticleCitations;
  /** The line of the `aliases:` field (or of the frontmatter's start), for errors about an alias. */
  aliasesLine: number;
  /** The wiki's lists the article embeds (`<RecentChanges />`…: src/model/wiki-lists.ts), checked. */
  lists: WikiListUse[];
  /**
   * True when the article uses no MDX of its own (no `import`/`export`, JSX element or `{expression}`):
   * it is then rendered straight to HTML and cached by the content layer (src/lib/article-loader.ts)
   * instead of being compiled to a JavaScript module.
   */
  markdownOnly: boolean;
}

export type ParseResult =
  | { ok: true; article: ParsedArticle; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkWikiLink, wikiLinkSyntaxOptions);

/**
 * The tree remark reads (remark-parse with MDX, GFM, YAML frontmatter and remark-wiki-link): the reader of
 * the pages themselves (src/render/pipeline.ts), and the one whose errors the pre-pass reports.
 */
export const remarkTree: TreeReader = (source) => parser.parse(source);

interface PositionedError {
  message: string;
  reason?: string;
  line?: number;
  column?: number;
  place?: { line?: number; column?: number; start?: { line: number; column: number } };
}

function mdxSyntaxDiagnostic(file: string, error: PositionedError): Diagnostic {
  const place = error.place && 'start' in error.place && error.place.start ? error.place.start : error.place;
  const line = error.line ?? place?.line;
  const column = error.column ?? place?.column;
  const reason = error.reason ?? error.message;
  // MDX reads a line that starts with `import` or `export` as JavaScript, even in the middle of prose.
  const esm = /import\/exports?/.test(reason);
  return {
    severity: 'error',
    file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    message: esm
      ? 'MDX reads a line that starts with `import` or `export` as JavaScript: reword the line so that it starts with another word (e.g. `Imports of …`), or join it to the line before'
      : `MDX cannot read this: ${reason}. ` +
        'In prose, write `\\{`, `\\}` and `\\<` for literal braces and angle brackets, and do not start a line with `import` or `export`.',
  };
}

/**
 * A wiki link written without text reads as its target's title, which is only
 * known once every page is indexed: plain text keeps a marker around the
 * target, and `linkTextToPlain` swaps in the title.
 */
export const LINK_TEXT_START = '\u{E000}';
export const LINK_TEXT_END = '\u{E001}';
const LINK_TEXT_MARKER = /\u{E000}([^\u{E001}]*)\u{E001}/gu;

/** Replace link-text markers with the text `title(target)` gives. */
export function linkTextToPlain(text: string, title: (target: string) => string): string {
  return text.replace(LINK_TEXT_MARKER, (_, target: string) => title(target));
}

/** The text of a node, with a wiki link read as its written text (or a marker for its target's title). */
function plainText(node: RootContent | Root, source: string): string {
  if (node.type === 'wikiLink') {
    const alias = writtenAlias(node, source);
    return alias ?? `${LINK_TEXT_START}${writtenTarget(node)}${LINK_TEXT_END}`;
  }
  if ('children' in node) return (node.children as RootContent[]).map((child) => plainText(child, source)).join('');
  return toString(node);
}

/** The sentence of `paragraphText` that holds the character at `index`. */
function sentenceAround(paragraphText: string, index: number): string {
  const before = paragraphText.slice(0, index);
  const start = Math.max(before.search(/[.!?。！？]\s+[^.!?。！？]*$/) + 1, 0);
  const afterMatch = /[.!?。！？](\s|$)/.exec(paragraphText.slice(index));
  const end = afterMatch ? index + afterMatch.index + 1 : paragraphText.length;
  const sentence = paragraphText.slice(start, end).replace(/\s+/g, ' ').trim();
  return sentence.length > 320 ? `${sentence.slice(0, 317)}…` : sentence;
}

/** Plain text of a paragraph and where each wiki link falls in it. */
function paragraphTextWithOffsets(paragraph: Paragraph | Heading, source: string): { text: string; offsets: Map<WikiLinkNode, number> } {
  const offsets = new Map<WikiLinkNode, number>();
  let text = '';
  const walk = (nodes: PhrasingContent[]) => {
    for (const child of nodes) {
      if (child.type === 'wikiLink') offsets.set(child, text.length);
      if (child.type === 'wikiLink' || !('children' in child)) text += plainText(child, source);
      else walk(child.children as PhrasingContent[]);
    }
  };
  walk(paragraph.children);
  return { text, offsets };
}

/** What the build needs to know of one article before rendering, read by satteri or remark (`readArticleTree`). */
export function parseArticle(source: string, file: string, readTree: TreeReader = satteriTree): ParseResult {
  let tree: Root;
  try {
    tree = readArticleTree(source, remarkTree, readTree);
  } catch (error) {
    return { ok: false, diagnostics: [mdxSyntaxDiagnostic(file, error as PositionedError)] };
  }

  const yamlNode = tree.children.find((node) => node.type === 'yaml');
  if (!yamlNode) {
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          file,
          line: 1,
          message: 'the article has no frontmatter: start the file with `---`, a line `title: Your Title`, and `---`',
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = parseYaml(yamlNode.value) ?? {};
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0].line ?? 0) + 1 : 1;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          file,
          line,
          message: `the frontmatter is not valid YAML (${reason}): write one \`field: value\` per line, and quote values that contain \`:\` or start with \`[\`, \`{\`, \`*\` or \`&\``,
        },
      ],
    };
  }
  const checked = articleSchema.safeParse(data);
  if (!checked.success) {
    return {
      ok: false,
      diagnostics: describeSchemaIssues(checked.error).map((message) => ({
        severity: 'error' as const,
        file,
        line: yamlNode.position?.start.line ?? 1,
        message,
      })),
    };
  }

  const unsafe = unsafeContentDiagnostics(tree, file);
  if (unsafe.length > 0) return { ok: false, diagnostics: unsafe };

  const slugger = new GithubSlugger();
  const headings: HeadingInfo[] = [];
  const links: WikiLinkOccurrence[] = [];
  let lead = '';
  let image: ParsedArticle['image'];
  const contexts = new Map<Paragraph | Heading, ReturnType<typeof paragraphTextWithOffsets>>();
  let markdownOnly = true;
  const lists: WikiListUse[] = [];
  const listErrors: Diagnostic[] = [];

  visitParents(tree, (node, ancestors) => {
    // The wiki's lists are known elements, rendered like Markdown: they keep an article off the MDX path.
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && isWikiList(node.name)) {
      const read = readWikiList({ ...node, name: node.name }, file);
      if (!read.ok) listErrors.push(read.diagnostic);
      else {
        lists.push(read.use);
        if (read.use.list === 'FeaturedArticle') links.push({ target: read.use.page, line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0, context: '' });
      }
      return;
    }
    if (node.type.startsWith('mdx')) markdownOnly = false;
    if (node.type === 'heading') {
      const text = linkTextToPlain(plainText(node, source), (target) => target).trim();
      headings.push({ depth: node.depth, text, slug: slugger.slug(text) });
    } else if (node.type === 'paragraph' && !lead && ancestors.length === 1) {
      lead = plainText(node, source).replace(/\s+/g, ' ').trim();
    } else if (node.type === 'image' && !image && /^(https?:)?\//.test(node.url)) {
      image = { src: node.url, alt: node.alt ?? '' };
    } else if (node.type === 'wikiLink') {
      const block = [...ancestors].reverse().find((a): a is Paragraph | Heading => a.type === 'paragraph' || a.type === 'heading');
      let context = '';
      if (block) {
        let info = contexts.get(block);
        if (!info) {
          info = paragraphTextWithOffsets(block, source);
          contexts.set(block, info);
        }
        context = sentenceAround(info.text, info.offsets.get(node) ?? 0);
      }
      const alias = writtenAlias(node, source);
      links.push({
        target: writtenTarget(node),
        ...(alias !== undefined ? { alias } : {}),
        line: node.position?.start.line ?? 0,
        column: node.position?.start.column ?? 0,
        context,
      });
    }
  });

  if (listErrors.length > 0) return { ok: false, diagnostics: listErrors };

  // `seeAlso` entries are links too: they count for What links here, wanted pages and red links.
  const yamlLines = yamlNode.value.split('\n');
  const fieldLine = (field: string) => (yamlNode.position?.start.line ?? 1) + 1 + Math.max(yamlLines.findIndex((line) => new RegExp(`^${field}\\s*:`).test(line)), 0);
  const frontmatterLine = fieldLine('seeAlso');
  for (const target of checked.data.seeAlso) {
    links.push({ target, line: frontmatterLine, column: 1, context: '' });
  }

  return { ok: true, article: { frontmatter: checked.data, headings, links, lead, ...(image ? { image } : {}), citations: collectCitations(tree), aliasesLine: fieldLine('aliases'), lists, markdownOnly }, diagnostics: [] };
}
