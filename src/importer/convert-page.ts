/**
 * One DokuWiki page → one MDX article and its report. The stages, in order:
 * split lines → restore lost line breaks → blocks (with inline markup) → mdast → MDX text + frontmatter.
 */
import { applyReplacements, type PageCorrections } from './corrections.ts';
import { serializeFrontmatter, type Frontmatter } from './frontmatter.ts';
import type { InterwikiMap } from './interwiki.ts';
import { parseBlocks } from './parse-blocks.ts';
import type { PageId } from './page-id.ts';
import { restoreLineBreaks } from './restore-line-breaks.ts';
import { serializeMdx } from './serialize-mdx.ts';
import { toMdast } from './to-mdast.ts';
import type { Issue, PageStats, SourceLine } from './types.ts';

export interface ConvertOptions {
  readonly id: PageId;
  /** `YYYY-MM-DD` for the frontmatter's `updated`. */
  readonly updated?: string;
  readonly interwiki?: InterwikiMap;
  readonly mediaBase?: string;
  /** Tracked corrections: source replacements before the conversion, frontmatter fields after it. */
  readonly corrections?: PageCorrections;
}

export interface PageReport {
  readonly id: PageId;
  readonly stats: PageStats;
  /** Sorted by line. */
  readonly issues: readonly Issue[];
  /** Internal media the page uses, below DokuWiki's `data/media`. */
  readonly mediaFiles: readonly string[];
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

/** A readable title for a page without headings: its id's last part, `_` as spaces. */
export function titleFromId(id: PageId): string {
  return (id.split(':').at(-1) ?? id).replace(/_/g, ' ');
}

export function convertPage(original: string, options: ConvertOptions): ConvertedPage {
  const corrected = applyReplacements(original, options.corrections?.replacements ?? []);
  const restored = restoreLineBreaks(splitLines(corrected.source));
  const blocks = parseBlocks(restored.lines);
  const result = toMdast(blocks, {
    id: options.id,
    ...(options.interwiki === undefined ? {} : { interwiki: options.interwiki }),
    ...(options.mediaBase === undefined ? {} : { mediaBase: options.mediaBase }),
  });
  const issues: Issue[] = [...corrected.issues, ...restored.issues, ...result.issues];
  if (result.title === null) {
    issues.push({
      kind: 'note',
      line: 1,
      construct: 'title',
      message: `the page has no heading; its title is taken from the page id ("${titleFromId(options.id)}")`,
    });
  }
  const frontmatter: Frontmatter = {
    title: result.title ?? titleFromId(options.id),
    ...(result.tags.length === 0 ? {} : { tags: result.tags }),
    ...(options.updated === undefined ? {} : { updated: options.updated }),
    ...(result.toc === null ? {} : { toc: result.toc }),
    ...options.corrections?.frontmatter,
  };
  const body = serializeMdx(result.root);
  return {
    mdx: joinArticle(frontmatter, body),
    frontmatter,
    body,
    report: {
      id: options.id,
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
