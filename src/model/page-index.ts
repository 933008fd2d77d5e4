/**
 * The page index: every article of the content folder, built once per build from the folder's files
 * (src/content-folder/read-folder.ts reads them) before anything is rendered.
 */
import { posix } from 'node:path';
import { ContentError, type Diagnostic } from './diagnostics.ts';
import { ARTICLE_EXTENSION, idFromPath, normalizeId, type PageId } from './ids.ts';
import { parseArticle, type LocalFile, type ParsedArticle, type ParseResult } from './parse-article.ts';
import type { ResolverIndex, ResolvablePage } from './resolve-wiki-link.ts';
import { checkChartRows, parseChartCsv } from './chart-spec.ts';

export interface PageRecord extends ResolvablePage {
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  article: ParsedArticle;
  aliasIds: PageId[];
}

export interface PageIndex extends ResolverIndex {
  pages: Map<PageId, PageRecord>;
  aliases: Map<PageId, PageId>;
  /** Problems that do not stop the build. */
  warnings: Diagnostic[];
  /** BibTeX files of the content folder (path → text), for the references index. */
  bibliographies: Map<string, string>;
  /** CSV files of the content folder (path → text): the data of charts (src/model/chart-spec.ts). */
  dataFiles: Map<string, string>;
}

/** Files the wiki reads besides articles; anything else in the content folder is reported. */
/** BibTeX files are read with the articles, for `[@key]` citations. */
export const BIBLIOGRAPHY_EXTENSION = '.bib';
/** CSV files are read with the articles, as the data of their charts. */
export const DATA_EXTENSION = '.csv';

const KNOWN_NON_ARTICLES = /\.(bib|csv|json|ya?ml|png|jpe?g|gif|webp|avif|svg)$/i;

/**
 * Build the index from source texts (path → text). Throws a ContentError that
 * lists every problem, with file and line, when the content cannot be published.
 * `publicFiles`, the files of the public folder (relative, `/` separators), lets
 * addresses like `/media/die.png` be checked.
 */
export function buildPageIndex(
  sources: ReadonlyMap<string, string>,
  parse: (source: string, file: string) => ParseResult = parseArticle,
  publicFiles?: ReadonlySet<string>,
): PageIndex {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const pages = new Map<PageId, PageRecord>();
  const aliases = new Map<PageId, PageId>();
  const bibliographies = new Map<string, string>();
  const dataFiles = new Map<string, string>();

  for (const [file, source] of sources) {
    if (file.endsWith(BIBLIOGRAPHY_EXTENSION)) bibliographies.set(file, source);
    if (file.toLowerCase().endsWith(DATA_EXTENSION)) dataFiles.set(file, source);
    if (!file.endsWith(ARTICLE_EXTENSION)) {
      if (!KNOWN_NON_ARTICLES.test(file)) {
        warnings.push({ severity: 'warning', file, message: `not published: only \`${ARTICLE_EXTENSION}\` files are articles; rename it to \`${file.replace(/\.[^./]*$/, '')}${ARTICLE_EXTENSION}\` to publish it` });
      }
      continue;
    }
    const id = idFromPath(file);
    if (id === '') {
      errors.push({ severity: 'error', file, message: 'the file name gives no page id: name it with letters or digits, e.g. `nvidia.mdx`' });
      continue;
    }
    const clash = pages.get(id);
    if (clash) {
      errors.push({ severity: 'error', file, message: `its id \`${id}\` is also the id of ${clash.file} (ids ignore case, spaces and punctuation): rename one of the two files` });
      continue;
    }
    const parsed = parse(source, file);
    if (!parsed.ok) {
      errors.push(...parsed.diagnostics);
      continue;
    }
    const { frontmatter } = parsed.article;
    for (const missing of missingFiles(file, parsed.article.localFiles, sources, publicFiles)) (missing.severity === 'error' ? errors : warnings).push(missing);
    pages.set(id, {
      id,
      file,
      title: frontmatter.title,
      anchors: new Set(parsed.article.headings.map((h) => h.slug)),
      article: parsed.article,
      aliasIds: [],
    });
  }

  // Aliases after all pages are known, so a clash with any article is found.
  for (const page of pages.values()) {
    for (const written of page.article.frontmatter.aliases) {
      const alias = normalizeId(written);
      if (alias === '' || alias === page.id) {
        warnings.push({ severity: 'warning', file: page.file, line: page.article.aliasesLine, message: `alias \`${written}\` ${alias === '' ? 'names no page' : 'is the article\'s own id'}: remove it` });
        continue;
      }
      const article = pages.get(alias);
      if (article) {
        errors.push({ severity: 'error', file: page.file, line: page.article.aliasesLine, message: `alias \`${written}\` is the id of the article ${article.file}: remove the alias, or rename that article` });
        continue;
      }
      const other = aliases.get(alias);
      if (other && other !== page.id) {
        const otherFile = pages.get(other)?.file ?? other;
        errors.push({ severity: 'error', file: page.file, line: page.article.aliasesLine, message: `alias \`${written}\` is also an alias of ${otherFile}: an alias must lead to one article; remove it from one of them` });
        continue;
      }
      aliases.set(alias, page.id);
      page.aliasIds.push(alias);
    }
  }

  errors.push(...chartDataProblems(pages, dataFiles));
  if (errors.length > 0) throw new ContentError(errors);
  return { pages, aliases, warnings, bibliographies, dataFiles };
}

/** Charts whose CSV file is missing, or whose rows do not fit the chart: errors at the chart's line. */
function chartDataProblems(pages: ReadonlyMap<PageId, PageRecord>, dataFiles: ReadonlyMap<string, string>): Diagnostic[] {
  const errors: Diagnostic[] = [];
  for (const page of pages.values()) {
    for (const chart of page.article.charts) {
      if (chart.dataFile === undefined) continue;
      const text = dataFiles.get(chart.dataFile);
      const written = String(chart.spec.data);
      if (text === undefined) {
        errors.push({ severity: 'error', file: page.file, line: chart.line, message: `the chart's data file \`${written}\` does not exist (${chart.dataFile}): create it beside the article, or correct \`data:\`` });
        continue;
      }
      for (const problem of checkChartRows(chart.spec, parseChartCsv(text), `\`${written}\``)) {
        errors.push({ severity: 'error', file: page.file, line: chart.line, message: problem.row === undefined ? problem.message : `${problem.message} (line ${problem.row + 2} of ${chart.dataFile})` });
      }
    }
  }
  return errors;
}

/**
 * The files an article shows that are not there: beside the article (a Markdown image, which the image pipeline
 * must read, is an error; an address in `<img>` or `<video>` a warning) or in the public folder (a warning, when
 * its files are known). The reader would see a broken picture.
 */
function missingFiles(file: string, localFiles: readonly LocalFile[], sources: ReadonlyMap<string, string>, publicFiles: ReadonlySet<string> | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const local of localFiles) {
    const path = decodeUriSafely(local.url.split(/[?#]/)[0] ?? '');
    const where = { file, line: local.line, column: local.column };
    if (path.startsWith('/')) {
      if (publicFiles !== undefined && !publicFiles.has(path.slice(1))) {
        diagnostics.push({ severity: 'warning', ...where, message: `\`${local.url}\` is not in the public folder (public${path}): the reader would see a broken ${local.markdown ? 'image' : 'file'}; add the file, or correct the address` });
      }
      continue;
    }
    const target = posix.normalize(posix.join(posix.dirname(file), path));
    if (!sources.has(target)) {
      diagnostics.push({ severity: local.markdown ? 'error' : 'warning', ...where, message: `\`${local.url}\` is not in the content folder (${target}): ${local.markdown ? 'the image cannot be built' : 'the reader would see a broken file'}; add the file beside the article, or correct the address` });
    }
  }
  return diagnostics;
}

function decodeUriSafely(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
