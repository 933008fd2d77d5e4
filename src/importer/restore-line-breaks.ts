/**
 * Put back the line breaks of a page that lost them (the seed article arrived as one line).
 *
 * DokuWiki only reads `====== Title ======` as a heading when it stands on its own line, and list items only
 * when each starts a line. A line with a heading in its middle cannot have been written that way, so such a
 * line is split: headings go on their own lines, a run of ` * item * item` right after a heading becomes
 * list lines, and sentences that start right after a closing footnote `))` or a bold lead-in (`. **Label**:`)
 * start new paragraphs. Every restored line is reported. Lines inside code, nowiki, html or php blocks and
 * indented (preformatted) lines are left alone.
 */
import { skipAtomic, topLevelPositions } from './scan.ts';
import type { Issue, SourceLine } from './types.ts';

export interface Restoration {
  readonly lines: readonly SourceLine[];
  readonly issues: readonly Issue[];
}

const PROTECTED_OPENER = /<(code|file|html|php|HTML|PHP|nowiki)\b[^>\n]*>/g;
/** A heading title longer than this is more likely text between two `==` in prose. */
const MAX_HEADING_LENGTH = 200;

export function restoreLineBreaks(lines: readonly SourceLine[]): Restoration {
  const out: SourceLine[] = [];
  const issues: Issue[] = [];
  let closer: string | null = null;
  for (const source of lines) {
    if (closer !== null) {
      out.push(source);
      if (source.text.includes(closer)) closer = unclosedProtected(source.text.slice(source.text.indexOf(closer)));
      continue;
    }
    closer = unclosedProtected(source.text);
    if (closer !== null || /^( {2}|\t)/.test(source.text)) {
      out.push(source);
      continue;
    }
    const restored = restoreLine(source.text);
    if (restored === null) {
      out.push(source);
      continue;
    }
    for (const text of restored.lines) out.push({ text, line: source.line });
    issues.push({
      kind: 'restored',
      line: source.line,
      construct: 'line breaks',
      message: `line breaks were lost here: restored ${describe(restored)}`,
    });
  }
  return { lines: out, issues };
}

/** The closing tag of a protected block opened but not closed on this line, if any. */
function unclosedProtected(text: string): string | null {
  let result: string | null = null;
  for (const match of text.matchAll(PROTECTED_OPENER)) {
    const tag = `</${match[1]}>`;
    if (!text.includes(tag, match.index + match[0].length)) result = tag;
  }
  return result;
}

interface RestoredLine {
  readonly lines: readonly string[];
  readonly headings: number;
  readonly listItems: number;
  readonly paragraphBreaks: number;
}

function describe(restored: RestoredLine): string {
  const parts = [`${restored.headings} heading${restored.headings === 1 ? '' : 's'}`];
  if (restored.listItems > 0) parts.push(`${restored.listItems} list item${restored.listItems === 1 ? '' : 's'}`);
  if (restored.paragraphBreaks > 0) {
    parts.push(`${restored.paragraphBreaks} paragraph break${restored.paragraphBreaks === 1 ? '' : 's'}`);
  }
  return parts.join(', ');
}

interface EqualsRun {
  readonly start: number;
  readonly end: number;
}

interface HeadingSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Split a line with a heading in its middle, or null when the line needs nothing. */
export function restoreLine(text: string): RestoredLine | null {
  const headings = findHeadings(text);
  const midLine = headings.some((heading) => text.slice(0, heading.start).trim() !== '' || text.slice(heading.end).trim() !== '');
  if (!midLine) return null;
  const lines: string[] = [];
  let listItems = 0;
  let paragraphBreaks = 0;
  let cursor = 0;
  const pushPiece = (piece: string, afterHeading: boolean): void => {
    const trimmed = piece.trim();
    if (trimmed === '') return;
    if (lines.length > 0) lines.push('');
    const items = afterHeading ? splitListRun(trimmed) : null;
    if (items !== null) {
      listItems += items.length;
      lines.push(...items);
      return;
    }
    const paragraphs = splitParagraphs(trimmed);
    paragraphBreaks += paragraphs.length - 1;
    paragraphs.forEach((paragraph, index) => {
      if (index > 0) lines.push('');
      lines.push(paragraph);
    });
  };
  let afterHeading = false;
  for (const heading of headings) {
    pushPiece(text.slice(cursor, heading.start), afterHeading);
    if (lines.length > 0) lines.push('');
    lines.push(heading.text);
    cursor = heading.end;
    afterHeading = true;
  }
  pushPiece(text.slice(cursor), afterHeading);
  return { lines, headings: headings.length, listItems, paragraphBreaks };
}

/** Balanced `== title ==` spans standing between spaces, outside links, footnotes and nowiki. */
function findHeadings(text: string): HeadingSpan[] {
  const runs: EqualsRun[] = [];
  const starts = topLevelPositions(text, (t, pos) => t[pos] === '=' && (pos === 0 || /\s/.test(t[pos - 1] ?? '')), {
    footnotes: true,
  });
  for (const start of starts) {
    let end = start;
    while (text[end] === '=') end += 1;
    if (end - start >= 2 && (end === text.length || /\s/.test(text[end] ?? ''))) runs.push({ start, end });
  }
  const headings: HeadingSpan[] = [];
  for (let index = 0; index + 1 < runs.length; index += 1) {
    const open = runs[index];
    const close = runs[index + 1];
    if (open === undefined || close === undefined) break;
    const title = text.slice(open.end, close.start).trim();
    const before = text.slice(0, open.start).trimEnd();
    // Prose like `a == b == c` is no heading: a lost heading starts with a capital or a digit, and follows a
    // sentence end, a link or a footnote (or is marked by three `=` or more).
    const looksLikeHeading = /^[\p{Lu}\p{N}]/u.test(title) && (open.end - open.start >= 3 || !/[\p{L}\p{N}]$/u.test(before));
    if (
      looksLikeHeading &&
      open.end - open.start === close.end - close.start &&
      title !== '' &&
      title.length <= MAX_HEADING_LENGTH &&
      !title.includes('[[') &&
      !title.includes('((')
    ) {
      headings.push({ start: open.start, end: close.end, text: text.slice(open.start, close.end) });
      index += 1;
    }
  }
  return headings;
}

/** `* a * b * c` right after a heading: one list item per marker, or null when the piece is no list. */
function splitListRun(piece: string): string[] | null {
  const marker = piece[0];
  if ((marker !== '*' && marker !== '-') || piece[1] !== ' ') return null;
  const separators = topLevelPositions(piece, (t, pos) => t.startsWith(` ${marker} `, pos));
  const items: string[] = [];
  let cursor = 2;
  for (const at of separators) {
    items.push(piece.slice(cursor, at).trim());
    cursor = at + 3;
  }
  items.push(piece.slice(cursor).trim());
  return items.filter((item) => item !== '').map((item) => `  ${marker} ${item}`);
}

/**
 * Paragraph breaks that a lost blank line leaves visible: a footnote closing a sentence directly followed by a
 * capitalised sentence (`…((source)) Next sentence`), and a bold lead-in after a full stop (`. **Label**: …`).
 */
function splitParagraphs(piece: string): string[] {
  const breaks: number[] = [];
  let pos = 0;
  while (pos < piece.length) {
    if (piece.startsWith('((', pos)) {
      const end = skipAtomic(piece, pos, { footnotes: true });
      if (end !== -1) {
        const next = /^\s+(?=\p{Lu}|\*\*)/u.exec(piece.slice(end));
        if (next !== null) breaks.push(end);
        pos = end;
        continue;
      }
    }
    const skipped = skipAtomic(piece, pos);
    if (skipped !== -1) {
      pos = skipped;
      continue;
    }
    if (piece.startsWith('**', pos) && isBoldLeadIn(piece, pos)) breaks.push(pos);
    pos += 1;
  }
  const paragraphs: string[] = [];
  let cursor = 0;
  for (const at of breaks) {
    paragraphs.push(piece.slice(cursor, at).trim());
    cursor = at;
  }
  paragraphs.push(piece.slice(cursor).trim());
  return paragraphs.filter((paragraph) => paragraph !== '');
}

function isBoldLeadIn(piece: string, pos: number): boolean {
  const close = piece.indexOf('**', pos + 2);
  if (close === -1 || piece[close + 2] !== ':') return false;
  const before = piece.slice(0, pos).trimEnd();
  return before !== '' && /[.!?]$/.test(before) && /\s$/.test(piece.slice(0, pos));
}
