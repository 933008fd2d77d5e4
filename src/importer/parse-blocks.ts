/**
 * DokuWiki lines → blocks: headings, paragraphs, lists, tables, quotes, rules, `<code>`/`<file>` blocks,
 * preformatted text and the `<html>`/`<php>` blocks that are reported instead of converted.
 * https://www.dokuwiki.org/wiki:syntax
 *
 * Block syntax is line based in DokuWiki: a list item is a line indented by two spaces (or a tab) that
 * starts with `*` or `-`, a table row starts with `|` or `^`, a quote line with `>`, preformatted text is
 * any other indented line. `<code>`, `<file>`, `<html>` and `<php>` may open in the middle of a line and
 * run over several lines; so may `<nowiki>` and `%%`, which keep their paragraph going.
 */
import { parseInline, type InlineContext } from './parse-inline.ts';
import { skipAtomic, topLevelPositions } from './scan.ts';
import type {
  Block,
  CellAlign,
  CodeBlock,
  HeadingBlock,
  Inline,
  ListBlock,
  ListItem,
  ParagraphBlock,
  QuoteBlock,
  SourceLine,
  TableBlock,
  TableCell,
  TableRow,
  UnsupportedBlock,
} from './types.ts';

const HEADING = /^[ \t]*(={2,})(.+?)={2,}[ \t]*$/;
const RULE = /^[ \t]*-{4,}[ \t]*$/;
const LIST_ITEM = /^( {2,}|\t+)([*-])(.*)$/;
const INDENTED = /^( {2}|\t)/;
const TABLE_ROW = /^[|^]/;
const QUOTE_LINE = /^(>+)(.*)$/;
const BLOCK_TAG = /<(code|file)\b([^>\n]*)>|<(html|php|HTML|PHP)>/y;
const CLOSING_TAG = /<\/([A-Za-z][\w-]*)>/g;

export function parseBlocks(lines: readonly SourceLine[]): Block[] {
  const closedTags = new Set<string>();
  for (const { text } of lines) {
    for (const match of text.matchAll(CLOSING_TAG)) closedTags.add((match[1] ?? '').toLowerCase());
  }
  const parser = new BlockParser(lines, closedTags);
  return parser.parse();
}

/** Inline parsing of one line (or of lines joined by `\n`, each mapped back to its source line). */
function inlineOf(parts: readonly SourceLine[], closedTags: ReadonlySet<string>): Inline[] {
  const starts: number[] = [];
  let text = '';
  for (const [index, part] of parts.entries()) {
    if (index > 0) text += '\n';
    starts.push(text.length);
    text += part.text;
  }
  const context: InlineContext = {
    closedTags,
    lineAt: (offset) => {
      let index = 0;
      while (index + 1 < starts.length && (starts[index + 1] ?? Infinity) <= offset) index += 1;
      return parts[index]?.line ?? parts[0]?.line ?? 1;
    },
  };
  return parseInline(text, context);
}

class BlockParser {
  private readonly queue: SourceLine[];
  private readonly closedTags: ReadonlySet<string>;
  private readonly blocks: Block[] = [];
  private paragraph: SourceLine[] = [];
  private index = 0;

  constructor(lines: readonly SourceLine[], closedTags: ReadonlySet<string>) {
    this.queue = lines.slice();
    this.closedTags = closedTags;
  }

  parse(): Block[] {
    while (this.index < this.queue.length) {
      const current = this.queue[this.index];
      if (current === undefined) break;
      this.parseLine(current);
    }
    this.flushParagraph();
    return this.blocks;
  }

  private parseLine(current: SourceLine): void {
    const { text } = current;
    if (text.trim() === '') {
      this.flushParagraph();
      this.index += 1;
      return;
    }
    if (LIST_ITEM.test(text) && !RULE.test(text)) return this.startBlock(() => this.parseList());
    if (INDENTED.test(text)) return this.startBlock(() => this.parsePreformatted());
    if (TABLE_ROW.test(text)) return this.startBlock(() => this.parseTable());
    if (QUOTE_LINE.test(text)) return this.startBlock(() => this.parseQuote());
    const heading = headingOf(current);
    if (heading !== null) return this.startBlock(() => this.single(heading));
    if (RULE.test(text)) return this.startBlock(() => this.single({ type: 'rule', line: current.line }));
    if (this.splitBlockTag(current)) return;
    this.paragraph.push({ text: text.trim(), line: current.line });
    this.index += 1;
    this.continueProtectedSpan();
  }

  private startBlock(parse: () => Block | readonly Block[]): void {
    this.flushParagraph();
    const parsed = parse();
    if (Array.isArray(parsed)) this.blocks.push(...(parsed as readonly Block[]));
    else this.blocks.push(parsed as Block);
  }

  /** A block made of the current line alone. */
  private single(block: Block): Block {
    this.index += 1;
    return block;
  }

  private flushParagraph(): void {
    if (this.paragraph.length === 0) return;
    const first = this.paragraph[0];
    const block: ParagraphBlock = {
      type: 'paragraph',
      children: inlineOf(this.paragraph, this.closedTags),
      line: first?.line ?? 1,
    };
    this.blocks.push(block);
    this.paragraph = [];
  }

  /**
   * `%%` or `<nowiki>` left open at the end of the paragraph so far, closed on a later line: everything up to
   * the closing mark belongs to the paragraph, blank lines and list-like lines included.
   */
  private continueProtectedSpan(): void {
    for (;;) {
      const closer = unclosedSpan(this.paragraph.map((part) => part.text).join('\n'));
      if (closer === null) return;
      let end = this.index;
      while (end < this.queue.length && !(this.queue[end]?.text.includes(closer) ?? false)) end += 1;
      if (end >= this.queue.length) return;
      this.paragraph.push(...this.queue.slice(this.index, end + 1));
      this.index = end + 1;
    }
  }

  /**
   * A `<code>`, `<file>`, `<html>` or `<php>` block opening in this line and closing here or further down:
   * the text before it ends the paragraph, the block is added, and the text after the closing tag is read as a
   * new line. Returns false when the line holds no such block.
   */
  private splitBlockTag(current: SourceLine): boolean {
    const { text } = current;
    for (const at of topLevelPositions(text, (t, pos) => t[pos] === '<', { monospace: true })) {
      BLOCK_TAG.lastIndex = at;
      const open = BLOCK_TAG.exec(text);
      if (open === null) continue;
      const name = open[1] ?? open[3] ?? '';
      const closeTag = `</${name}>`;
      const closing = this.findForward(closeTag, this.index, at + open[0].length);
      if (closing === null) continue;
      const before = text.slice(0, at);
      const rest = this.queue[closing.index]?.text.slice(closing.column + closeTag.length) ?? '';
      // <html> and <php> are inline in DokuWiki (<HTML> and <PHP> are the block forms): only on lines of
      // their own do they make a block.
      if ((name === 'html' || name === 'php') && (before.trim() !== '' || rest.trim() !== '')) continue;
      if (before.trim() !== '') this.paragraph.push({ text: before.trim(), line: current.line });
      this.flushParagraph();
      const content = this.sliceBetween(this.index, at + open[0].length, closing.index, closing.column);
      this.blocks.push(blockTagNode(name, open[2] ?? '', stripOuterNewlines(content), current.line));
      const closingLine = this.queue[closing.index];
      const after = closingLine?.text.slice(closing.column + closeTag.length) ?? '';
      if (after.trim() !== '' && closingLine !== undefined) {
        this.queue[closing.index] = { text: after, line: closingLine.line };
        this.index = closing.index;
      } else {
        this.index = closing.index + 1;
      }
      return true;
    }
    return false;
  }

  private findForward(needle: string, fromIndex: number, fromColumn: number): { index: number; column: number } | null {
    for (let index = fromIndex; index < this.queue.length; index += 1) {
      const column = this.queue[index]?.text.indexOf(needle, index === fromIndex ? fromColumn : 0) ?? -1;
      if (column !== -1) return { index, column };
    }
    return null;
  }

  private sliceBetween(startIndex: number, startColumn: number, endIndex: number, endColumn: number): string {
    if (startIndex === endIndex) return this.queue[startIndex]?.text.slice(startColumn, endColumn) ?? '';
    const parts = [this.queue[startIndex]?.text.slice(startColumn) ?? ''];
    for (let index = startIndex + 1; index < endIndex; index += 1) parts.push(this.queue[index]?.text ?? '');
    parts.push(this.queue[endIndex]?.text.slice(0, endColumn) ?? '');
    return parts.join('\n');
  }

  private takeWhile(predicate: (text: string) => boolean): SourceLine[] {
    const taken: SourceLine[] = [];
    while (this.index < this.queue.length) {
      const current = this.queue[this.index];
      if (current === undefined || !predicate(current.text)) break;
      taken.push(current);
      this.index += 1;
    }
    return taken;
  }

  /** Lists of another type at the top level follow as blocks of their own. */
  private parseList(): ListBlock[] {
    const entries: ListEntry[] = [];
    for (;;) {
      const current = this.queue[this.index];
      if (current === undefined || !LIST_ITEM.test(current.text) || RULE.test(current.text)) break;
      const match = LIST_ITEM.exec(current.text);
      const indent = (match?.[1] ?? '').replace(/\t/g, '  ').length;
      const textStart = current.text.length - (match?.[3] ?? '').length;
      entries.push({
        depth: Math.floor(indent / 2),
        ordered: match?.[2] === '-',
        ...this.listItemContent(current, textStart),
        line: current.line,
      });
    }
    return buildLists(entries);
  }

  /**
   * The text of a list item from `textStart` in its line. A `<code>` or `<file>` block may open in it and run
   * over the next lines, as in DokuWiki's own syntax page (`  * … put this in lang.php: <code php>`): the block
   * and any text after its closing tag belong to the item, as DokuWiki renders them.
   */
  private listItemContent(first: SourceLine, textStart: number): Pick<ListEntry, 'children' | 'blocks'> {
    let children: Inline[] | null = null;
    const blocks: (CodeBlock | ParagraphBlock)[] = [];
    const addText = (text: string, line: number): void => {
      const inline = text.trim() === '' ? [] : inlineOf([{ text: text.trim(), line }], this.closedTags);
      if (children === null) children = inline;
      else if (inline.length > 0) blocks.push({ type: 'paragraph', children: inline, line });
    };
    let line = first;
    let start = textStart;
    for (;;) {
      const found = this.codeTagIn(line.text, start);
      if (found === null) {
        addText(line.text.slice(start), line.line);
        this.index += 1;
        return { children: children ?? [], blocks };
      }
      addText(line.text.slice(start, found.at), line.line);
      const content = this.sliceBetween(this.index, found.contentStart, found.closing.index, found.closing.column);
      const block = blockTagNode(found.name, found.attributes, stripOuterNewlines(content), line.line);
      if (block.type === 'code') blocks.push(block);
      this.index = found.closing.index;
      line = this.queue[found.closing.index] ?? line;
      start = found.closing.column + `</${found.name}>`.length;
    }
  }

  /** A `<code>`/`<file>` tag opening in `text` at or after `from` and closing here or further down. */
  private codeTagIn(
    text: string,
    from: number,
  ): { at: number; name: string; attributes: string; contentStart: number; closing: { index: number; column: number } } | null {
    for (const relative of topLevelPositions(text.slice(from), (t, pos) => t[pos] === '<', { monospace: true })) {
      const at = from + relative;
      BLOCK_TAG.lastIndex = at;
      const open = BLOCK_TAG.exec(text);
      const name = open?.[1];
      if (open === null || name === undefined) continue;
      const contentStart = at + open[0].length;
      const closing = this.findForward(`</${name}>`, this.index, contentStart);
      if (closing !== null) return { at, name, attributes: open[2] ?? '', contentStart, closing };
    }
    return null;
  }

  private parsePreformatted(): CodeBlock {
    const lines = this.takeWhile((text) => INDENTED.test(text) && !LIST_ITEM.test(text));
    const content = lines.map((line) => line.text.replace(INDENTED, ''));
    while (content.length > 0 && (content.at(-1) ?? '').trim() === '') content.pop();
    return {
      type: 'code',
      kind: 'preformatted',
      lang: null,
      filename: null,
      value: content.join('\n'),
      line: lines[0]?.line ?? 1,
    };
  }

  private parseTable(): TableBlock {
    const lines = this.takeWhile((text) => TABLE_ROW.test(text));
    const rows = lines.map((line) => tableRow(line, this.closedTags));
    return { type: 'table', rows, line: lines[0]?.line ?? 1 };
  }

  private parseQuote(): QuoteBlock {
    const lines = this.takeWhile((text) => QUOTE_LINE.test(text));
    return buildQuote(
      lines.map((line) => {
        const match = QUOTE_LINE.exec(line.text);
        return {
          depth: (match?.[1] ?? '>').length,
          children: inlineOf([{ text: (match?.[2] ?? '').trim(), line: line.line }], this.closedTags),
          line: line.line,
        };
      }),
    );
  }
}

function headingOf(current: SourceLine): HeadingBlock | null {
  const match = HEADING.exec(current.text);
  if (match === null) return null;
  const title = current.text
    .trim()
    .replace(/^=+|=+$/g, '')
    .trim();
  if (title === '') return null;
  const level = Math.max(1, 7 - (match[1] ?? '').length);
  return { type: 'heading', level: Math.min(level, 5) as HeadingBlock['level'], text: title, line: current.line };
}

/** The closing mark of a `%%` or `<nowiki>` that opens in `text` and does not close in it. */
function unclosedSpan(text: string): string | null {
  let pos = 0;
  while (pos < text.length) {
    const skipped = skipAtomic(text, pos);
    if (skipped !== -1) {
      pos = skipped;
      continue;
    }
    if (text.startsWith('%%', pos)) return '%%';
    if (text.startsWith('<nowiki>', pos)) return '</nowiki>';
    pos += 1;
  }
  return null;
}

function stripOuterNewlines(content: string): string {
  return content.replace(/^[ \t]*\n/, '').replace(/\n[ \t]*$/, '');
}

/** `<code lang [options] filename>`: DokuWiki's parameters, `-` for no language. */
export function parseCodeParameters(attributes: string): { lang: string | null; filename: string | null } {
  const withoutOptions = attributes.replace(/\[.*\]/, ' ');
  const [lang, ...rest] = withoutOptions.trim().split(/\s+/).filter(Boolean);
  const filename = rest.join(' ');
  return { lang: lang === undefined || lang === '-' ? null : lang, filename: filename === '' ? null : filename };
}

function blockTagNode(name: string, attributes: string, value: string, line: number): CodeBlock | UnsupportedBlock {
  const lower = name.toLowerCase();
  if (lower === 'code' || lower === 'file') {
    const { lang, filename } = parseCodeParameters(attributes);
    return { type: 'code', kind: lower, lang, filename, value, line };
  }
  return { type: 'unsupported-block', construct: `<${name}>`, lang: lower, value, line };
}

interface ListEntry {
  readonly depth: number;
  readonly ordered: boolean;
  readonly children: readonly Inline[];
  readonly blocks: readonly ListItem['blocks'][number][];
  readonly line: number;
}

interface OpenList {
  readonly depth: number;
  readonly ordered: boolean;
  readonly items: { children: readonly Inline[]; blocks: ListEntry['blocks']; sublists: OpenList[]; line: number }[];
  readonly line: number;
}

/**
 * Items with their indentation depth → nested lists. A deeper item opens a list inside the previous item
 * (whatever the jump in depth), a shallower one closes lists, a change between `*` and `-` at the same depth
 * starts a new list, as DokuWiki's list rewriter does.
 */
export function buildLists(entries: readonly ListEntry[]): ListBlock[] {
  const roots: OpenList[] = [];
  const stack: OpenList[] = [];
  for (const entry of entries) {
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) > entry.depth) stack.pop();
    let top = stack.at(-1);
    if (top !== undefined && top.depth < entry.depth) {
      const parent = top.items.at(-1);
      const list: OpenList = { depth: entry.depth, ordered: entry.ordered, items: [], line: entry.line };
      parent?.sublists.push(list);
      stack.push(list);
      top = list;
    } else if (top === undefined || top.ordered !== entry.ordered) {
      stack.pop();
      const list: OpenList = { depth: entry.depth, ordered: entry.ordered, items: [], line: entry.line };
      const holder = stack.at(-1)?.items.at(-1);
      if (holder === undefined) roots.push(list);
      else holder.sublists.push(list);
      stack.push(list);
      top = list;
    }
    top.items.push({ children: entry.children, blocks: entry.blocks, sublists: [], line: entry.line });
  }
  return roots.map(freezeList);
}

function freezeList(list: OpenList): ListBlock {
  const items: ListItem[] = list.items.map((item) => ({
    children: item.children,
    blocks: item.blocks,
    sublists: item.sublists.map(freezeList),
    line: item.line,
  }));
  return { type: 'list', ordered: list.ordered, items, line: list.line };
}

/** One table row: cells split at `|` and `^` outside links, media, nowiki and monospace. */
export function tableRow(source: SourceLine, closedTags: ReadonlySet<string>): TableRow {
  const text = source.text.trimEnd();
  const separators = topLevelPositions(text, (t, pos) => t[pos] === '|' || t[pos] === '^', { monospace: true });
  const cells: TableCell[] = [];
  separators.forEach((at, index) => {
    const next = separators[index + 1];
    const raw = text.slice(at + 1, next ?? text.length);
    if (next === undefined && raw.trim() === '') return;
    const previous = cells.at(-1);
    if (raw === '' && previous !== undefined) {
      cells[cells.length - 1] = { ...previous, colspan: previous.colspan + 1 };
      return;
    }
    const content = raw.trim();
    cells.push({
      header: text[at] === '^',
      children: content === ':::' ? [] : inlineOf([{ text: content, line: source.line }], closedTags),
      colspan: 1,
      rowspan: content === ':::',
      align: cellAlign(raw),
    });
  });
  return { cells, line: source.line };
}

/** Two spaces on the left align right, on the right align left, on both sides centre. */
function cellAlign(raw: string): CellAlign {
  if (raw.trim() === '') return null;
  const left = /^ {2,}|^\t/.test(raw);
  const right = / {2,}$|\t$/.test(raw);
  if (left && right) return 'center';
  if (left) return 'right';
  if (right) return 'left';
  return null;
}

interface QuoteEntry {
  readonly depth: number;
  readonly children: readonly Inline[];
  readonly line: number;
}

interface OpenQuote {
  readonly children: (OpenQuote | { paragraph: Inline[]; line: number })[];
  readonly line: number;
}

/**
 * Quote lines → nested quotes. Consecutive lines of the same depth form one paragraph with line breaks
 * between them, as DokuWiki renders them.
 */
export function buildQuote(entries: readonly QuoteEntry[]): QuoteBlock {
  const root: OpenQuote = { children: [], line: entries[0]?.line ?? 1 };
  let previousDepth = 0;
  for (const entry of entries) {
    let quote = root;
    for (let level = 1; level < entry.depth; level += 1) {
      const last = quote.children.at(-1);
      if (last !== undefined && 'children' in last && previousDepth > level) {
        quote = last;
      } else {
        const nested: OpenQuote = { children: [], line: entry.line };
        quote.children.push(nested);
        quote = nested;
      }
    }
    const last = quote.children.at(-1);
    if (last !== undefined && 'paragraph' in last && previousDepth === entry.depth) {
      last.paragraph.push({ type: 'linebreak' }, ...entry.children);
    } else {
      quote.children.push({ paragraph: [...entry.children], line: entry.line });
    }
    previousDepth = entry.depth;
  }
  return freezeQuote(root);
}

function freezeQuote(quote: OpenQuote): QuoteBlock {
  return {
    type: 'quote',
    line: quote.line,
    children: quote.children.map((child) => ('children' in child ? freezeQuote(child) : { type: 'paragraph', children: child.paragraph, line: child.line })),
  };
}
