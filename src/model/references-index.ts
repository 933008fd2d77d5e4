/**
 * Every citation of the wiki, checked once per build from the page index:
 * which bibliography files each article cites against, the problems (with
 * file and line) and the distinct sources for /special/sources/.
 */
import { posix } from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import type { PageId } from './ids.ts';
import type { PageIndex } from './page-index.ts';
import { parseBibliography, type BibEntry, type Bibliography } from './bibliography.ts';
import { classifyUrl, sourceIdentity, type ReferenceUrl } from './references.ts';

/** The wiki's shared bibliography, relative to the content folder. */
export const DEFAULT_BIBLIOGRAPHY = 'references.bib';

export interface Source {
  /** What makes it one source: DOI, arXiv id, URL or text (see `sourceIdentity`). */
  id: string;
  title: string;
  /** What the reference says besides its title: publisher and date, or authors and year. */
  text: string;
  url?: string;
  domain?: string;
  citedBy: Array<{ page: PageId; count: number }>;
  /** Citations in all articles together. */
  count: number;
}

export interface ReferenceIndex {
  bibliographies: Map<string, Bibliography>;
  /** Article → the bibliography files (relative to the content folder) it cites against. */
  pageBibliographies: Map<PageId, string[]>;
  /** Article → the BibTeX entries it cites, in order of first citation: all that rehype-citation needs to format. */
  citedEntries: Map<PageId, BibEntry[]>;
  diagnostics: Diagnostic[];
  /** Most-cited first: by the number of articles, then of citations. */
  sources: Source[];
}

function urlProblem(file: string, line: number, url: string, judged: ReferenceUrl): Diagnostic[] {
  if (judged.kind !== 'unsafe') return [];
  return [
    {
      severity: 'error',
      file,
      line,
      message: `reference link \`${url}\` is not a web address: a source must be an http(s) URL, a DOI (\`doi:10.1000/xyz\`) or an arXiv id (\`arXiv:2104.04473\`)`,
    },
  ];
}

/**
 * The markup citeproc, which writes BibTeX entries on the page, keeps as markup (its rich text: italics, bold,
 * small capitals, super- and subscripts, a span that keeps case); any other tag it shows as text, or mangles.
 */
const CITEPROC_MARKUP = new Set(['i', 'b', 'sup', 'sub', 'sc', 'span']);

/** Every text of an entry, by field, authors' names included. */
function entryTexts(entry: BibEntry): Array<[field: string, text: string]> {
  const texts: Array<[string, string]> = [];
  for (const [field, value] of Object.entries(entry.item)) {
    if (field.startsWith('_')) continue;
    if (typeof value === 'string') texts.push([field, value]);
    else if (Array.isArray(value)) {
      for (const part of value)
        if (part && typeof part === 'object') for (const name of Object.values(part)) if (typeof name === 'string') texts.push([field, name]);
    }
  }
  return texts;
}

/** An entry whose text holds HTML: shown as text at best, so a mistake or an attempt, said with the entry's line. */
function markupProblems(file: string, entry: BibEntry): Diagnostic[] {
  for (const [field, text] of entryTexts(entry)) {
    const tag = /<\s*\/?\s*([a-z!][\w-]*)/i.exec(text);
    if (tag && !CITEPROC_MARKUP.has((tag[1] ?? '').toLowerCase())) {
      return [
        {
          severity: 'error',
          file,
          line: entry.line,
          message: `entry \`@${entry.key}\`: field \`${field}\` holds HTML (\`${tag[0]}…\`), which a reference shows as text: write plain text (italics as \`<i>…</i>\` or \`\\emph{…}\`)`,
        },
      ];
    }
  }
  return [];
}

export function buildReferenceIndex(index: PageIndex): ReferenceIndex {
  const diagnostics: Diagnostic[] = [];
  const bibliographies = new Map<string, Bibliography>();
  for (const [file, text] of index.bibliographies) {
    const parsed = parseBibliography(file, text);
    bibliographies.set(file, parsed.bibliography);
    diagnostics.push(...parsed.diagnostics);
    for (const entry of parsed.bibliography.entries.values()) {
      if (entry.url) diagnostics.push(...urlProblem(file, entry.line, entry.url, classifyUrl(entry.url)));
      diagnostics.push(...markupProblems(file, entry));
    }
  }

  const pageBibliographies = new Map<PageId, string[]>();
  const citedEntries = new Map<PageId, BibEntry[]>();
  const sources = new Map<string, Source>();
  const cite = (page: PageId, id: string, make: () => Omit<Source, 'citedBy' | 'count' | 'id'>, times: number) => {
    const source = sources.get(id) ?? { id, ...make(), citedBy: [], count: 0 };
    sources.set(id, source);
    const by = source.citedBy.find((c) => c.page === page);
    if (by) by.count += times;
    else source.citedBy.push({ page, count: times });
    source.count += times;
  };

  for (const page of index.pages.values()) {
    const { citations, calls, definitions } = page.article.citations;
    const files = bibliographies.has(DEFAULT_BIBLIOGRAPHY) ? [DEFAULT_BIBLIOGRAPHY] : [];
    const own = page.article.frontmatter.bibliography;
    if (own) {
      const path = posix.normalize(posix.join(posix.dirname(page.file), own));
      if (bibliographies.has(path)) files.push(path);
      else if (!path.endsWith('.bib'))
        diagnostics.push({
          severity: 'error',
          file: page.file,
          line: page.article.bibliographyLine,
          message: `field \`bibliography\`: \`${own}\` is not a BibTeX file: name a \`.bib\` file of the content folder, relative to the article, e.g. \`bibliography: ./chips.bib\``,
        });
      else
        diagnostics.push({
          severity: 'error',
          file: page.file,
          line: page.article.bibliographyLine,
          message: `field \`bibliography\`: \`${own}\` is not a file of the content folder (looked for ${path}): fix the path, relative to the article`,
        });
    }
    pageBibliographies.set(page.id, files);

    const entries = new Map<string, BibEntry>();
    // The article's own bibliography wins over the shared one for a key in both.
    for (const file of [...files].reverse()) for (const [key, entry] of bibliographies.get(file)?.entries ?? []) if (!entries.has(key)) entries.set(key, entry);
    const keyCounts = new Map<string, number>();
    for (const citation of citations) {
      for (const { key } of citation.keys) {
        const entry = entries.get(key);
        if (!entry) {
          const fix =
            files.length === 0
              ? `there is no bibliography: create ${DEFAULT_BIBLIOGRAPHY} in the content folder with an entry \`@article{${key}, title = {…}, url = {…}}\`, or cite with a footnote \`[^${key}]\``
              : `add an entry \`@article{${key}, …}\` to ${files.join(' or ')}, or correct the key`;
          diagnostics.push({
            severity: 'error',
            file: page.file,
            line: citation.line,
            column: citation.column,
            message: `citation \`@${key}\` is not in the bibliography: ${fix}`,
          });
          continue;
        }
        keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
      }
    }
    citedEntries.set(
      page.id,
      [...keyCounts.keys()].flatMap((key) => entries.get(key) ?? []),
    );
    for (const [key, count] of keyCounts) {
      const entry = entries.get(key);
      if (!entry) continue;
      const judged = entry.url ? classifyUrl(entry.url) : undefined;
      const link = judged && judged.kind !== 'unsafe' ? judged : undefined;
      cite(
        page.id,
        sourceIdentity(entry.url, `bib:${key}`),
        () => ({ title: entry.item.title ?? key, text: entry.authors, ...(link ? { url: link.href, domain: link.domain } : {}) }),
        count,
      );
    }

    const defined = new Map(definitions.map((d) => [d.label, d]));
    const callCounts = new Map<string, number>();
    for (const call of calls) {
      if (call.undefined || !defined.has(call.label)) {
        diagnostics.push({
          severity: 'error',
          file: page.file,
          line: call.line,
          message: `footnote \`[^${call.label}]\` has no definition: add a line \`[^${call.label}]: [Title](https://…), Publisher, year.\` at the end of the article`,
        });
        continue;
      }
      callCounts.set(call.label, (callCounts.get(call.label) ?? 0) + 1);
    }
    for (const definition of definitions) {
      for (const link of definition.links) diagnostics.push(...urlProblem(page.file, link.line, link.url, classifyUrl(link.url)));
      const count = callCounts.get(definition.label);
      if (!count) {
        diagnostics.push({
          severity: 'warning',
          file: page.file,
          line: definition.line,
          message: `footnote \`[^${definition.label}]\` is defined but never cited: cite it with \`[^${definition.label}]\` after a claim, or remove the definition`,
        });
        continue;
      }
      const first = definition.links[0];
      const judged = first ? classifyUrl(first.url) : undefined;
      const link = judged && judged.kind !== 'unsafe' ? judged : undefined;
      const title = first?.text || definition.text;
      const rest = definition.text.startsWith(title) ? definition.text.slice(title.length).replace(/^[\s,.;:–-]+/, '') : definition.text;
      cite(
        page.id,
        sourceIdentity(link?.href, definition.text),
        () => ({ title, text: rest, ...(link ? { url: link.href, domain: link.domain } : {}) }),
        count,
      );
    }
  }

  const sorted = [...sources.values()].sort((a, b) => b.citedBy.length - a.citedBy.length || b.count - a.count || a.title.localeCompare(b.title));
  return { bibliographies, pageBibliographies, citedEntries, diagnostics, sources: sorted };
}
