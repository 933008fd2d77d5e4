/**
 * The lines a change added and removed, counted from the file's texts before and after it, as `git diff --numstat`
 * counts them: lines compared byte for byte (a last line without its line break differs from the same line with
 * it), a file with a NUL byte in its first 8,000 bytes is binary and has no counts. The count is that of the
 * shortest edit (Myers's algorithm); git's diff may take a line or two more where its heuristics give up on the
 * shortest (13 of 2,514 changes in the engine's own repository, none of the 50,082 changes of the benchmark's and
 * the seed's content folders).
 *
 * Why not git's own counts: a build's first `git log` names every change's blobs, and counting from them read once
 * costs a third of what a second `git log --numstat` costs, which walks every commit's trees again
 * (bench/RESULTS.md).
 */

/** The counts of a change; undefined for a binary file. */
export type LineCounts = { added: number; removed: number } | undefined;

/** How far git looks for a NUL byte to call a file binary (`FIRST_FEW_BYTES`). */
const BINARY_PEEK = 8000;

/** A file's text as the count compares it: its lines, or none for a binary file (`textLines`). */
export type TextLines = readonly string[] | 'binary';

/**
 * A file's text (its bytes read as Latin-1: one character a byte, so that equal lines are equal bytes whatever the
 * encoding), split into the lines the count compares. Made once for a version that is the text after one change and
 * before the next (src/content-folder/git-history.ts `countLines`).
 */
export function textLines(text: string): TextLines {
  return isBinary(text) ? 'binary' : linesOf(text);
}

/**
 * Count the lines `after` adds to `before` and removes from it (texts read as Latin-1, see `textLines`); undefined
 * for a side that does not exist (the file added or deleted).
 */
export function lineCounts(before: string | undefined, after: string | undefined): LineCounts {
  return countChange(before === undefined ? undefined : textLines(before), after === undefined ? undefined : textLines(after));
}

/** `lineCounts` of texts already split (`textLines`). */
export function countChange(before: TextLines | undefined, after: TextLines | undefined): LineCounts {
  if (before === 'binary' || after === 'binary') return undefined;
  const a = before ?? [];
  const b = after ?? [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const removed = endA - start;
  const added = endB - start;
  if (removed === 0 || added === 0) return { added, removed };
  // Lines as numbers, so that the search compares numbers, not strings.
  const ids = new Map<string, number>();
  const idOf = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const x = Int32Array.from(a.slice(start, endA), idOf);
  const y = Int32Array.from(b.slice(start, endB), idOf);
  const common = (removed + added - editDistance(x, y)) / 2;
  return { added: added - common, removed: removed - common };
}

function isBinary(text: string): boolean {
  // Not `lastIndexOf('\0', BINARY_PEEK - 1)`: V8 searches backwards a character at a time, nine times slower.
  return text.slice(0, BINARY_PEEK).includes('\0');
}

/** The lines of `text`; a last line without a line break is kept apart from the same line with one. */
function linesOf(text: string): string[] {
  const lines: string[] = [];
  let at = 0;
  for (;;) {
    const end = text.indexOf('\n', at);
    if (end === -1) {
      // U+0100 is no Latin-1 character: such a line equals no line that ends in a line break.
      if (at < text.length) lines.push(`${text.slice(at)}\u0100`);
      return lines;
    }
    lines.push(text.slice(at, end));
    at = end + 1;
  }
}

/**
 * The length of the shortest edit script from `a` to `b` (lines removed plus lines added): Myers's greedy search,
 * "An O(ND) difference algorithm and its variations" (1986), which needs no more than the furthest point reached on
 * each diagonal.
 */
export function editDistance(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const furthest = new Int32Array(2 * max + 2);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && furthest[max + k - 1]! < furthest[max + k + 1]!);
      let i = down ? furthest[max + k + 1]! : furthest[max + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && a[i] === b[j]) {
        i++;
        j++;
      }
      furthest[max + k] = i;
      if (i >= n && j >= m) return d;
    }
  }
  return max;
}
