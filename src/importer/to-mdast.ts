/**
 * DokuWiki blocks → an mdast tree in this wiki's dialect (MDX + GFM + `[[wiki links]]`), plus what goes into
 * the frontmatter (title, `~~NOTOC~~`, tags) and the report.
 *
 * - the first heading is the title; DokuWiki level n (`======` is 1) becomes `#` × n;
 * - internal links stay wiki links, resolved against the page's namespace, with `#section` written as the id
 *   the build gives the heading (src/importer/site.ts); interwiki, external and e-mail links become Markdown
 *   links (links to the wiki's own pages, like `user>`, wiki links); footnotes become GFM footnotes, one
 *   definition per distinct footnote;
 * - running text gets DokuWiki's typography and smileys (typography.ts);
 * - underline, sub- and superscript become `<u>`, `<sub>`, `<sup>`; alignment becomes a class (`align-right`),
 *   never a `style` attribute, which the site's Content-Security-Policy would block; video and audio become
 *   `<video>` and `<audio>`; no tag starts a line inside a paragraph, where MDX would read it as a block
 *   (inline-tags.ts);
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
import { slug } from 'github-slugger';
import { cleanId, urlForTag } from '../model/ids.ts';
import { guardAutolinks } from './autolink-guard.ts';
import { keepTagsInline } from './inline-tags.ts';
import { FootnoteNames } from './footnote-slugs.ts';
import { resolveInterwiki } from './interwiki.ts';
import { jsx, MediaWriter, type MediaUse } from './media.ts';
import { classifyLinkTarget } from './parse-link.ts';
import { dokuwikiLinkName, resolvePageId, sectionId, wikiId } from './page-id.ts';
import type { ImportSite } from './site.ts';
import { columnAlignment } from './table-alignment.ts';
import { typeset, WORD_SMILEYS, type TypographyState } from './typography.ts';
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
  ParagraphBlock,
  QuoteBlock,
  TableBlock,
  TextNode,
} from './types.ts';
import { wikiLinkSafe } from './wiki-link-to-markdown.ts';

export interface ToMdastOptions {
  /** The page's DokuWiki id. */
  readonly id: string;
  readonly site: ImportSite;
}

export type { MediaUse } from './media.ts';

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
  /** Internal media files the page uses. */
  readonly mediaFiles: readonly MediaUse[];
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
  guardAutolinks(root);
  keepTagsInline(root);
  converter.reportAcronyms();
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
    mediaFiles: converter.mediaWriter.uses(),
  };
}

interface PhrasingContext {
  /** In a table cell: line breaks become `<br />`, since a cell is one line. */
  readonly inCell: boolean;
}

const PARAGRAPH: PhrasingContext = { inCell: false };

class Converter {
  title: string | null = null;
  toc: boolean | null = null;
  readonly tags: string[] = [];
  readonly issues: Issue[] = [];
  readonly links: LinkCounts = { internal: 0, external: 0, interwiki: 0, email: 0, media: 0 };
  readonly definitions: FootnoteDefinition[] = [];
  footnoteCitations = 0;
  headings = 0;
  private readonly names = new FootnoteNames();
  private readonly options: ToMdastOptions;
  private readonly site: ImportSite;
  readonly mediaWriter: MediaWriter;
  private readonly typography: TypographyState = { doubleQuotes: 0 };
  /** Acronyms of DokuWiki's conf/acronyms.conf met in the page, for one report line. */
  readonly acronyms = new Map<string, { count: number; line: number; meaning: string }>();

  constructor(options: ToMdastOptions) {
    this.options = options;
    this.site = options.site;
    this.mediaWriter = new MediaWriter(options.site, options.id, (issue) => this.report(issue));
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
      case 'paragraph':
        return this.paragraph(block);
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

  private paragraph(block: ParagraphBlock): Paragraph[] {
    const children = trimPhrasing(this.phrasing(block.children, PARAGRAPH));
    return children.length === 0 ? [] : [{ type: 'paragraph', children }];
  }

  private list(block: ListBlock): List {
    const items: MdastListItem[] = block.items.map((item) => {
      const paragraph: Paragraph = { type: 'paragraph', children: trimPhrasing(this.phrasing(item.children, PARAGRAPH)) };
      const blocks = item.blocks.flatMap((inner) => (inner.type === 'code' ? this.code(inner) : this.paragraph(inner)));
      const children: BlockContent[] = [paragraph, ...blocks, ...item.sublists.map((sublist) => this.list(sublist))];
      return { type: 'listItem', spread: false, children };
    });
    return { type: 'list', ordered: block.ordered, start: block.ordered ? 1 : null, spread: false, children: items };
  }

  private table(block: TableBlock): Table {
    const columns = Math.max(1, ...block.rows.map((row) => row.cells.reduce((sum, cell) => sum + cell.colspan, 0)));
    const [first] = block.rows;
    // A first row of header cells (empty corner cells allowed, as in DokuWiki's vertical headers) is the header.
    const hasHeader = first !== undefined && first.cells.some((cell) => cell.header) && first.cells.every((cell) => cell.header || cell.children.length === 0);
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
    const { align, differing } = columnAlignment(block, columns, hasHeader);
    if (differing > 0) {
      this.report({
        kind: 'approximated',
        line: block.line,
        construct: 'cell alignment',
        message: `${differing} cell${differing === 1 ? ' is' : 's are'} aligned unlike the rest of ${differing === 1 ? 'its' : 'their'} column; MDX tables align whole columns, so each column takes the alignment most of its cells have`,
      });
    }
    return { type: 'table', align, children: rows };
  }

  private code(block: CodeBlock): (Paragraph | Code)[] {
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
      const phrasing = trimPhrasing(this.phrasing(child.children, PARAGRAPH));
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
        return this.text(node);
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
        if (context.inCell) {
          // In a table the tags are the cell's content: they stay there, as links to their tag pages.
          this.report({
            kind: 'note',
            line: node.line,
            construct: '{{tag>…}}',
            message: `tags ${node.tags.join(', ')} added to the frontmatter and kept in their table cell as links to their tag pages`,
          });
          return node.tags.flatMap((tag, index): PhrasingContent[] => [
            ...(index === 0 ? [] : [{ type: 'text' as const, value: ', ' }]),
            { type: 'link', url: urlForTag(tag), children: [{ type: 'text', value: tag }] },
          ]);
        }
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

  /** One line for the page's acronyms, at the first: DokuWiki shows their meaning on hover, the article does not. */
  reportAcronyms(): void {
    if (this.acronyms.size === 0) return;
    const found = [...this.acronyms.entries()];
    this.report({
      kind: 'approximated',
      line: Math.min(...found.map(([, { line }]) => line)),
      construct: 'acronym',
      message: `${found.map(([acronym, { count, meaning }]) => `${acronym}${count > 1 ? ` (${count}×)` : ''} "${meaning}"`).join(', ')}: DokuWiki shows ${found.length === 1 ? 'its meaning' : 'their meanings'} on hover (conf/acronyms.conf); the article shows plain text`,
    });
  }

  /** Running text with DokuWiki's typography and smileys; `<nowiki>` and `%%…%%` text exactly as written. */
  private text(node: TextNode): PhrasingContent[] {
    if (node.literal === true) return [{ type: 'text', value: node.value }];
    const shown: string[] = [];
    const result = typeset(node.value, this.typography, this.site.typography).map((piece): PhrasingContent => {
      if (piece.type === 'text') return { type: 'text', value: piece.value };
      if (piece.type === 'acronym') {
        const known = this.acronyms.get(piece.acronym);
        this.acronyms.set(piece.acronym, { count: (known?.count ?? 0) + 1, line: known?.line ?? node.line, meaning: piece.meaning });
        return { type: 'text', value: piece.acronym };
      }
      shown.push(`${piece.smiley} → ${WORD_SMILEYS.has(piece.smiley) ? `**${piece.shown}**` : piece.shown}`);
      return WORD_SMILEYS.has(piece.smiley) ? { type: 'strong', children: [{ type: 'text', value: piece.shown }] } : { type: 'text', value: piece.shown };
    });
    if (shown.length > 0) {
      this.report({
        kind: 'approximated',
        line: node.line,
        construct: 'smiley',
        message: `DokuWiki shows ${shown.length === 1 ? 'this smiley as a picture' : 'these smileys as pictures'}; here ${shown.join(', ')}`,
      });
    }
    return result;
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
        // Empty, it is an empty `<code />`: Markdown has no empty code span, and `` `` `` would be read as text.
        return children.length > 0 && children.every((child) => child.type === 'text')
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
        this.links.internal += 1;
        const local = target.page.trim() === '';
        if (local && target.section !== null) {
          // `[[#section]]`: DokuWiki shows the section as written when the link has no text.
          const anchor = this.sectionAnchor(this.options.id, target.section, node.line, raw);
          return [this.wikiLink(anchor === null ? '#' : `#${anchor}`, node.title ?? target.section, node.line, raw)];
        }
        const dokuId = resolvePageId(target.page, this.options.id, this.site.ids);
        const id = wikiId(dokuId);
        if (id === '') {
          this.report({ kind: 'unconverted', line: node.line, construct: 'link', message: `${raw} names no page, kept as code` });
          return [{ type: 'inlineCode', value: raw }];
        }
        const anchor = target.section === null ? null : this.sectionAnchor(dokuId, target.section, node.line, raw);
        const value = anchor === null ? id : `${id}#${anchor}`;
        if (image !== null) {
          this.report({
            kind: 'approximated',
            line: node.line,
            construct: 'image link',
            message: `${raw}: a wiki link cannot hold an image, so the image is followed by a link to ${id}`,
          });
          return [...image, { type: 'text', value: ' ' }, { type: 'wikiLink', value }];
        }
        return [this.wikiLink(value, node.title ?? this.defaultLinkText(node.target, dokuId, value), node.line, raw)];
      }
      case 'external':
        this.links.external += 1;
        return [{ type: 'link', url: target.url, children: text(target.url) }];
      case 'email':
        this.links.email += 1;
        return [{ type: 'link', url: `mailto:${target.address}`, children: text(target.address) }];
      case 'interwiki':
        return this.interwiki(node, target.target, raw, image);
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

  /** `[[target|text]]`, the text made safe for a wiki link (reported when that changes it). */
  private wikiLink(value: string, title: string | null, line: number, raw: string): PhrasingContent {
    if (title === null) return { type: 'wikiLink', value };
    const alias = wikiLinkSafe(title);
    if (alias !== title.trim()) {
      this.report({
        kind: 'approximated',
        line,
        construct: 'link text',
        message: `${raw}: "]" and line breaks cannot stand in wiki link text; "]" was written as "］"`,
      });
    }
    return { type: 'wikiLink', value, data: { alias } };
  }

  private interwiki(node: LinkNode, written: string, raw: string, image: PhrasingContent[] | null): PhrasingContent[] {
    const link = resolveInterwiki(written, this.site.interwiki);
    const text = (): PhrasingContent[] => image ?? [{ type: 'text', value: node.title ?? link.name }];
    switch (link.kind) {
      case 'url':
        this.links.interwiki += 1;
        if (link.shortcut === 'this') {
          this.report({
            kind: 'approximated',
            line: node.line,
            construct: 'interwiki this>',
            message: `${raw} links into the DokuWiki itself; it now points at ${link.url} on this site`,
          });
        }
        return [{ type: 'link', url: link.url, children: text() }];
      case 'page': {
        // `user>jane` and other shortcuts to the wiki's own pages: a wiki link, which the build checks.
        this.links.interwiki += 1;
        const dokuId = cleanId(link.page, this.site.ids.rules);
        const id = wikiId(dokuId);
        const anchor = link.section === null ? null : this.sectionAnchor(dokuId, link.section, node.line, raw);
        if (id === '') break;
        return [this.wikiLink(anchor === null ? id : `${id}#${anchor}`, node.title ?? link.name, node.line, raw)];
      }
      case 'unknown':
        break;
    }
    this.report({
      kind: 'unconverted',
      line: node.line,
      construct: `interwiki ${link.shortcut}>`,
      message: `unknown interwiki shortcut "${link.shortcut}" in ${raw}, kept as code (give the wiki's conf/interwiki.local.conf with --interwiki)`,
    });
    return [{ type: 'inlineCode', value: raw }];
  }

  /**
   * The text of a link written without one, when the build would show something else: DokuWiki shows the
   * page's name as written (`[[wiki:DokuWiki]]` → "DokuWiki", a namespace's start page by the namespace's
   * name, `[[page#Some section]]` → "Some section"), or with `useheading` the page's title, which is what the
   * build shows of a page in the import; of any other page the build shows its title if it exists, else the
   * link's target.
   */
  private defaultLinkText(written: string, dokuId: string, value: string): string | null {
    const target = this.site.sections(dokuId);
    const shownByBuild = target?.title ?? value;
    if (this.site.useHeading && target !== undefined) return null;
    const text = dokuwikiLinkName(written, this.site.ids.rules.slashSeparatesNamespaces);
    return text === shownByBuild ? null : text;
  }

  /**
   * The anchor to write for `#section` in a link to the page `dokuId`: the id the build gives the heading that
   * DokuWiki's link reaches (DokuWiki's `sectionID()` of the section as written), null for the page's first
   * heading, which becomes its title. A section the page does not have is reported, and written as DokuWiki's
   * id so that the build warns too. For a page outside the import the headings are unknown: the anchor is the
   * slug of the section's words, which the build checks.
   */
  private sectionAnchor(dokuId: string, section: string, line: number, raw: string): string | null {
    const wanted = sectionId(section, this.site.ids.rules);
    const sections = this.site.sections(dokuId);
    if (sections === undefined) return slug(section.trim().replace(/_+/g, ' '));
    if (wanted === sections.titleAnchor) return null;
    const found = sections.anchors.get(wanted);
    if (found !== undefined) return found;
    const known = [...sections.anchors.keys()].map((anchor) => `#${anchor}`);
    const listed = known.length > 8 ? `${known.slice(0, 8).join(', ')} and ${known.length - 8} more` : known.join(', ');
    this.report({
      kind: 'broken',
      line,
      construct: 'section link',
      message: `${raw}: ${dokuId === this.options.id ? 'this page' : dokuId} has no section #${wanted}${known.length === 0 ? '' : ` (its sections: ${listed})`}; the link leads to the top of the page, as in DokuWiki`,
    });
    return wanted === '' ? null : wanted;
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
    return this.mediaWriter.media(node);
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

/**
 * Leading and trailing white space of a paragraph is not text anyone sees, nor is a line break (`\\`) at its
 * end, which Markdown would show as a stray backslash; adjacent texts become one.
 */
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
  for (;;) {
    const first = result[0];
    const last = result.at(-1);
    if (first?.type === 'break') result.shift();
    else if (last?.type === 'break') result.pop();
    else if (first?.type === 'text' && /^\s/.test(first.value)) {
      const value = first.value.replace(/^\s+/, '');
      if (value === '') result.shift();
      else result[0] = { type: 'text', value };
    } else if (last?.type === 'text' && /\s$/.test(last.value)) {
      const value = last.value.replace(/\s+$/, '');
      if (value === '') result.pop();
      else result[result.length - 1] = { type: 'text', value };
    } else break;
  }
  return result;
}

function abbreviate(raw: string): string {
  const oneLine = raw.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
