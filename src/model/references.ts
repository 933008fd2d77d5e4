/**
 * Citations as the pre-pass sees them: what an article cites (GFM footnotes
 * and `[@key]` bibliography citations, with line numbers), how a reference URL
 * is judged, and the pure helpers the rendering plugins share. No I/O.
 */
import type { FootnoteDefinition, Link, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';

export interface CitationKey {
  key: string;
  /** What follows the key after a comma, e.g. `p. 4`. */
  locator?: string;
}

export interface BibliographyCitation {
  keys: CitationKey[];
  line: number;
  column: number;
}

export interface FootnoteCall {
  label: string;
  line: number;
  /** True when remark-gfm found no definition, so the call stayed plain text. */
  undefined: boolean;
}

export interface FootnoteSource {
  label: string;
  line: number;
  /** The definition's text, whitespace collapsed: identical texts are one reference. */
  text: string;
  links: Array<{ url: string; text: string; line: number }>;
}

export interface ArticleCitations {
  citations: BibliographyCitation[];
  calls: FootnoteCall[];
  definitions: FootnoteSource[];
}

/**
 * A bracketed citation, as Pandoc writes it: `[@a]`, `[@a; @b, p. 4]`,
 * `[see @a]`. The same shape rehype-citation looks for (its `citationRE`, first
 * alternative), so the pre-pass and the page agree on what is a citation. Up to the first `@` it matches
 * no `@` (`[^[\]@]*`, which finds what `[^[\]]*` would): otherwise a `[` followed by many `@` and no `]`
 * backtracks over every `@`, and 120 KB of it took 13 s.
 */
export const CITATION_PATTERN = /\[([^[\]@]*@[^[\]]+)\]/gu;
const KEY_PATTERN = /@([\p{L}\d_](?:[^\s,;{}]*[\p{L}\d_])?)(?:\s*,\s*([^;]*))?/u;
/** A footnote call that names no definition stays text: `[^label]`. */
const FOOTNOTE_CALL_PATTERN = /\[\^([^\]\s]+)\]/g;

/** The keys of one bracketed citation's inner text: `@a; @b, p. 4` → a, b (p. 4). */
export function parseCitationKeys(inner: string): CitationKey[] {
  return inner.split(';').flatMap((part) => {
    const match = KEY_PATTERN.exec(part);
    if (!match?.[1]) return [];
    const locator = match[2]?.trim();
    return [{ key: match[1], ...(locator ? { locator } : {}) }];
  });
}

/** Every bracketed citation in a text, with its offset. */
export function findCitations(text: string): Array<{ index: number; length: number; keys: CitationKey[] }> {
  return [...text.matchAll(CITATION_PATTERN)].flatMap((match) => {
    const keys = parseCitationKeys(match[1] ?? '');
    return keys.length > 0 ? [{ index: match.index, length: match[0].length, keys }] : [];
  });
}

/** Line and column of an offset inside a text node that starts at `start`. */
function positionIn(value: string, offset: number, start: { line: number; column: number }): { line: number; column: number } {
  const before = value.slice(0, offset).split('\n');
  return before.length === 1
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Collect what an article cites, with lines, from its parsed tree (the page index's one parse). */
export function collectCitations(tree: Root): ArticleCitations {
  const result: ArticleCitations = { citations: [], calls: [], definitions: [] };
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'footnoteReference') {
      result.calls.push({ label: node.identifier, line: node.position?.start.line ?? 0, undefined: false });
    } else if (node.type === 'footnoteDefinition') {
      result.definitions.push(footnoteSource(node));
    } else if (node.type === 'text') {
      // Text in a link is the link's own words, never a citation.
      if (ancestors.some((a) => a.type === 'link')) return;
      const start = node.position?.start ?? { line: 0, column: 0 };
      for (const found of findCitations(node.value)) {
        result.citations.push({ keys: found.keys, ...positionIn(node.value, found.index, start) });
      }
      for (const match of node.value.matchAll(FOOTNOTE_CALL_PATTERN)) {
        result.calls.push({ label: (match[1] ?? '').toLowerCase(), line: positionIn(node.value, match.index, start).line, undefined: true });
      }
    }
  });
  return result;
}

function footnoteSource(node: FootnoteDefinition): FootnoteSource {
  const links: FootnoteSource['links'] = [];
  visitParents(node, 'link', (link: Link) => {
    links.push({ url: link.url, text: toString(link), line: link.position?.start.line ?? node.position?.start.line ?? 0 });
  });
  return {
    label: node.identifier,
    line: node.position?.start.line ?? 0,
    text: footnoteText(node.children),
    links,
  };
}

/** The text that decides whether two footnotes are the same reference. */
export function footnoteText(children: RootContent[] | FootnoteDefinition['children']): string {
  return children
    .map((child) => toString(child))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type ReferenceUrl = { kind: 'web' | 'doi' | 'arxiv'; href: string; domain: string } | { kind: 'unsafe'; href: string };

const DOI = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/\S+)$/i;
const ARXIV = /^(?:arxiv:\s*|https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:\.pdf)?$/i;

/** The site's name as readers know it: `https://www.interconnects.ai/p/x` → `interconnects.ai`. */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * Judge a URL written in a reference. http(s) links, DOIs (`doi:10.…` or
 * doi.org) and arXiv ids (`arXiv:2104.04473` or arxiv.org) are fine; anything
 * else (`javascript:`, `data:`, relative paths) cannot be a source.
 */
export function classifyUrl(written: string): ReferenceUrl {
  const url = written.trim();
  const doi = DOI.exec(url);
  if (doi?.[1]) return { kind: 'doi', href: `https://doi.org/${doi[1]}`, domain: 'doi.org' };
  const arxiv = ARXIV.exec(url);
  if (arxiv?.[1]) return { kind: 'arxiv', href: `https://arxiv.org/abs/${arxiv[1].replace(/v\d+$/, '')}`, domain: 'arxiv.org' };
  if (/^https?:\/\/[^/\s]+/i.test(url)) return { kind: 'web', href: url, domain: domainOf(url) };
  return { kind: 'unsafe', href: url };
}

/**
 * What makes two references the same source across the wiki: a DOI, an arXiv
 * id or a URL (without `www.`, a trailing slash or a fragment), else the text.
 */
export function sourceIdentity(url: string | undefined, text: string): string {
  if (url) {
    const judged = classifyUrl(url);
    if (judged.kind !== 'unsafe') {
      return judged.href
        .toLowerCase()
        .replace(/^https?:\/\/(www\.)?/, '')
        .replace(/#.*$/, '')
        .replace(/\/$/, '');
    }
  }
  return `text:${text.toLowerCase()}`;
}

/** DOIs, arXiv ids and bare URLs inside reference text, to be turned into links. */
export const IDENTIFIER_PATTERN = /\b(?:doi:\s*)?10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;)]|\barXiv:\s*\d{4}\.\d{4,5}(?:v\d+)?|\bhttps?:\/\/[^\s"<>]+[^\s"<>.,;)]/gi;

/** Split text into plain runs and identifiers that become links. */
export function linkifyIdentifiers(text: string): Array<string | { text: string; href: string; domain: string }> {
  const parts: Array<string | { text: string; href: string; domain: string }> = [];
  let last = 0;
  for (const match of text.matchAll(IDENTIFIER_PATTERN)) {
    const judged = classifyUrl(/^10\./.test(match[0]) ? `doi:${match[0]}` : match[0]);
    if (judged.kind === 'unsafe') continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ text: match[0], href: judged.href, domain: judged.domain });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Back-link letters as Wikipedia writes them: a … z, aa, ab … */
export function backlinkLabel(index: number): string {
  let label = '';
  let n = index;
  do {
    label = String.fromCharCode(97 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}
