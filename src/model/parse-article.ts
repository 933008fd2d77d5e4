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
import remarkMath from 'remark-math';
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
import type { ChartUse } from './chart-spec.ts';
import { infoboxSpec, type InfoboxSpec } from './infobox.ts';
import { texDiagnostics } from './tex.ts';
import { expandWikiSyntax } from './wiki-syntax.ts';
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
  /**
   * Files of the site the article shows (images, video and audio): beside it (`./die.png`) or in the public
   * folder (`/media/die.png`), with where each is written, so that a missing one is reported (page-index.ts).
   */
  localFiles: LocalFile[];
  /** The line of the `aliases:` field (or of the frontmatter's start), for errors about an alias. */
  aliasesLine: number;
  /** The frontmatter's infobox with the line of each row, for the renderer (src/model/infobox.ts). */
  infobox?: InfoboxSpec;
  /** Its chart blocks, checked; a chart's CSV file is an input of the article (src/model/chart-spec.ts). */
  charts: ChartUse[];
  /**
   * True when the article uses no MDX of its own (no `import`/`export`, `{expression}` or JSX element other
   * than the wiki's own components with text attributes, src/model/components.ts):
   * it is then rendered straight to HTML and cached by the content layer (src/astro/article-loader.ts)
   * instead of being compiled to a JavaScript module.
   */
  markdownOnly: boolean;
}

export interface LocalFile {
  /** The address as written. */
  url: string;
  line: number;
  column: number;
  /** A Markdown image, which the build's image pipeline reads (a missing one stops the build). */
  markdown: boolean;
}

/** Elements whose `src` (or `poster`) is a file the reader's browser loads. */
const MEDIA_ELEMENTS = new Set(['img', 'video', 'audio', 'source']);

/** An address of this site's own files: relative, or from the root; not `https://…`, `//host/…` or `data:`. */
function isLocalFileUrl(url: string): boolean {
  return url !== '' && !url.startsWith('//') && !url.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

export type ParseResult =
  | { ok: true; article: ParsedArticle; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkWikiLink, wikiLinkSyntaxOptions);

/**
 * The tree remark reads (remark-parse with MDX, GFM, YAML frontmatter, `$` math and remark-wiki-link): the reader of
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
      diagnostics: describeSchemaIssues(checked.error).map((message, i) => ({
        severity: 'error' as const,
        file,
        // The infobox's problems at its own line: it is a block of many lines.
        line: checked.error.issues[i]?.path[0] === 'infobox' ? (yamlNode.position?.start.line ?? 1) + 1 + Math.max(yamlNode.value.split('\n').findIndex((line) => /^infobox\s*:/.test(line)), 0) : (yamlNode.position?.start.line ?? 1),
        message,
      })),
    };
  }

  // The wiki's own blocks first, so that the links, citations and formulas inside them are read below.
  const infobox = checked.data.infobox ? infoboxSpec(checked.data.infobox, yamlNode.value, (yamlNode.position?.start.line ?? 1) + 1) : undefined;
  const expanded = expandWikiSyntax(tree, { file, title: checked.data.title, source, ...(infobox ? { infobox } : {}) });
  const problems = [...expanded.diagnostics, ...texDiagnostics(tree, file), ...unsafeContentDiagnostics(tree, file)];
  if (problems.length > 0) return { ok: false, diagnostics: problems };

  const slugger = new GithubSlugger();
  const headings: HeadingInfo[] = [];
  const links: WikiLinkOccurrence[] = [];
  let lead = '';
  let image: ParsedArticle['image'];
  const contexts = new Map<Paragraph | Heading, ReturnType<typeof paragraphTextWithOffsets>>();
  let markdownOnly = true;
  const localFiles: LocalFile[] = [];
  const localFile = (url: string, node: RootContent, markdown: boolean) => {
    if (isLocalFileUrl(url)) localFiles.push({ url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, markdown });
  };

  visitParents(tree, (node, ancestors) => {
    if (node.type.startsWith('mdx')) markdownOnly = false;
    if (node.type === 'image') localFile(node.url, node, true);
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && MEDIA_ELEMENTS.has(node.name ?? '')) {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && (attribute.name === 'src' || attribute.name === 'poster') && typeof attribute.value === 'string') localFile(attribute.value, node, false);
      }
    }
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

  // `seeAlso` entries are links too: they count for What links here, wanted pages and red links.
  const yamlLines = yamlNode.value.split('\n');
  const fieldLine = (field: string) => (yamlNode.position?.start.line ?? 1) + 1 + Math.max(yamlLines.findIndex((line) => new RegExp(`^${field}\\s*:`).test(line)), 0);
  const frontmatterLine = fieldLine('seeAlso');
  for (const target of checked.data.seeAlso) {
    links.push({ target, line: frontmatterLine, column: 1, context: '' });
  }

  return {
    ok: true,
    article: {
      frontmatter: checked.data,
      headings,
      links,
      lead,
      ...(image ? { image } : {}),
      citations: collectCitations(tree),
      localFiles,
      aliasesLine: fieldLine('aliases'),
      ...(infobox ? { infobox } : {}),
      charts: expanded.charts,
      markdownOnly,
    },
    diagnostics: [],
  };
}
