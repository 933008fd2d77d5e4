/**
 * Limits that keep the reading of an article linear in its size, checked before any reading that would not
 * be: no article of 1 MB takes more than a few seconds to read, and none ends in "Maximum call stack size
 * exceeded". Past a limit, the article is refused with its line and what to change. Pure.
 *
 * - Nesting: lists, block quotes, emphasis, links and elements inside one another, at most MAX_NESTING deep.
 *   Nesting costs every reader more than its size (micromark checks each open container on each line; tree
 *   walks recurse), and no article needs a hundred levels. Lists and quotes and elements are counted on
 *   the text, before any parser runs (`textNestingProblem`); the rest on satteri's tree, which it reads in
 *   linear time (`treeNestingProblem`).
 * - Marks per paragraph: both parsers look back over the paragraph, or on to its end, from some marks
 *   (micromark, remark's parser, from `*`, `_`, `[`, `]`: 4,000 `[[a` in one paragraph take 6 s; satteri
 *   from `<` and `{` that open nothing: 10,000 `</span>` take 3 s), so that a paragraph of n marks costs
 *   about n². The sum of each paragraph's marks squared must stay under MARK_BUDGET (`markCostProblem`),
 *   which keeps either parser to about a second per article and is some forty times what a 1 MB article
 *   of ordinary prose needs.
 */
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';

/** How deep lists, quotes, emphasis, links and elements may be nested in one another. */
export const MAX_NESTING = 100;

/** The sum over paragraphs of (marks in the paragraph)², past which no parser is asked to read an article. */
export const MARK_BUDGET = 30_000_000;

/** Thrown by a reader when an article is past a limit: the line, the column and the sentence for the writer. */
export class ReadingLimitError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(line: number, column: number, message: string) {
    super(message);
    this.name = 'ReadingLimitError';
    this.line = line;
    this.column = column;
  }
}

const nestingMessage = (what: string) =>
  `${what} nested more than ${MAX_NESTING} levels deep, which no reader of the wiki follows: flatten the nesting (split the list or quote, or close elements sooner)`;

/** The lines of the frontmatter block (from the opening `---` to the closing one), 0-based, or -1 when there is none. */
function frontmatterEnd(lines: string[]): number {
  if (!/^---\s*$/.test(lines[0] ?? '')) return -1;
  for (let i = 1; i < lines.length; i++) if (/^---\s*$/.test(lines[i] ?? '')) return i;
  return -1;
}

/** The opening of a fenced code block (a backtick fence's info string holds no backtick). */
const FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;

/**
 * How many containers a line opens or continues at most: each block-quote `>` and list marker at its start,
 * and each two columns of indentation among them (the least a list item's content is indented by). An upper
 * bound of the line's nesting, which a parser can only reach if this is as high.
 */
function lineContainers(line: string): number {
  let markers = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === ' ') {
      columns++;
      i++;
    } else if (char === '\t') {
      columns += 4 - (columns % 4);
      i++;
    } else if (char === '>') {
      markers++;
      i++;
    } else if ((char === '-' || char === '*' || char === '+') && /[ \t]|$/.test(line[i + 1] ?? '')) {
      markers++;
      i++;
    } else {
      // Most lines are prose: no ordered item unless a digit starts here.
      const code = line.charCodeAt(i);
      if (code < 48 || code > 57) break;
      const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11));
      if (!ordered) break;
      markers++;
      i += ordered[0].length;
    }
  }
  return markers + Math.floor(columns / 2);
}

/** The code spans of a line removed (backtick runs matched by length), so that `<div>` in code is no element. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)[\s\S]*?\1/g, '');
}

/**
 * Nesting of lists, quotes and elements, judged on the text, before any parser runs: the first line past
 * MAX_NESTING, or undefined. Fenced code is skipped.
 */
export function textNestingProblem(source: string): ReadingLimitError | undefined {
  const lines = source.split('\n');
  let fence: string | undefined;
  let elements = 0;
  for (let i = frontmatterEnd(lines) + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const opening = FENCE.exec(line);
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    if (opening?.[1]) {
      fence = opening[1];
      continue;
    }
    if (lineContainers(line) > MAX_NESTING) return new ReadingLimitError(i + 1, 1, nestingMessage('lists and block quotes are'));
    // Elements: each `<name …>` opens one, each `</name>` closes one, `<name … />` does both. Most lines have no `<`.
    if (!line.includes('<')) continue;
    for (const tag of withoutCodeSpans(line).matchAll(/\\<|<(\/?)([A-Za-z][^\s/>]*)?[^<>]*?(\/?)>/g)) {
      if (tag[0] === '\\<' || tag[2] === undefined) continue;
      if (tag[1] === '/') elements = Math.max(elements - 1, 0);
      else if (tag[3] !== '/') elements++;
      if (elements > MAX_NESTING) return new ReadingLimitError(i + 1, (tag.index ?? 0) + 1, nestingMessage('elements are'));
    }
  }
  return undefined;
}

/** Node types that nest: a level each. */
const NESTING_TYPES = new Set([
  'list',
  'blockquote',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'footnoteDefinition',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
]);

/** Nesting in a read tree, walked without recursion: the first node past MAX_NESTING, or undefined. */
export function treeNestingProblem(tree: Root): ReadingLimitError | undefined {
  const nodes: Node[] = [tree];
  const depths: number[] = [0];
  for (let node = nodes.pop(), above = depths.pop() ?? 0; node !== undefined; node = nodes.pop(), above = depths.pop() ?? 0) {
    const depth = above + (NESTING_TYPES.has(node.type) ? 1 : 0);
    if (depth > MAX_NESTING) {
      const what =
        node.type === 'list' || node.type === 'blockquote'
          ? 'lists and block quotes are'
          : node.type.startsWith('mdxJsx')
            ? 'elements are'
            : 'emphasis and links are';
      return new ReadingLimitError(node.position?.start.line ?? 1, node.position?.start.column ?? 1, nestingMessage(what));
    }
    const children = (node as Partial<Parent>).children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (!child) continue;
      nodes.push(child);
      depths.push(depth);
    }
  }
  return undefined;
}

/** Characters the parsers' inline constructs look back or on from. */
const MARKS = /[*_~`[\]<>{}]/g;
/** A bullet or `1.` item with content: it starts a list item even after a paragraph line. */
const ITEM_ANYWHERE = /^ {0,3}(?:[-*+]|1[.)])[ \t]+\S/;
/** Any ordered item: after a paragraph line it starts one only inside an ordered list with its delimiter. */
const ORDERED_ITEM = /^ {0,3}\d{1,9}([.)])[ \t]+\S/;
const BULLET_ITEM = /^ {0,3}([-*+])[ \t]+\S/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The cells of a table row as GFM counts them: unescaped `|`, leading and trailing ones aside. */
function cellCount(row: string): number {
  const trimmed = row.trim();
  const pipes = trimmed.match(/(?<!\\)\|/g)?.length ?? 0;
  return pipes + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && trimmed.length > 1 ? 1 : 0);
}

/** The closing line of a fence opened by `fence` (a run of backticks or tildes). */
function closesFence(line: string, fence: string): boolean {
  const run = /^ {0,3}(`+|~+)[ \t]*$/.exec(line)?.[1];
  return run !== undefined && run[0] === fence[0] && run.length >= fence.length;
}

/**
 * What the parsers would spend on an article, in (marks per paragraph)², judged on the text: the first
 * paragraph that takes the sum past MARK_BUDGET, or undefined. A paragraph ends where micromark's does:
 * at a blank line, a fence, a heading, or a line that starts a list item; a table's rows are read one by one.
 * Where the text leaves it unsure, it reads one paragraph on, which can only overestimate.
 */
export function markCostProblem(source: string): ReadingLimitError | undefined {
  const lines = source.split('\n');
  let total = 0;
  let marks = 0;
  let start = 0;
  /** The marker of the list being read (`-`, `*`, `+`, `.` or `)`), '' outside one. */
  let list = '';
  let table = false;
  let fence: string | undefined;
  let previousBlank = true;
  const close = (at: number) => {
    total += marks * marks;
    marks = 0;
    start = at;
  };
  for (let i = frontmatterEnd(lines) + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    const blank = line.trim() === '';
    const opening = FENCE.exec(line)?.[1];
    const ordered = ORDERED_ITEM.exec(line)?.[1];
    const item = ITEM_ANYWHERE.test(line) || (ordered !== undefined && (previousBlank || list === ordered));
    if (item) list = BULLET_ITEM.exec(line)?.[1] ?? ordered ?? '';
    if (blank || opening || ATX_HEADING.test(line) || item || table) close(blank ? i + 1 : i);
    previousBlank = blank;
    if (blank) table = false;
    if (opening) {
      fence = opening;
      continue;
    }
    // A table whose header row starts a block: its rows are read one by one.
    if (!table && start === i - 1 && line.includes('|') && TABLE_DELIMITER.test(line) && cellCount(line) === cellCount(lines[i - 1] ?? '')) {
      table = true;
      close(i);
    }
    marks += line.match(MARKS)?.length ?? 0;
    if (total + marks * marks > MARK_BUDGET) {
      return new ReadingLimitError(
        start + 1,
        1,
        'this paragraph holds too many marks (`*`, `_`, `[`, `]`, `<`, `{`, …) to be read in reasonable time (the parser compares each with the others): split the paragraph into shorter ones',
      );
    }
  }
  return undefined;
}
