/**
 * Dollar signs in prose stay dollar signs. remark-math (and satteri, which reads math the same way) pairs any
 * two `$` of a paragraph, so "between $5 and $10" would set "5 and " as a formula. Pandoc's rule, which
 * GitHub and Obsidian follow in its first two parts, decides instead: a single `$` opens a formula only when
 * a non-space follows it, and closes one only when a non-space precedes it and no digit follows it
 * (https://pandoc.org/MANUAL.html#extension-tex_math_dollars). So `$5 and $10` and `$100-$200` are prose,
 * `$C \approx 6ND$` is a formula, and `\$` is always a dollar sign.
 *
 * A formula that breaks the rule is read again with its opening `$` escaped (`\$`), so that the Markdown
 * inside it and after it is read as prose would be (a link, emphasis); positions are then mapped back to the
 * text as written. Pure: text and a reader in, tree out.
 */
import type { Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';

/** Single-dollar formulas in `tree` that Pandoc's rule does not accept: the offset of each opening `$`. */
export function proseDollarOffsets(tree: Root, source: string): number[] {
  const offsets: number[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'inlineMath') {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start === undefined || end === undefined) continue;
        // `$$…$$` inside a paragraph is display-style math written inline: never prose.
        if (source[start] !== '$' || source[start + 1] === '$') continue;
        const inner = source.slice(start + 1, end - 1);
        if (/^\s/.test(inner) || /\s$/.test(inner) || /^\d/.test(source.slice(end, end + 1))) offsets.push(start);
      } else if ('children' in node) {
        walk(node.children as RootContent[]);
      }
    }
  };
  walk(tree.children);
  return offsets;
}

/**
 * `read(source)`, with every `$` pair that Pandoc's rule makes prose read as prose. Reads once when there is
 * none (nearly always); else again after escaping, until every formula left keeps the rule.
 */
export function readWithProseDollars(source: string, read: (text: string) => Root): Root {
  let text = source;
  let tree = read(text);
  if (!text.includes('$')) return tree;
  /** Offsets, in `text`, of the backslashes inserted so far, ascending. */
  let inserted: number[] = [];
  for (let offsets = proseDollarOffsets(tree, text); offsets.length > 0; offsets = proseDollarOffsets(tree, text)) {
    let shifted = 0;
    const next: number[] = [];
    let out = '';
    let last = 0;
    const sorted = [...offsets].sort((a, b) => a - b);
    // Earlier insertions move as the new ones land before them.
    const earlier = [...inserted];
    let e = 0;
    for (const offset of sorted) {
      while (e < earlier.length && (earlier[e] ?? 0) < offset) next.push((earlier[e++] ?? 0) + shifted);
      out += `${text.slice(last, offset)}\\`;
      last = offset;
      next.push(offset + shifted);
      shifted++;
    }
    while (e < earlier.length) next.push((earlier[e++] ?? 0) + shifted);
    text = out + text.slice(last);
    inserted = next;
    tree = read(text);
  }
  if (inserted.length > 0) mapPositionsBack(tree, text, inserted);
  return tree;
}

/** Move every position of `tree` (read from `text`) back to the text before the backslashes at `inserted` were added. */
function mapPositionsBack(tree: Root, text: string, inserted: number[]): void {
  const lineOf = (offset: number) => {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  const lines = inserted.map(lineOf);
  const back = (point: Point): Point => {
    if (point.offset === undefined) return point;
    const at = point.offset;
    let before = 0;
    let sameLine = 0;
    inserted.forEach((offset, i) => {
      if (offset < at) {
        before++;
        if (lines[i] === point.line) sameLine++;
      }
    });
    return { line: point.line, column: point.column - sameLine, offset: at - before };
  };
  const walk = (node: Root | RootContent) => {
    if (node.position) node.position = { start: back(node.position.start), end: back(node.position.end) } satisfies Position;
    if ('children' in node) for (const child of node.children as RootContent[]) walk(child);
  };
  walk(tree);
}

/** How a processor's parser says that it already reads prose dollars as prose (readArticleTree does). */
const HANDLES_PROSE_DOLLARS = Symbol.for('wiki:prose-dollars');

export function markHandlesProseDollars<F extends (...args: never[]) => unknown>(parser: F): F {
  return Object.assign(parser, { [HANDLES_PROSE_DOLLARS]: true });
}

export function handlesProseDollars(parser: unknown): boolean {
  return typeof parser === 'function' && HANDLES_PROSE_DOLLARS in parser;
}
