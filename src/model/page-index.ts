/**
 * The page index: every article of the content folder, read once per build
 * before anything is rendered. It owns the only file-system scan of content.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ContentError, type Diagnostic } from './diagnostics.ts';
import { ARTICLE_EXTENSION, idFromPath, normalizeId, type PageId } from './ids.ts';
import { parseArticle, type ParsedArticle, type ParseResult } from './parse-article.ts';
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
const BIBLIOGRAPHY_EXTENSION = '.bib';
/** CSV files are read with the articles, as the data of their charts. */
const DATA_EXTENSION = '.csv';

const KNOWN_NON_ARTICLES = /\.(bib|csv|json|ya?ml|png|jpe?g|gif|webp|avif|svg)$/i;

/** Every file under `dir`, relative, with `/` separators, sorted for stable output. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/**
 * Build the index from source texts (path → text). Throws a ContentError that
 * lists every problem, with file and line, when the content cannot be published.
 */
export function buildPageIndex(sources: ReadonlyMap<string, string>, parse: (source: string, file: string) => ParseResult = parseArticle): PageIndex {
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

/** Read every file of the content folder and build the index; `parse` may be a cached `parseArticle` (prepass-cache.ts). */
export function loadPageIndex(contentDir: string, parse: (source: string, file: string) => ParseResult = parseArticle): PageIndex {
  return buildPageIndex(readSources(contentDir), parse);
}

/** Every file of the content folder (relative path → text; other files than articles, bibliographies and chart data → ''). */
export function readSources(contentDir: string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const file of listFiles(contentDir)) {
    const read = file.endsWith(ARTICLE_EXTENSION) || file.endsWith(BIBLIOGRAPHY_EXTENSION) || file.toLowerCase().endsWith(DATA_EXTENSION);
    sources.set(file, read ? readFileSync(join(contentDir, file), 'utf8') : '');
  }
  return sources;
}
