/**
 * DokuWiki blocks → an mdast tree in this wiki's dialect (MDX + GFM + `[[wiki links]]`), plus what goes into
 * the frontmatter (title, `~~NOTOC~~`, tags) and the report.
 *
 * - the first heading is the title; DokuWiki level n (`======` is 1) becomes `#` × n;
 * - internal links stay wiki links, resolved against the page's namespace; interwiki, external and e-mail
 *   links become Markdown links; footnotes become GFM footnotes, one definition per distinct footnote;
 * - underline, sub- and superscript become `<u>`, `<sub>`, `<sup>`; sized or aligned images become `<img>`;
 * - whatever cannot be converted is kept as code and reported with its line.
 */
import type {
  BlockContent,
  Code,
  FootnoteDefinition,
  Heading,
  List,
  ListItem as MdastListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell as MdastTableCell,
  TableRow as MdastTableRow,
} from 'mdast';
import type { MdxJsxAttribute, MdxJsxTextElement } from 'mdast-util-mdx';
import { FootnoteNames } from './footnote-slugs.ts';
import { DEFAULT_INTERWIKI, resolveInterwiki, type InterwikiMap } from './interwiki.ts';
import { classifyLinkTarget, isExternalMedia, isImage } from './parse-link.ts';
import { mediaPathForId, resolvePageId, sectionSlug, type PageId } from './page-id.ts';
import type {
  Block,
  CodeBlock,
  FormattingKind,
  Inline,
  Issue,
  LinkCounts,
  LinkNode,
  ListBlock,
  MediaNode,
  QuoteBlock,
  TableBlock,
} from './types.ts';
import { wikiLinkSafe } from './wiki-link-to-markdown.ts';

export interface ToMdastOptions {
  readonly id: PageId;
  readonly interwiki?: InterwikiMap;
  /** URL prefix of internal media (`{{ns:file.png}}` → `/media/ns/file.png`). */
  readonly mediaBase?: string;
}

export interface MdastResult {
  readonly root: Root;
  /** The first heading's text, null when the page has none. */
  readonly title: string | null;
  /** False when the page says `~~NOTOC~~`. */
  readonly toc: boolean | null;
  readonly tags: readonly string[];
  readonly issues: readonly Issue[];
  readonly links: LinkCounts;
  readonly footnoteCitations: number;
  readonly footnoteDefinitions: number;
  readonly headings: number;
  /** Internal media files the page uses, as paths below DokuWiki's `data/media`. */
  readonly mediaFiles: readonly string[];
}

/** GeSHi language names (DokuWiki) → names Shiki knows. */
const LANGUAGES: Readonly<Record<string, string>> = {
  html4strict: 'html',
  html5: 'html',
  java5: 'java',
  c_mac: 'c',
  'php-brief': 'php',
  'ocaml-brief': 'ocaml',
  vbnet: 'vb',
  dos: 'bat',
  winbatch: 'bat',
  text: 'text',
  txt: 'text',
  javascript: 'js',
  typescript: 'ts',
};

export function toMdast(blocks: readonly Block[], options: ToMdastOptions): MdastResult {
  const converter = new Converter(options);
  const children = converter.blocks(blocks);
  const root: Root = { type: 'root', children: [...children, ...converter.definitions] };
  return {
    root,
    title: converter.title,
    toc: converter.toc,
    tags: converter.tags,
    issues: converter.issues,
    links: converter.links,
    footnoteCitations: converter.footnoteCitations,
    footnoteDefinitions: converter.definitions.length,
    headings: converter.headings,
    mediaFiles: [...converter.mediaFiles],
  };
}

interface PhrasingContext {
  /** In a table cell: line breaks become `<br />`, since a cell is one line. */
  readonly inCell: boolean;
}

class Converter {
  title: string | null = null;
  toc: boolean | null = null;
  readonly tags: string[] = [];
  readonly issues: Issue[] = [];
  readonly links: LinkCounts = { internal: 0, external: 0, interwiki: 0, email: 0, media: 0 };
  readonly definitions: FootnoteDefinition[] = [];
  readonly mediaFiles = new Set<string>();
  footnoteCitations = 0;
  headings = 0;
  private readonly names = new FootnoteNames();
  private readonly options: ToMdastOptions;

  constructor(options: ToMdastOptions) {
    this.options = options;
  }

  private report(issue: Issue): void {
    this.issues.push(issue);
  }

  blocks(blocks: readonly Block[]): RootContent[] {
    return blocks.flatMap((block) => this.block(block));
  }

  private block(block: Block): RootContent[] {
    switch (block.type) {
      case 'heading': {
        if (this.title === null) {
          this.title = block.text;
          return [];
        }
        this.headings += 1;
        if (block.level === 1) {
          this.report({
            kind: 'note',
            line: block.line,
            construct: '====== heading ======',
            message: `a second level-1 heading "${block.text}" stays a level-1 heading (#) below the title`,
          });
        }
        const heading: Heading = {
          type: 'heading',
          depth: block.level,
          children: [{ type: 'text', value: block.text }],
        };
        return [heading];
      }
      case 'paragraph': {
        const children = trimPhrasing(this.phrasing(block.children, { inCell: false }));
        return children.length === 0 ? [] : [{ type: 'paragraph', children }];
      }
      case 'list':
        return [this.list(block)];
      case 'table':
        return [this.table(block)];
      case 'code':
        return this.code(block);
      case 'quote':
        return [this.quote(block)];
      case 'rule':
        return [{ type: 'thematicBreak' }];
      case 'unsupported-block':
        this.report({
          kind: 'unconverted',
          line: block.line,
          construct: block.construct,
          message: `${block.construct} block kept as a ${block.lang} code block (embedded ${block.lang} is not run)`,
        });
        return [{ type: 'code', lang: block.lang, value: block.value }];
    }
  }

  private list(block: ListBlock): List {
    const items: MdastListItem[] = block.items.map((item) => {
      const paragraph: Paragraph = {
        type: 'paragraph',
        children: trimPhrasing(this.phrasing(item.children, { inCell: false })),
      };
      const children: BlockContent[] = [paragraph, ...item.sublists.map((sublist) => this.list(sublist))];
      return { type: 'listItem', spread: false, children };
    });
    return { type: 'list', ordered: block.ordered, start: block.ordered ? 1 : null, spread: false, children: items };
  }

  private table(block: TableBlock): Table {
    const columns = Math.max(1, ...block.rows.map((row) => row.cells.reduce((sum, cell) => sum + cell.colspan, 0)));
    const [first] = block.rows;
    // A first row of header cells (empty corner cells allowed, as in DokuWiki's vertical headers) is the header.
    const hasHeader =
      first !== undefined &&
      first.cells.some((cell) => cell.header) &&
      first.cells.every((cell) => cell.header || cell.children.length === 0);
    let spans = 0;
    let rowspans = 0;
    let headerCells = 0;
    const rows: MdastTableRow[] = block.rows.map((row, rowIndex) => {
      const cells: MdastTableCell[] = [];
      for (const cell of row.cells) {
        let children = trimPhrasing(this.phrasing(cell.children, { inCell: true }));
        if (cell.header && (rowIndex > 0 || !hasHeader) && children.length > 0) {
          headerCells += 1;
          children = [{ type: 'strong', children }];
        }
        if (cell.rowspan) rowspans += 1;
        cells.push({ type: 'tableCell', children });
        for (let extra = 1; extra < cell.colspan; extra += 1) cells.push({ type: 'tableCell', children: [] });
        if (cell.colspan > 1) spans += 1;
      }
      while (cells.length < columns) cells.push({ type: 'tableCell', children: [] });
      return { type: 'tableRow', children: cells };
    });
    if (!hasHeader) {
      rows.unshift({
        type: 'tableRow',
        children: Array.from({ length: columns }, () => ({ type: 'tableCell', children: [] })),
      });
      this.report({
        kind: 'approximated',
        line: block.line,
        construct: 'table without header row',
        message: 'the table has no header row (^ … ^); MDX tables need one, so an empty header row was added',
      });
    }
    if (spans > 0) {
      this.report({
        kind: 'approximated',
        line: block.line,
        construct: 'colspan',
        message: `${spans} cell${spans === 1 ? ' spans' : 's span'} several columns (||); MDX tables cannot span, so the text stays in the first column and the others are left empty`,
      });
    }
    if (rowspans > 0) {
      this.report({
        kind: 'approximated',
        line: block.line,
        construct: 'rowspan (:::)',
        message: `${rowspans} cell${rowspans === 1 ? '' : 's'} marked ::: (row span) left empty; MDX tables cannot span rows`,
      });
    }
    if (headerCells > 0) {
      this.report({
        kind: 'approximated',
        line: block.line,
        construct: 'header cell in a row',
        message: `${headerCells} header cell${headerCells === 1 ? '' : 's'} (^) outside the first row written in bold`,
      });
    }
    const align = Array.from({ length: columns }, (_, column) => columnAlign(block, column, hasHeader));
    return { type: 'table', align, children: rows };
  }

  private code(block: CodeBlock): RootContent[] {
    const lang = block.lang === null ? null : (LANGUAGES[block.lang.toLowerCase()] ?? block.lang.toLowerCase());
    const code: Code = {
      type: 'code',
      lang,
      meta: block.filename === null ? null : `title=${JSON.stringify(block.filename)}`,
      value: block.value,
    };
    if (block.filename === null) return [code];
    // DokuWiki shows the file name above a <file> or named <code> block; keep it visible.
    const caption: Paragraph = { type: 'paragraph', children: [{ type: 'inlineCode', value: block.filename }] };
    return [caption, code];
  }

  private quote(block: QuoteBlock): RootContent {
    const children: BlockContent[] = block.children.flatMap((child): BlockContent[] => {
      if (child.type === 'quote') return [this.quoteAsBlock(child)];
      const phrasing = trimPhrasing(this.phrasing(child.children, { inCell: false }));
      return phrasing.length === 0 ? [] : [{ type: 'paragraph', children: phrasing }];
    });
    return { type: 'blockquote', children };
  }

  private quoteAsBlock(block: QuoteBlock): BlockContent {
    const node = this.quote(block);
    if (node.type !== 'blockquote') throw new Error('a quote converts to a blockquote');
    return node;
  }

  private phrasing(nodes: readonly Inline[], context: PhrasingContext): PhrasingContent[] {
    return attachFootnoteReferences(nodes.flatMap((node) => this.inline(node, context)));
  }

  private inline(node: Inline, context: PhrasingContext): PhrasingContent[] {
    switch (node.type) {
      case 'text':
        return [{ type: 'text', value: node.value }];
      case 'formatting':
        return [this.formatting(node.kind, this.phrasing(node.children, context))];
      case 'linebreak':
        return context.inCell ? [jsx('br', [], [])] : [{ type: 'break' }];
      case 'link':
        return this.link(node);
      case 'url':
        this.links.external += 1;
        return [{ type: 'link', url: node.url, children: [{ type: 'text', value: node.text }] }];
      case 'email':
        this.links.email += 1;
        return [{ type: 'link', url: `mailto:${node.address}`, children: [{ type: 'text', value: node.address }] }];
      case 'footnote':
        return [this.footnote(node.source, node.children)];
      case 'media':
        return this.media(node);
      case 'macro':
        return this.macro(node.name, node.raw, node.line);
      case 'tags':
        this.tags.push(...node.tags.filter((tag) => !this.tags.includes(tag)));
        this.report({
          kind: 'note',
          line: node.line,
          construct: '{{tag>…}}',
          message: `tags ${node.tags.join(', ')} moved to the frontmatter`,
        });
        return [];
      case 'unsupported':
        this.report({
          kind: 'unconverted',
          line: node.line,
          construct: node.construct,
          message: `${node.construct} kept as code: ${abbreviate(node.raw)}`,
        });
        return [{ type: 'inlineCode', value: node.raw }];
    }
  }

  private formatting(kind: FormattingKind, children: PhrasingContent[]): PhrasingContent {
    switch (kind) {
      case 'strong':
        return { type: 'strong', children };
      case 'emphasis':
        return { type: 'emphasis', children };
      case 'deleted':
        return { type: 'delete', children };
      case 'underline':
        return jsx('u', [], children);
      case 'subscript':
        return jsx('sub', [], children);
      case 'superscript':
        return jsx('sup', [], children);
      case 'monospace':
        return children.every((child) => child.type === 'text')
          ? { type: 'inlineCode', value: children.map((child) => (child.type === 'text' ? child.value : '')).join('') }
          : jsx('code', [], children);
    }
  }

  private link(node: LinkNode): PhrasingContent[] {
    const target = classifyLinkTarget(node.target);
    const raw = `[[${node.target}${node.title === null ? '' : `|${node.title}`}]]`;
    const image = node.titleMedia === null ? null : this.media(node.titleMedia);
    const text = (fallback: string): PhrasingContent[] => image ?? [{ type: 'text', value: node.title ?? fallback }];
    switch (target.kind) {
      case 'internal': {
        if (target.query !== null) {
          this.report({
            kind: 'approximated',
            line: node.line,
            construct: 'link query',
            message: `the query ?${target.query} of ${raw} was left out: wiki links have none`,
          });
        }
        const section = target.section === null ? null : sectionSlug(target.section);
        if (target.page.trim() === '' && section !== null) {
          this.links.internal += 1;
          return [{ type: 'link', url: `#${section}`, children: text(target.section ?? section) }];
        }
        this.links.internal += 1;
        const id = resolvePageId(target.page, this.options.id);
        const value = section === null ? id : `${id}#${section}`;
        if (image !== null) {
          this.report({
            kind: 'approximated',
            line: node.line,
            construct: 'image link',
            message: `${raw}: a wiki link cannot hold an image, so the image is followed by a link to ${id}`,
          });
          return [...image, { type: 'text', value: ' ' }, { type: 'wikiLink', value }];
        }
        if (node.title === null) return [{ type: 'wikiLink', value }];
        const alias = wikiLinkSafe(node.title);
        if (alias !== node.title.trim()) {
          this.report({
            kind: 'approximated',
            line: node.line,
            construct: 'link text',
            message: `${raw}: "]" and line breaks cannot stand in wiki link text; "]" was written as "］"`,
          });
        }
        return [{ type: 'wikiLink', value, data: { alias } }];
      }
      case 'external':
        this.links.external += 1;
        return [{ type: 'link', url: target.url, children: text(target.url) }];
      case 'email':
        this.links.email += 1;
        return [{ type: 'link', url: `mailto:${target.address}`, children: text(target.address) }];
      case 'interwiki': {
        const interwiki = resolveInterwiki(target.target, this.options.interwiki ?? DEFAULT_INTERWIKI);
        if (interwiki.url !== null) {
          this.links.interwiki += 1;
          return [{ type: 'link', url: interwiki.url, children: text(interwiki.name) }];
        }
        this.report({
          kind: 'unconverted',
          line: node.line,
          construct: `interwiki ${interwiki.shortcut}>`,
          message: `unknown interwiki shortcut "${interwiki.shortcut}" in ${raw}, kept as code`,
        });
        return [{ type: 'inlineCode', value: raw }];
      }
      case 'windows-share':
        this.report({
          kind: 'unconverted',
          line: node.line,
          construct: 'Windows share link',
          message: `${raw}: Windows share links do not work on the web, kept as code`,
        });
        return [{ type: 'inlineCode', value: raw }];
    }
  }

  private footnote(source: string, children: readonly Inline[]): PhrasingContent {
    const { name, first } = this.names.nameFor(source, children);
    this.footnoteCitations += 1;
    if (first) {
      // The definition is built after the name is reserved, so footnotes cited inside it keep their order.
      const definition: FootnoteDefinition = {
        type: 'footnoteDefinition',
        identifier: name,
        label: name,
        children: [],
      };
      this.definitions.push(definition);
      const phrasing = trimPhrasing(this.phrasing(children, { inCell: false }));
      definition.children = phrasing.length === 0 ? [] : [{ type: 'paragraph', children: phrasing }];
    }
    return { type: 'footnoteReference', identifier: name, label: name };
  }

  private media(node: MediaNode): PhrasingContent[] {
    this.links.media += 1;
    const src = this.mediaUrl(node.src);
    const fileName = node.src.split(/[:/]/).at(-1) ?? node.src;
    if (!isImage(node.src) || node.linkOnly) {
      return [{ type: 'link', url: src, children: [{ type: 'text', value: node.caption ?? fileName }] }];
    }
    const alt = node.caption ?? '';
    if (node.width === null && node.height === null && node.align === null) {
      return [{ type: 'image', url: src, alt, title: null }];
    }
    const attributes: MdxJsxAttribute[] = [attribute('src', src), attribute('alt', alt)];
    if (node.caption !== null) attributes.push(attribute('title', node.caption));
    if (node.width !== null) attributes.push(attribute('width', String(node.width)));
    if (node.height !== null) attributes.push(attribute('height', String(node.height)));
    if (node.align !== null) {
      attributes.push({
        type: 'mdxJsxAttribute',
        name: 'style',
        value: { type: 'mdxJsxAttributeValueExpression', value: ALIGN_STYLE[node.align] },
      });
    }
    return [jsx('img', attributes, [])];
  }

  private mediaUrl(src: string): string {
    if (isExternalMedia(src)) return src;
    const id = resolvePageId(src, this.options.id);
    const path = mediaPathForId(id);
    this.mediaFiles.add(path);
    return `${this.options.mediaBase ?? '/media/'}${path}`;
  }

  private macro(name: string, raw: string, line: number): PhrasingContent[] {
    if (name === 'NOTOC') {
      this.toc = false;
      return [];
    }
    if (name === 'NOCACHE') {
      this.report({
        kind: 'note',
        line,
        construct: raw,
        message: `${raw} has no meaning in a static site and was left out`,
      });
      return [];
    }
    this.report({ kind: 'unconverted', line, construct: raw, message: `unknown macro ${raw} kept as code` });
    return [{ type: 'inlineCode', value: raw }];
  }
}

const ALIGN_STYLE: Readonly<Record<'left' | 'right' | 'center', string>> = {
  left: "{float: 'left', marginRight: '1em'}",
  right: "{float: 'right', marginLeft: '1em'}",
  center: "{display: 'block', marginInline: 'auto'}",
};

function attribute(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

function jsx(name: string, attributes: MdxJsxAttribute[], children: PhrasingContent[]): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes, children };
}

function columnAlign(block: TableBlock, column: number, hasHeader: boolean): 'left' | 'right' | 'center' | null {
  for (const row of block.rows.slice(hasHeader ? 1 : 0)) {
    let at = 0;
    for (const cell of row.cells) {
      if (at === column) {
        if (cell.align !== null) return cell.align;
        break;
      }
      at += cell.colspan;
      if (at > column) break;
    }
  }
  return null;
}

/**
 * `text ((note))` is written `text[^note]`: a GFM footnote reference sits right after the word it belongs to,
 * so the white space before it goes.
 */
function attachFootnoteReferences(children: PhrasingContent[]): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  for (const child of children) {
    const previous = result.at(-1);
    if (child.type === 'footnoteReference' && previous?.type === 'text') {
      const value = previous.value.replace(/[ \t]+$/, '');
      if (value === '') result.pop();
      else result[result.length - 1] = { type: 'text', value };
    }
    result.push(child);
  }
  return result;
}

/** Leading and trailing white space of a paragraph is not text anyone sees; adjacent texts become one. */
function trimPhrasing(children: PhrasingContent[]): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  for (const child of children) {
    const previous = result.at(-1);
    if (child.type === 'text' && previous?.type === 'text') {
      result[result.length - 1] = { type: 'text', value: previous.value + child.value };
    } else {
      result.push(child);
    }
  }
  const first = result[0];
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s+/, '');
    if (value === '') result.shift();
    else result[0] = { type: 'text', value };
  }
  const last = result.at(-1);
  if (last?.type === 'text') {
    const value = last.value.replace(/\s+$/, '');
    if (value === '') result.pop();
    else result[result.length - 1] = { type: 'text', value };
  }
  return result;
}

function abbreviate(raw: string): string {
  const oneLine = raw.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
