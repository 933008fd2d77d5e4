/**
 * Read one article's source into what the rest of the build needs to know
 * about it before anything is rendered: frontmatter, heading anchors, wiki
 * links (with line and the sentence around them) and its lead. Pure: text in,
 * data out; the page index calls it once per file per build.
 */
import { createRequire } from 'node:module';
import type RemarkFrontmatter from 'remark-frontmatter';
import type RemarkGfm from 'remark-gfm';
import type RemarkMath from 'remark-math';
import type RemarkMdx from 'remark-mdx';
import type RemarkParse from 'remark-parse';
import type RemarkWikiLink from 'remark-wiki-link';
import type { unified as Unified } from 'unified';
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { YAMLParseError } from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import { collectCitations, type ArticleCitations } from './references.ts';
import { articleSchema, describeSchemaIssues, type ArticleFrontmatter } from './schema.ts';
import { unsafeContentDiagnostics } from './unsafe-content.ts';
import { isWikiList, readWikiList, type WikiListUse } from './wiki-lists.ts';
import { headingSlugger } from './heading-ids.ts';
import { collectMdxFeatures, type MdxFeature } from './mdx-features.ts';
import { ReadingLimitError } from './reading-limits.ts';
import type { ChartUse } from './chart-spec.ts';
import { infoboxSpec, type InfoboxSpec } from './infobox.ts';
import { texDiagnostics } from './tex.ts';
import { expandWikiSyntax } from './wiki-syntax.ts';
import { readFrontmatterYaml } from './frontmatter-yaml.ts';
import { readArticleTree, satteriTree, withoutByteOrderMark, type TreeReader } from './satteri-reader.ts';
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
  /** The wiki's lists the article embeds (`<RecentChanges />`…: src/model/wiki-lists.ts), checked. */
  lists: WikiListUse[];
  /** The line of the `bibliography:` field (or of the frontmatter's start), for errors about it. */
  bibliographyLine: number;
  /** What the article uses of MDX beyond Markdown, for the trust check (trust.ts), which depends on the wiki's setting. */
  mdx: MdxFeature[];
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

export type ParseResult = { ok: true; article: ParsedArticle; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

let parse: ((source: string) => Root) | undefined;

/**
 * remark's reader, made when an article first needs it: most articles are read by satteri alone
 * (satteri-reader.ts), and loading remark with its MDX, GFM and math syntax takes 0.25–0.3 s of a process's start
 * (0.35–0.4 s of CPU), which `npm run build`'s read ahead of the articles paid before reading the first one. Loaded
 * with `require` (Node loads these ES modules synchronously), since reading an article is synchronous.
 */
function remarkParser(): (source: string) => Root {
  if (parse) return parse;
  const load = createRequire(import.meta.url);
  const unified = (load('unified') as { unified: typeof Unified }).unified;
  const parser = unified()
    .use((load('remark-parse') as { default: typeof RemarkParse }).default)
    .use((load('remark-frontmatter') as { default: typeof RemarkFrontmatter }).default, ['yaml'])
    .use((load('remark-mdx') as { default: typeof RemarkMdx }).default)
    .use((load('remark-gfm') as { default: typeof RemarkGfm }).default)
    .use((load('remark-math') as { default: typeof RemarkMath }).default)
    .use((load('remark-wiki-link') as { default: typeof RemarkWikiLink }).default, wikiLinkSyntaxOptions);
  parse = (source) => parser.parse(source);
  return parse;
}

/**
 * The tree remark reads (remark-parse with MDX, GFM, YAML frontmatter, `$` math and remark-wiki-link): the reader of
 * the pages themselves (src/render/pipeline.ts), and the one whose errors the pre-pass reports.
 */
export const remarkTree: TreeReader = (source) => remarkParser()(source);

interface PositionedError {
  message: string;
  reason?: string;
  line?: number;
  column?: number;
  place?: { line?: number; column?: number; start?: { line: number; column: number } };
  /** What acorn said, for an `import`/`export` line that is not JavaScript. */
  cause?: unknown;
}

function mdxSyntaxDiagnostic(file: string, error: PositionedError): Diagnostic {
  const place = error.place && 'start' in error.place && error.place.start ? error.place.start : error.place;
  const reason = error.reason ?? error.message;
  // Some errors of MDX's JSX name their place only in their text: "Expected a closing tag for `<span>` (7:1-7:7)".
  const written = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason);
  const line = error.line ?? place?.line ?? (written ? Number(written[1]) : 1);
  const column = error.column ?? place?.column ?? (written ? Number(written[2]) : undefined);
  // MDX reads a line that starts with `import` or `export` as JavaScript, even in the middle of prose.
  const esm = /import\/exports?/.test(reason);
  const javascript = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return {
    severity: 'error',
    file,
    line,
    ...(column !== undefined ? { column } : {}),
    message: esm
      ? `MDX reads a line that starts with \`import\` or \`export\` as JavaScript, and this is not valid JavaScript${javascript}: if the line is prose, reword the line so that it starts with another word (e.g. \`Imports of …\`), or join it to the line before; if it is code, correct it`
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

const SENTENCE_END = /[.!?。！？]/g;
const CONTEXT_LENGTH = 320;

/**
 * Where the sentences of a paragraph's text may start and end, found once per paragraph so that the sentence
 * around each of its links costs the length of that sentence, not of the paragraph (a paragraph of 10,000
 * links took 90 s when each link searched the text before it). A sentence starts after the last `.`, `!` or
 * `?` (or `。！？`) before the link when whitespace follows it, else at the paragraph's start, and ends with
 * the first such mark after the link that whitespace or the end follows.
 */
interface SentenceBounds {
  /** Offsets of every sentence mark, in order. */
  marks: number[];
  /** Offsets just after each mark that whitespace or the end of the text follows, in order. */
  ends: number[];
}

function sentenceBounds(text: string): SentenceBounds {
  const marks: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(SENTENCE_END)) {
    marks.push(match.index);
    const next = text[match.index + 1];
    if (next === undefined || /\s/.test(next)) ends.push(match.index + 1);
  }
  return { marks, ends };
}

/** The index of the first value of the sorted `values` that is at least `at` (`values.length` when none is). */
function firstAtLeast(values: number[], at: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The sentence of a paragraph that holds the character at `index`, whitespace collapsed, at most CONTEXT_LENGTH characters. */
function sentenceAround(paragraph: ParagraphText, index: number): string {
  const { marks, ends } = paragraph.bounds;
  const last = marks[firstAtLeast(marks, index) - 1];
  const start = last !== undefined && last + 1 < index && /\s/.test(paragraph.text[last + 1] ?? '') ? last + 1 : 0;
  const end = ends[firstAtLeast(ends, index + 1)] ?? paragraph.text.length;
  const key = start * (paragraph.text.length + 1) + end;
  const known = paragraph.sentences.get(key);
  if (known !== undefined) return known;
  // Read no more of a long sentence than the context shows: the cost stays the length of the context.
  let read = Math.min(end, start + CONTEXT_LENGTH * 2);
  let sentence = paragraph.text.slice(start, read).replace(/\s+/g, ' ').trim();
  while (sentence.length <= CONTEXT_LENGTH && read < end) {
    read = Math.min(end, read + CONTEXT_LENGTH * 2);
    sentence = paragraph.text.slice(start, read).replace(/\s+/g, ' ').trim();
  }
  if (read < end) sentence = `${sentence}…`;
  const context = sentence.length > CONTEXT_LENGTH ? `${sentence.slice(0, CONTEXT_LENGTH - 3)}…` : sentence;
  paragraph.sentences.set(key, context);
  return context;
}

interface ParagraphText {
  text: string;
  offsets: Map<WikiLinkNode, number>;
  bounds: SentenceBounds;
  /** Contexts already made, by sentence: the links of one sentence share it. */
  sentences: Map<number, string>;
}

/** Plain text of a paragraph and where each wiki link falls in it. */
function paragraphTextWithOffsets(paragraph: Paragraph | Heading, source: string): ParagraphText {
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
  return { text, offsets, bounds: sentenceBounds(text), sentences: new Map() };
}

/**
 * Characters that no article needs and that would reach its page raw: control characters (NUL, ESC, …),
 * which are not allowed in HTML and often mark text decoded in the wrong encoding. Tabs and line ends aside.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

/** One error per line (the first five lines) that holds a control character. */
function controlCharacterDiagnostics(source: string, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const match of source.matchAll(CONTROL_CHARACTER)) {
    const before = source.slice(0, match.index);
    const line = before.split('\n').length;
    if (seen.has(line)) continue;
    seen.add(line);
    const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    diagnostics.push({
      severity: 'error',
      file,
      line,
      column: match.index - before.lastIndexOf('\n'),
      message: `the invisible control character U+${code} is in the text: remove it (control characters are not allowed in web pages; they often come from text pasted from a terminal or decoded in the wrong encoding)`,
    });
    if (diagnostics.length === 5) break;
  }
  return diagnostics;
}

/** What the build needs to know of one article before rendering, read by satteri or remark (`readArticleTree`). */
export function parseArticle(source: string, file: string, readTree: TreeReader = satteriTree): ParseResult {
  try {
    return readArticle(source, file, readTree);
  } catch (error) {
    // A stack overflow in any walk over the tree: the reading limits (reading-limits.ts) should have stopped the article before.
    if (!(error instanceof RangeError)) throw error;
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          file,
          line: 1,
          message: `the article is nested too deeply to be read (${error.message}): flatten lists, quotes, emphasis or elements nested inside one another`,
        },
      ],
    };
  }
}

function readArticle(text: string, file: string, readTree: TreeReader): ParseResult {
  const source = withoutByteOrderMark(text);
  const controls = controlCharacterDiagnostics(source, file);
  if (controls.length > 0) return { ok: false, diagnostics: controls };
  let tree: Root;
  try {
    tree = readArticleTree(source, remarkTree, readTree);
  } catch (error) {
    if (error instanceof ReadingLimitError)
      return { ok: false, diagnostics: [{ severity: 'error', file, line: error.line, column: error.column, message: error.message }] };
    if (error instanceof RangeError) throw error;
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
    data = readFrontmatterYaml(yamlNode.value) ?? {};
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
  // The line of `field:` at the start of a line of the frontmatter, if it is written there.
  const yamlLines = yamlNode.value.split('\n');
  const frontmatterStart = yamlNode.position?.start.line ?? 1;
  const writtenAt = (field: string): number | undefined => {
    const index = yamlLines.findIndex((line) => line.startsWith(field) && /^\s*:/.test(line.slice(field.length)));
    return index === -1 ? undefined : frontmatterStart + 1 + index;
  };
  const fieldLine = (field: string) => writtenAt(field) ?? frontmatterStart + 1;
  const checked = articleSchema.safeParse(data);
  if (!checked.success) {
    return {
      ok: false,
      diagnostics: describeSchemaIssues(checked.error).map((message, i) => {
        const issue = checked.error.issues[i];
        // The field the problem is in (an unknown one: the first of them); the infobox's, at the infobox.
        const field = issue?.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys[0] : issue?.path[0];
        return { severity: 'error' as const, file, line: (typeof field === 'string' ? writtenAt(field) : undefined) ?? frontmatterStart, message };
      }),
    };
  }

  // The wiki's own blocks first, so that the links, citations and formulas inside them are read below.
  const infobox = checked.data.infobox ? infoboxSpec(checked.data.infobox, yamlNode.value, (yamlNode.position?.start.line ?? 1) + 1) : undefined;
  const expanded = expandWikiSyntax(tree, { file, title: checked.data.title, source, ...(infobox ? { infobox } : {}) });
  const problems = [...expanded.diagnostics, ...texDiagnostics(tree, file), ...unsafeContentDiagnostics(tree, file)];
  if (problems.length > 0) return { ok: false, diagnostics: problems };

  const slug = headingSlugger();
  const headings: HeadingInfo[] = [];
  const inFootnote: Diagnostic[] = [];
  const links: WikiLinkOccurrence[] = [];
  let lead = '';
  let image: ParsedArticle['image'];
  const contexts = new Map<Paragraph | Heading, ReturnType<typeof paragraphTextWithOffsets>>();
  let markdownOnly = true;
  const localFiles: LocalFile[] = [];
  const lists: WikiListUse[] = [];
  const listErrors: Diagnostic[] = [];
  const localFile = (url: string, node: RootContent, markdown: boolean) => {
    if (isLocalFileUrl(url)) localFiles.push({ url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, markdown });
  };

  visitParents(tree, (node, ancestors) => {
    // The wiki's lists are known elements, rendered like Markdown: they keep an article off the MDX path.
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && isWikiList(node.name)) {
      const read = readWikiList({ ...node, name: node.name }, file);
      if (!read.ok) listErrors.push(read.diagnostic);
      else {
        lists.push(read.use);
        if (read.use.list === 'FeaturedArticle')
          links.push({ target: read.use.page, line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0, context: '' });
      }
      return;
    }
    if (node.type.startsWith('mdx')) {
      markdownOnly = false;
      if (node.type !== 'mdxjsEsm' && ancestors.some((a) => a.type === 'footnoteDefinition')) {
        const what = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement' ? `\`<${node.name ?? ''}>\`` : 'an `{expression}`';
        inFootnote.push({
          severity: 'error',
          file,
          line: node.position?.start.line ?? 1,
          column: node.position?.start.column ?? 1,
          message: `${what} inside a footnote: a footnote is text, with Markdown emphasis and links (\`*title*\`, \`[site](https://…)\`); write it so, or move the element into the article's text`,
        });
        return 'skip';
      }
    }
    if (node.type === 'image') localFile(node.url, node, true);
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && MEDIA_ELEMENTS.has(node.name ?? '')) {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && (attribute.name === 'src' || attribute.name === 'poster') && typeof attribute.value === 'string')
          localFile(attribute.value, node, false);
      }
    }
    if (node.type === 'heading') {
      const text = linkTextToPlain(plainText(node, source), (target) => target).trim();
      headings.push({ depth: node.depth, text, slug: slug(text) });
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
        context = sentenceAround(info, info.offsets.get(node) ?? 0);
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
    return undefined;
  });

  if (listErrors.length > 0) return { ok: false, diagnostics: listErrors };
  if (inFootnote.length > 0) return { ok: false, diagnostics: inFootnote };

  // `seeAlso` entries are links too: they count for What links here, wanted pages and red links.
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
      lists,
      bibliographyLine: fieldLine('bibliography'),
      mdx: collectMdxFeatures(tree),
      ...(infobox ? { infobox } : {}),
      charts: expanded.charts,
      markdownOnly,
    },
    diagnostics: [],
  };
}
