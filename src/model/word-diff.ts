/**
 * The word-level diff of a change to an article, as its history page shows it: the changed lines only, each
 * with the words added and removed marked and long unchanged stretches cut to a few words of context.
 * Lines are compared first (jsdiff's `diffLines`), and words only inside the lines that changed, so that a
 * small edit to a long article costs little. Pure.
 */
import { diffLines, diffWordsWithSpace } from 'diff';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string } | { kind: 'gap' };

export interface DiffHunk {
  /** The first line of the hunk in the new text (1-based). */
  line: number;
  parts: DiffPart[];
}

export interface WordDiff {
  hunks: DiffHunk[];
  /** Hunks left out past `maxHunks`. */
  more: number;
}

export interface WordDiffOptions {
  /** Unchanged words kept on each side of a change. */
  context?: number;
  /** At most this many hunks are kept. */
  maxHunks?: number;
}

/** Whether a UTF-16 code unit is white space as `\s` reads it (the ASCII ones tested first: nearly every one is). */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

/**
 * Keep `context` words at the edges of an unchanged stretch, cut the middle. Words are runs of characters other
 * than white space; only the words at the edges are looked at, not every word of what may be a long stretch.
 */
function trimmed(text: string, context: number, keepStart: boolean, keepEnd: boolean): DiffPart[] {
  // Where the first `context` words end, and whether more than twice as many and one follow.
  let at = 0;
  let words = 0;
  let startEnd = 0;
  while (words <= context * 2 + 1) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    if (at === text.length) break;
    while (at < text.length && !isSpace(text.charCodeAt(at))) at++;
    if (++words === context) startEnd = at;
  }
  if (words <= context * 2 + 1) return [{ kind: 'same', text }];
  // Where the last `context` words start.
  let endStart = text.length;
  for (let back = 0; back < context; back++) {
    while (endStart > 0 && isSpace(text.charCodeAt(endStart - 1))) endStart--;
    while (endStart > 0 && !isSpace(text.charCodeAt(endStart - 1))) endStart--;
  }
  const start = keepStart ? text.slice(0, startEnd) : '';
  const end = keepEnd ? text.slice(endStart) : '';
  return [...(start ? [{ kind: 'same' as const, text: start }] : []), { kind: 'gap' as const }, ...(end ? [{ kind: 'same' as const, text: end }] : [])];
}

/** The line breaks in the first `end` characters of `text` (counted, not split: an article's head is most of it). */
function lineBreaks(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Characters compared at once by `commonEnds`. */
const BLOCK = 256;

/**
 * The lines both texts start with and end with, as character offsets at line boundaries: most changes touch a
 * few lines of a long article, and only what lies between needs comparing.
 */
export function commonEnds(before: string, after: string): { head: number; tail: number } {
  const max = Math.min(before.length, after.length);
  let head = 0;
  // Whole blocks compared as strings first (natively), then the characters of the block that differs: most of
  // an article is the same before and after, and a loop over each character was most of the diff's time.
  while (head + BLOCK <= max && before.slice(head, head + BLOCK) === after.slice(head, head + BLOCK)) head += BLOCK;
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  head = before.lastIndexOf('\n', head - 1) + 1;
  let tail = 0;
  const room = max - head;
  while (
    tail + BLOCK <= room &&
    before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)
  )
    tail += BLOCK;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Back to the start of a line: the tail is whole lines.
  const cut = before.indexOf('\n', before.length - tail - 1);
  tail = cut === -1 || tail === 0 ? 0 : before.length - cut - 1;
  return { head, tail };
}

/** Words of one edit: the common start and end (at word boundaries) kept whole, only the middle compared. */
function changedWords(removed: string, added: string): Array<{ value: string; added?: boolean; removed?: boolean }> {
  const max = Math.min(removed.length, added.length);
  let head = 0;
  while (head < max && removed.charCodeAt(head) === added.charCodeAt(head)) head++;
  while (head > 0 && /\S/.test(removed[head - 1] ?? '')) head--;
  let tail = 0;
  while (tail < max - head && removed.charCodeAt(removed.length - 1 - tail) === added.charCodeAt(added.length - 1 - tail)) tail++;
  while (tail > 0 && /\S/.test(removed[removed.length - tail] ?? '')) tail--;
  const middle = diffWordsWithSpace(removed.slice(head, removed.length - tail), added.slice(head, added.length - tail));
  return [...(head > 0 ? [{ value: removed.slice(0, head) }] : []), ...middle, ...(tail > 0 ? [{ value: removed.slice(removed.length - tail) }] : [])];
}

/** The word diff of `before` → `after`. */
export function wordDiff(before: string, after: string, options: WordDiffOptions = {}): WordDiff {
  const context = options.context ?? 12;
  const maxHunks = options.maxHunks ?? 20;
  const hunks: DiffHunk[] = [];
  let more = 0;
  const { head, tail } = commonEnds(before, after);
  let line = lineBreaks(before, head) + 1;
  const blocks = diffLines(before.slice(head, before.length - tail), after.slice(head, after.length - tail));
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) continue;
    if (!block.added && !block.removed) {
      line += block.count ?? 0;
      continue;
    }
    // A removal followed by an addition is one edit: compare its words. A lone addition or removal is shown whole.
    const nextBlock = blocks[i + 1];
    const removed = block.removed ? block.value : '';
    const added = block.added ? block.value : nextBlock?.added && block.removed ? nextBlock.value : '';
    if (block.removed && nextBlock?.added) i++;
    const start = line;
    line += added === '' ? 0 : lineBreaks(added, added.length) + (added.endsWith('\n') ? 0 : 1);
    if (hunks.length >= maxHunks) {
      more++;
      continue;
    }
    const words = removed !== '' && added !== '' ? changedWords(removed, added) : [{ value: removed || added, added: added !== '', removed: removed !== '' }];
    const parts: DiffPart[] = [];
    // Neighbouring unchanged words are one part.
    const merged = words.reduce<typeof words>((list, word) => {
      const last = list.at(-1);
      if (last && !last.added && !last.removed && !word.added && !word.removed) list[list.length - 1] = { value: last.value + word.value };
      else list.push(word);
      return list;
    }, []);
    merged.forEach((word, w) => {
      if (word.added) parts.push({ kind: 'added', text: word.value });
      else if (word.removed) parts.push({ kind: 'removed', text: word.value });
      else parts.push(...trimmed(word.value, context, w > 0, w < merged.length - 1));
    });
    // Trailing line breaks add nothing to read.
    const last = parts.at(-1);
    if (last && last.kind !== 'gap') last.text = last.text.replace(/\n+$/, '');
    hunks.push({ line: start, parts: parts.filter((part) => part.kind === 'gap' || part.text !== '') });
  }
  return { hunks, more };
}
