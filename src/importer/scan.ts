/**
 * Scanning helpers shared by the stages that look at raw lines before the inline parser runs (line-break
 * restoration, block splitting, table cells): they need to step over constructs whose content must not be
 * read as structure, e.g. the `|` inside `[[page|text]]` or the `====` inside `%%…%%`.
 */

export interface AtomicOptions {
  /** Also step over `((footnotes))`. */
  readonly footnotes?: boolean;
  /** Also step over `''monospace''` (DokuWiki reads no table cell separators inside it). */
  readonly monospace?: boolean;
}

/** DokuWiki's `[[…]]` ends at the first `]]` that is not followed by another `]`. */
export function findLinkEnd(text: string, from: number): number {
  let at = text.indexOf(']]', from);
  while (at !== -1 && text[at + 2] === ']') at += 1;
  return at;
}

/**
 * If a construct that must be read as a whole starts at `pos`, the index just past its end; otherwise -1.
 * Only closed constructs count: an unclosed `[[` is plain text for DokuWiki too.
 */
export function skipAtomic(text: string, pos: number, options: AtomicOptions = {}): number {
  if (text.startsWith('[[', pos)) {
    const end = findLinkEnd(text, pos + 2);
    if (end !== -1 && !text.slice(pos, end).includes('\n')) return end + 2;
  } else if (text.startsWith('{{', pos)) {
    const end = text.indexOf('}}', pos + 2);
    if (end !== -1) return end + 2;
  } else if (text.startsWith('%%', pos)) {
    const end = text.indexOf('%%', pos + 2);
    if (end !== -1) return end + 2;
  } else if (text.startsWith('<nowiki>', pos)) {
    const end = text.indexOf('</nowiki>', pos + 8);
    if (end !== -1) return end + 9;
  } else if (options.footnotes === true && text.startsWith('((', pos)) {
    const end = text.indexOf('))', pos + 2);
    if (end !== -1) return end + 2;
  } else if (options.monospace === true && text.startsWith("''", pos)) {
    const end = text.indexOf("''", pos + 2);
    if (end !== -1 && !text.slice(pos, end).includes('\n')) return end + 2;
  }
  return -1;
}

/** The positions of `predicate` matches in `text` that are outside atomic constructs. */
export function topLevelPositions(text: string, predicate: (text: string, pos: number) => boolean, options: AtomicOptions = {}): number[] {
  const found: number[] = [];
  let pos = 0;
  while (pos < text.length) {
    const skipped = skipAtomic(text, pos, options);
    if (skipped !== -1) {
      pos = skipped;
      continue;
    }
    if (predicate(text, pos)) found.push(pos);
    pos += 1;
  }
  return found;
}
