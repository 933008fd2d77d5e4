/**
 * The import report as text: totals (pages, links, footnotes), then every construct that was not converted,
 * converted only approximately, or restored, each with its file and line.
 */
import type { PageReport } from './convert-page.ts';
import type { IssueKind } from './types.ts';

export interface ReportedPage {
  /** The source file, as the user should read it (relative path). */
  readonly file: string;
  /** Where the article was written, if it was. */
  readonly output?: string;
  readonly report: PageReport;
}

const SECTIONS: readonly { kind: IssueKind; title: string }[] = [
  { kind: 'broken', title: 'Broken in the source (links to sections or files that do not exist)' },
  { kind: 'unconverted', title: 'Not converted (kept visibly as code)' },
  { kind: 'approximated', title: 'Converted approximately' },
  { kind: 'restored', title: 'Restored structure' },
  { kind: 'corrected', title: 'Corrected (tracked corrections)' },
  { kind: 'note', title: 'Notes' },
];

/** `file:line  construct: message` lines for one kind of issue. */
export function issueLines(pages: readonly ReportedPage[], kind: IssueKind): string[] {
  return pages.flatMap(({ file, report }) =>
    report.issues.filter((issue) => issue.kind === kind).map((issue) => `${file}:${issue.line}  ${issue.construct}: ${issue.message}`),
  );
}

export function formatReport(pages: readonly ReportedPage[]): string {
  const total = { internal: 0, external: 0, interwiki: 0, email: 0, media: 0, citations: 0, definitions: 0 };
  for (const { report } of pages) {
    total.internal += report.stats.links.internal;
    total.external += report.stats.links.external;
    total.interwiki += report.stats.links.interwiki;
    total.email += report.stats.links.email;
    total.media += report.stats.links.media;
    total.citations += report.stats.footnoteCitations;
    total.definitions += report.stats.footnoteDefinitions;
  }
  const links = total.internal + total.external + total.interwiki + total.email;
  const lines = [
    `Pages: ${pages.length}`,
    `Links: ${links} (${total.internal} internal, ${total.external} external, ${total.interwiki} interwiki, ${total.email} e-mail); media: ${total.media}`,
    `Footnotes: ${total.citations} citations, ${total.definitions} definitions`,
  ];
  for (const page of pages) {
    if (page.output !== undefined) lines.push(`  ${page.file} → ${page.output}`);
  }
  for (const section of SECTIONS) {
    const found = issueLines(pages, section.kind);
    lines.push('', `${section.title}: ${found.length === 0 ? 'none' : found.length}`);
    lines.push(...found.map((line) => `  ${line}`));
  }
  lines.push(...mediaLines(pages));
  return `${lines.join('\n')}\n`;
}

/** The media files the articles use, by where they have to be. */
function mediaLines(pages: readonly ReportedPage[]): string[] {
  const lines: string[] = [];
  for (const [place, title] of [
    ['content', "beside the articles (the build's image pipeline sizes them)"],
    ['public', 'in the public folder, below the media URL'],
  ] as const) {
    const paths = [...new Set(pages.flatMap(({ report }) => report.mediaFiles.filter((use) => use.place === place).map((use) => use.path)))].sort();
    if (paths.length > 0) lines.push('', `Media files from data/media ${title} (${paths.length}):`, ...paths.map((path) => `  ${path}`));
  }
  return lines;
}
