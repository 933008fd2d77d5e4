/**
 * The page index: every article of the content folder, built once per build from the folder's files
 * (src/content-folder/read-folder.ts reads them) before anything is rendered.
 */
import { posix } from 'node:path';
import { ContentError, type Diagnostic } from './diagnostics.ts';
import { ARTICLE_EXTENSION, idFromPath, normalizeId, type PageId } from './ids.ts';
import { parseArticle, type LocalFile, type ParsedArticle, type ParseResult } from './parse-article.ts';
import type { ResolverIndex, ResolvablePage } from './resolve-wiki-link.ts';
import { mdxTrustDiagnostics, type TrustLevel } from './trust.ts';
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

/** BibTeX files are read with the articles, for `[@key]` citations. */
export const BIBLIOGRAPHY_EXTENSION = '.bib';
/** CSV files are read with the articles, as the data of their charts. */
export const DATA_EXTENSION = '.csv';

/** Files the wiki reads besides articles; anything else in the content folder is reported. */
const KNOWN_NON_ARTICLES = /\.(bib|csl|csv|json|ya?ml|png|jpe?g|gif|webp|avif|svg)$/i;

export interface IndexOptions {
  /** What articles may use of MDX (src/model/trust.ts); default `safe`. */
  trust?: TrustLevel;
  /** Problems found while reading the content folder (content-folder/read-folder.ts), reported with the index's own. */
  diagnostics?: Diagnostic[];
  /** The files of the public folder (relative, `/` separators), so that addresses like `/media/die.png` are checked. */
  publicFiles?: ReadonlySet<string>;
}

/**
 * The longest name of a page id (between `:`), in bytes of UTF-8, and the longest id: each name becomes a
 * folder or file of the site (`wiki/<name>/index.html`, `previews/<name>.json` and its temporary file), and
 * file systems refuse names over 255 bytes.
 */
export const MAX_ID_NAME_BYTES = 200;
const MAX_ID_BYTES = 1000;

/** Why an id is too long to be a page's address, or undefined. */
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

function idTooLong(id: PageId): string | undefined {
  const longest = id.split(':').reduce((a, b) => (utf8Bytes(b) > utf8Bytes(a) ? b : a), '');
  const bytes = utf8Bytes(longest);
  if (bytes > MAX_ID_NAME_BYTES)
    return `a name of ${bytes} bytes (\`${longest.slice(0, 24)}…\`), longer than the ${MAX_ID_NAME_BYTES} bytes a web address's folder may have`;
  if (utf8Bytes(id) > MAX_ID_BYTES) return `${utf8Bytes(id)} bytes, longer than the ${MAX_ID_BYTES} bytes a page's address may have`;
  return undefined;
}

/**
 * Build the index from source texts (path → text). Throws a ContentError that
 * lists every problem, with file and line, when the content cannot be published.
 */
export function buildPageIndex(
  sources: ReadonlyMap<string, string>,
  parse: (source: string, file: string) => ParseResult = parseArticle,
  options: IndexOptions = {},
): PageIndex {
  const trust = options.trust ?? 'safe';
  const errors: Diagnostic[] = (options.diagnostics ?? []).filter((d) => d.severity === 'error');
  const warnings: Diagnostic[] = (options.diagnostics ?? []).filter((d) => d.severity !== 'error');
  const pages = new Map<PageId, PageRecord>();
  const aliases = new Map<PageId, PageId>();
  const bibliographies = new Map<string, string>();
  const dataFiles = new Map<string, string>();

  for (const [file, source] of sources) {
    if (file.endsWith(BIBLIOGRAPHY_EXTENSION)) bibliographies.set(file, source);
    if (file.toLowerCase().endsWith(DATA_EXTENSION)) dataFiles.set(file, source);
    if (!file.endsWith(ARTICLE_EXTENSION)) {
      if (!KNOWN_NON_ARTICLES.test(file)) {
        warnings.push({
          severity: 'warning',
          file,
          message: `not published: only \`${ARTICLE_EXTENSION}\` files are articles; rename it to \`${file.replace(/\.[^./]*$/, '')}${ARTICLE_EXTENSION}\` to publish it`,
        });
      }
      continue;
    }
    const id = idFromPath(file);
    if (id === '') {
      errors.push({ severity: 'error', file, message: 'the file name gives no page id: name it with letters or digits, e.g. `nvidia.mdx`' });
      continue;
    }
    const tooLong = idTooLong(id);
    if (tooLong) {
      errors.push({ severity: 'error', file, message: `the file's page id has ${tooLong}: shorten the file name (or its folder's)` });
      continue;
    }
    const clash = pages.get(id);
    if (clash) {
      errors.push({
        severity: 'error',
        file,
        message: `its id \`${id}\` is also the id of ${clash.file} (ids ignore case, spaces and punctuation): rename one of the two files`,
      });
      continue;
    }
    const parsed = parse(source, file);
    if (!parsed.ok) {
      errors.push(...parsed.diagnostics);
      continue;
    }
    const refused = mdxTrustDiagnostics(file, parsed.article.mdx, trust);
    if (refused.length > 0) {
      errors.push(...refused);
      continue;
    }
    const { frontmatter } = parsed.article;
    for (const missing of missingFiles(file, parsed.article.localFiles, sources, options.publicFiles))
      (missing.severity === 'error' ? errors : warnings).push(missing);
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
        warnings.push({
          severity: 'warning',
          file: page.file,
          line: page.article.aliasesLine,
          message: `alias \`${written}\` ${alias === '' ? 'names no page' : "is the article's own id"}: remove it`,
        });
        continue;
      }
      const tooLong = idTooLong(alias);
      if (tooLong) {
        errors.push({
          severity: 'error',
          file: page.file,
          line: page.article.aliasesLine,
          message: `alias \`${written.slice(0, 40)}…\` has ${tooLong}: shorten it`,
        });
        continue;
      }
      const article = pages.get(alias);
      if (article) {
        errors.push({
          severity: 'error',
          file: page.file,
          line: page.article.aliasesLine,
          message: `alias \`${written}\` is the id of the article ${article.file}: remove the alias, or rename that article`,
        });
        continue;
      }
      const other = aliases.get(alias);
      if (other && other !== page.id) {
        const otherFile = pages.get(other)?.file ?? other;
        errors.push({
          severity: 'error',
          file: page.file,
          line: page.article.aliasesLine,
          message: `alias \`${written}\` is also an alias of ${otherFile}: an alias must lead to one article; remove it from one of them`,
        });
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
        errors.push({
          severity: 'error',
          file: page.file,
          line: chart.line,
          message: `the chart's data file \`${written}\` does not exist (${chart.dataFile}): create it beside the article, or correct \`data:\``,
        });
        continue;
      }
      for (const problem of checkChartRows(chart.spec, parseChartCsv(text), `\`${written}\``)) {
        errors.push({
          severity: 'error',
          file: page.file,
          line: chart.line,
          message: problem.row === undefined ? problem.message : `${problem.message} (line ${problem.row + 2} of ${chart.dataFile})`,
        });
      }
    }
  }
  return errors;
}

/** Pictures Astro's image pipeline reads from beside an article (https://docs.astro.build/en/guides/images/). */
const IMAGE_EXTENSION = /\.(png|jpe?g|gif|webp|avif|svg|tiff?)$/i;

/**
 * The files an article shows that are not there, or that the build must not publish: beside the article (a Markdown image, which the image pipeline
 * must read, is an error; an address in `<img>` or `<video>` a warning) or in the public folder (a warning, when
 * its files are known). The reader would see a broken picture. A Markdown image outside the content folder
 * (`../outside/x.png`), or that is no picture, is an error too.
 */
function missingFiles(
  file: string,
  localFiles: readonly LocalFile[],
  sources: ReadonlyMap<string, string>,
  publicFiles: ReadonlySet<string> | undefined,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const local of localFiles) {
    const path = decodeUriSafely(local.url.split(/[?#]/)[0] ?? '');
    const where = { file, line: local.line, column: local.column };
    if (path.startsWith('/')) {
      if (publicFiles !== undefined && !publicFiles.has(path.slice(1))) {
        diagnostics.push({
          severity: 'warning',
          ...where,
          message: `\`${local.url}\` is not in the public folder (public${path}): the reader would see a broken ${local.markdown ? 'image' : 'file'}; add the file, or correct the address`,
        });
      }
      continue;
    }
    const target = posix.normalize(posix.join(posix.dirname(file), path));
    if (local.markdown && (target === '..' || target.startsWith('../'))) {
      // The image pipeline would copy the file into the site from wherever the path leads.
      diagnostics.push({
        severity: 'error',
        ...where,
        message: `the image \`${local.url}\` is outside the content folder, whose files alone the build publishes: copy it into the content folder (beside the article) and write its path from there`,
      });
    } else if (!sources.has(target)) {
      diagnostics.push({
        severity: local.markdown ? 'error' : 'warning',
        ...where,
        message: `\`${local.url}\` is not in the content folder (${target}): ${local.markdown ? 'the image cannot be built' : 'the reader would see a broken file'}; add the file beside the article, or correct the address`,
      });
    } else if (local.markdown && !IMAGE_EXTENSION.test(target)) {
      diagnostics.push({
        severity: 'error',
        ...where,
        message: `\`${local.url}\` is not a picture the build can publish: use a .png, .jpg, .gif, .webp, .avif or .svg file`,
      });
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
