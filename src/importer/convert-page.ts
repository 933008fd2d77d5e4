/**
 * One DokuWiki page → one MDX article and its report. The stages, in order:
 * split lines → restore lost line breaks → blocks (with inline markup) → mdast → MDX text + frontmatter.
 * A whole wiki is converted in two passes: every page is parsed first (`parsePage`), so that links can be
 * written to the headings of the pages they point to (`site.ts`), then converted (`convertParsed`).
 */
import { applyReplacements, type PageCorrections } from './corrections.ts';
import { serializeFrontmatter, type Frontmatter } from './frontmatter.ts';
import { parseBlocks } from './parse-blocks.ts';
import { restoreLineBreaks } from './restore-line-breaks.ts';
import { serializeMdx } from './serialize-mdx.ts';
import { singlePageSite, titleFromId, type ImportSite } from './site.ts';
import { toMdast, type MediaUse } from './to-mdast.ts';
import type { Block, Issue, PageStats, SourceLine } from './types.ts';

export interface ParseOptions {
  /** The page's DokuWiki id (cleaned): `wiki:syntax`. */
  readonly id: string;
  /** Tracked corrections: source replacements before the conversion, frontmatter fields after it. */
  readonly corrections?: PageCorrections;
}

export interface ConvertOptions extends ParseOptions {
  /** `YYYY-MM-DD` for the frontmatter's `updated`. */
  readonly updated?: string;
  /** The rest of the import; by default a site of this page alone. */
  readonly site?: Partial<ImportSite>;
}

/** A page read into DokuWiki's blocks, before anything is written. */
export interface ParsedPage {
  readonly id: string;
  readonly blocks: readonly Block[];
  /** Corrections applied and line breaks restored so far. */
  readonly issues: readonly Issue[];
  readonly corrections?: PageCorrections;
}

export interface PageReport {
  /** The page's DokuWiki id. */
  readonly id: string;
  readonly stats: PageStats;
  /** Sorted by line. */
  readonly issues: readonly Issue[];
  /** Internal media the page uses, below DokuWiki's `data/media`, and where each has to go. */
  readonly mediaFiles: readonly MediaUse[];
}

export interface ConvertedPage {
  readonly mdx: string;
  readonly frontmatter: Frontmatter;
  readonly body: string;
  readonly report: PageReport;
}

export function splitLines(source: string): SourceLine[] {
  const text = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n$/, '');
  return text.split('\n').map((line, index) => ({ text: line, line: index + 1 }));
}

/** One page, on its own (a single file, a fixture): `parsePage` and `convertParsed` together. */
export function convertPage(original: string, options: ConvertOptions): ConvertedPage {
  const parsed = parsePage(original, options);
  return convertParsed(parsed, singlePageSite(options.id, parsed.blocks, options.site), options.updated);
}

export function parsePage(original: string, options: ParseOptions): ParsedPage {
  const corrected = applyReplacements(original, options.corrections?.replacements ?? []);
  const restored = restoreLineBreaks(splitLines(corrected.source));
  return {
    id: options.id,
    blocks: parseBlocks(restored.lines),
    issues: [...corrected.issues, ...restored.issues],
    ...(options.corrections === undefined ? {} : { corrections: options.corrections }),
  };
}

export function convertParsed(parsed: ParsedPage, site: ImportSite, updated?: string): ConvertedPage {
  const result = toMdast(parsed.blocks, { id: parsed.id, site });
  const issues: Issue[] = [...parsed.issues, ...result.issues];
  if (result.title === null) {
    issues.push({
      kind: 'note',
      line: 1,
      construct: 'title',
      message: `the page has no heading; its title is taken from the page id ("${titleFromId(parsed.id)}")`,
    });
  }
  const frontmatter: Frontmatter = {
    title: result.title ?? titleFromId(parsed.id),
    ...(result.tags.length === 0 ? {} : { tags: result.tags }),
    ...(updated === undefined ? {} : { updated }),
    ...(result.toc === null ? {} : { toc: result.toc }),
    ...parsed.corrections?.frontmatter,
  };
  const body = serializeMdx(result.root);
  return {
    mdx: joinArticle(frontmatter, body),
    frontmatter,
    body,
    report: {
      id: parsed.id,
      stats: {
        links: result.links,
        footnoteCitations: result.footnoteCitations,
        footnoteDefinitions: result.footnoteDefinitions,
        headings: result.headings,
      },
      issues: issues.sort((a, b) => a.line - b.line),
      mediaFiles: result.mediaFiles,
    },
  };
}

export function joinArticle(frontmatter: Frontmatter, body: string): string {
  const head = serializeFrontmatter(frontmatter);
  return body.trim() === '' ? head : `${head}\n${body}`;
}
