/**
 * BibTeX files, read once per build: parsed with citation-js (the parser
 * rehype-citation bundles) into CSL-JSON, the form rehype-citation formats.
 */
import { Cite } from 'rehype-citation';
import type { Diagnostic } from './diagnostics.ts';

/** One CSL-JSON item, as citation-js gives it; only the fields the wiki reads are typed. */
export interface CslItem {
  id: string;
  title?: string;
  URL?: string;
  DOI?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { 'date-parts'?: number[][] };
  [field: string]: unknown;
}

export interface BibEntry {
  key: string;
  /** Line of `@type{key,` in the file. */
  line: number;
  item: CslItem;
  /** The entry's link: its URL, else its DOI, else its arXiv eprint. */
  url?: string;
  /** `Hoffmann et al. (2022)`. */
  authors: string;
}

export interface Bibliography {
  file: string;
  entries: Map<string, BibEntry>;
}

/**
 * Whole-line `%` comments are dropped first, as biber does: citation-js would
 * read an `@` inside one (`% cite with [@key]`) as the start of an entry.
 */
export function stripComments(text: string): string {
  return text.replace(/^[ \t]*%.*$/gm, '');
}

function isCslItem(value: unknown): value is CslItem {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

function shortLabel(item: CslItem): string {
  const authors = item.author ?? [];
  const first = authors[0];
  const name = first ? (first.family ?? first.literal ?? '') : '';
  const who = authors.length > 1 ? `${name} et al.` : name;
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return [who, year ? `(${year})` : ''].filter(Boolean).join(' ');
}

/** Parse one BibTeX file. A file citation-js cannot read is one error naming the file and, where known, the line. */
export function parseBibliography(file: string, text: string): { bibliography: Bibliography; diagnostics: Diagnostic[] } {
  const entries = new Map<string, BibEntry>();
  const diagnostics: Diagnostic[] = [];
  let items: unknown[] = [];
  try {
    items = stripComments(text).trim() === '' ? [] : new Cite(stripComments(text), { generateGraph: false }).data;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /at line (\d+)/.exec(message)?.[1];
    diagnostics.push({
      severity: 'error',
      file,
      ...(line ? { line: Number(line) } : {}),
      message: `BibTeX cannot be read (${message.split('\n')[0]}): each entry is \`@type{key, field = {value}, …}\`; check the braces and commas`,
    });
  }
  const lines = text.split('\n');
  for (const item of items) {
    if (!isCslItem(item)) continue;
    const key = item.id;
    const lineIndex = lines.findIndex((l) => new RegExp(`^\\s*@\\w+\\s*\\{\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*,`).test(l));
    const eprint = new RegExp(`@\\w+\\s*\\{\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*,[^@]*?eprint\\s*=\\s*[{"]([^}"]+)`, 's').exec(text)?.[1];
    const url = item.URL ?? (item.DOI ? `doi:${item.DOI}` : eprint ? `arXiv:${eprint}` : undefined);
    entries.set(key, { key, line: lineIndex + 1, item, ...(url ? { url } : {}), authors: shortLabel(item) });
  }
  return { bibliography: { file, entries }, diagnostics };
}

/** The items rehype-citation formats, without citation-js's bookkeeping. */
export function cslItems(bibliographies: Bibliography[]): CslItem[] {
  const seen = new Map<string, CslItem>();
  for (const bib of bibliographies) {
    for (const entry of bib.entries.values()) {
      const { _graph, ...item } = entry.item;
      void _graph;
      if (!seen.has(entry.key)) seen.set(entry.key, item as CslItem);
    }
  }
  return [...seen.values()];
}
