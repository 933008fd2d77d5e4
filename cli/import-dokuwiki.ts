/**
 * Import DokuWiki pages as MDX articles.
 *
 *   npm run import:dokuwiki -- <data/pages folder | page.txt>... [--out content/] [--force] [--dry-run]
 *       [--media data/media] [--public public/] [--media-base /media/] [--corrections corrections.json]
 *       [--interwiki conf/interwiki.local.conf] [--deaccent 0|1|2] [--useslash] [--typography 0|1|2]
 *
 * A folder is read recursively and keeps its namespaces (`wiki/syntax.txt` → `content/wiki/syntax.mdx`, id
 * `wiki:syntax`); a single file inside a `pages` folder keeps its namespace too, any other file becomes a
 * top-level page. All pages are read before any is written, so that links to sections find the headings of
 * the pages they point to. `--media` copies the media files the pages use from DokuWiki's `data/media`:
 * images beside the articles, other files to the public folder. `--corrections` applies a tracked
 * corrections file (see src/importer/corrections.ts); with no input given, the pages it lists are imported
 * from their `source`. The import is all or nothing: if an existing file would change and `--force` is not
 * given, nothing at all is written. The report (pages, links, footnotes, and every construct not converted
 * or converted approximately, with file and line) goes to standard output.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { IdRules, PageId } from '../src/model/ids.ts';
import { convertParsed, parsePage, type ConvertedPage, type ParsedPage } from '../src/importer/convert-page.ts';
import { parseCorrections, type PageCorrections } from '../src/importer/corrections.ts';
import { DEFAULT_INTERWIKI, parseInterwikiConf, type InterwikiMap } from '../src/importer/interwiki.ts';
import { decodeFileName, dokuwikiIdFromPath, mdxPathForId, wikiId } from '../src/importer/page-id.ts';
import { formatReport, type ReportedPage } from '../src/importer/report.ts';
import { romanize } from '../src/importer/romanization.ts';
import { pageSections, type ImportSite, type PageSections } from '../src/importer/site.ts';
import type { TypographyLevel } from '../src/importer/typography.ts';
import { cleanId } from '../src/model/ids.ts';

interface PageSource {
  readonly file: string;
  /** The DokuWiki id, cleaned by the imported wiki's rules. */
  readonly id: string;
}

const USAGE =
  'usage: npm run import:dokuwiki -- <data/pages folder | page.txt>... [--out content/] [--force] [--dry-run] [--media data/media] [--public public/] [--media-base /media/] [--corrections file.json] [--interwiki interwiki.local.conf] [--deaccent 0|1|2] [--useslash] [--typography 0|1|2]';

/** Where the command reads relative paths from and writes its report; the tests pass their own. */
export interface Io {
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: Io = {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** A file the import would write: an article, or a media file copied from data/media. */
type Write = { readonly path: string } & ({ readonly text: string } | { readonly copyFrom: string });

/** Run the import; returns the exit code. */
export function main(argv: readonly string[], io: Io = processIo): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'content' },
      corrections: { type: 'string' },
      media: { type: 'string' },
      public: { type: 'string', default: 'public' },
      'media-base': { type: 'string', default: '/media/' },
      interwiki: { type: 'string' },
      deaccent: { type: 'string', default: '1' },
      useslash: { type: 'boolean', default: false },
      useheading: { type: 'boolean', default: false },
      typography: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const deaccent = setting(values.deaccent, '--deaccent');
  const typography = setting(values.typography, '--typography');
  const rules: IdRules = {
    slashSeparatesNamespaces: values.useslash,
    deaccent: deaccent > 0,
    ...(deaccent === 2 ? { romanize } : {}),
  };
  const corrections = values.corrections === undefined ? [] : readCorrections(resolve(io.cwd, values.corrections));
  const sources =
    positionals.length > 0 ? positionals.flatMap((input) => findPages(resolve(io.cwd, input), rules)) : sourcesFromCorrections(corrections, io.cwd, rules);
  if (sources.length === 0) {
    io.err(`${positionals.length > 0 ? 'no .txt pages found in the input' : USAGE}\n`);
    return 1;
  }
  const collisions = idCollisions(sources, io.cwd);
  if (collisions.length > 0) {
    io.err(`These pages would become the same article; rename one of each:\n  ${collisions.join('\n  ')}\n`);
    return 1;
  }
  const mediaFolder = values.media === undefined ? null : resolve(io.cwd, values.media);
  if (mediaFolder !== null && !existsSync(mediaFolder)) throw new Error(`${mediaFolder}: no such media folder (give DokuWiki's data/media)`);

  // First pass: every page read, so that a link to `page#section` can be written to the heading's id.
  const parsed = sources.map((source) => {
    const pageCorrections = corrections.find((page) => cleanId(page.id, rules) === source.id);
    return {
      source,
      page: parsePage(readFileSync(source.file, 'utf8'), {
        id: source.id,
        ...(pageCorrections === undefined ? {} : { corrections: pageCorrections }),
      }),
    };
  });
  const site = importSite(
    parsed.map(({ page }) => page),
    {
      rules,
      interwiki: readInterwiki(values.interwiki, io.cwd),
      mediaFolder,
      mediaBase: values['media-base'],
      typography: typography as TypographyLevel,
      useHeading: values.useheading,
    },
  );

  // Second pass: every article and media file planned before anything is written.
  const outFolder = resolve(io.cwd, values.out);
  const publicFolder = resolve(io.cwd, values.public);
  const reported: ReportedPage[] = [];
  const writes: Write[] = [];
  for (const { source, page } of parsed) {
    const converted: ConvertedPage = convertParsed(page, site);
    const output = join(outFolder, ...mdxPathForId(wikiId(source.id) as PageId).split('/'));
    writes.push({ path: output, text: converted.mdx });
    reported.push({ file: relative(io.cwd, source.file), output: relative(io.cwd, output), report: converted.report });
  }
  if (mediaFolder !== null) {
    const uses = new Map(reported.flatMap(({ report }) => report.mediaFiles).map((use) => [`${use.place}:${use.path}`, use]));
    for (const use of uses.values()) {
      const from = site.mediaFiles.get(use.path);
      if (from === undefined) continue; // reported as broken by the conversion
      const folder = use.place === 'content' ? outFolder : join(publicFolder, ...values['media-base'].split('/').filter(Boolean));
      writes.push({ path: join(folder, ...use.path.split('/')), copyFrom: from });
    }
  }
  io.out(formatReport(reported));

  const changed = writes.filter((write) => !sameContent(write));
  const conflicts = changed.filter((write) => existsSync(write.path));
  if (values['dry-run']) {
    io.out(`\nDry run: ${changed.length} file${changed.length === 1 ? '' : 's'} would be written, none was.\n`);
    return 0;
  }
  if (conflicts.length > 0 && !values.force) {
    const list = conflicts.map((write) => relative(io.cwd, write.path)).join('\n  ');
    io.err(
      `\nNothing was written: these files exist and would change (edited since the last import?):\n  ${list}\nRun again with --force to overwrite them, or move them away.\n`,
    );
    return 1;
  }
  for (const write of changed) {
    mkdirSync(dirname(write.path), { recursive: true });
    if ('text' in write) writeFileSync(write.path, write.text);
    else copyFileSync(write.copyFrom, write.path);
  }
  io.out(
    `\nWritten: ${changed.length} file${changed.length === 1 ? '' : 's'} (${writes.length - changed.length} already up to date${conflicts.length > 0 ? `, ${conflicts.length} overwritten` : ''}).\n`,
  );
  return 0;
}

function setting(value: string, option: string): 0 | 1 | 2 {
  if (value === '0' || value === '1' || value === '2') return Number(value) as 0 | 1 | 2;
  throw new Error(`${option} must be 0, 1 or 2 (as in DokuWiki's configuration), not ${JSON.stringify(value)}`);
}

function sameContent(write: Write): boolean {
  if (!existsSync(write.path)) return false;
  const current = readFileSync(write.path);
  return 'text' in write ? current.toString('utf8') === write.text : current.equals(readFileSync(write.copyFrom));
}

interface SiteSettings {
  readonly rules: IdRules;
  readonly interwiki: InterwikiMap;
  readonly mediaFolder: string | null;
  readonly mediaBase: string;
  readonly typography: TypographyLevel;
  readonly useHeading: boolean;
}

/** The import as converting a page sees it, and where each file of data/media is on disk (by its name). */
function importSite(pages: readonly ParsedPage[], settings: SiteSettings): ImportSite & { mediaFiles: ReadonlyMap<string, string> } {
  const sections = new Map<string, PageSections>(pages.map((page) => [page.id, pageSections(page.id, page.blocks, settings.rules)]));
  const folder = settings.mediaFolder;
  const mediaFiles = new Map(folder === null ? [] : walk(folder).map((file) => [decodeFileName(relative(folder, file)), file]));
  return {
    ids: { rules: settings.rules, pageExists: (id) => sections.has(id) },
    sections: (id) => sections.get(id),
    useHeading: settings.useHeading,
    interwiki: settings.interwiki,
    media: { base: settings.mediaBase, imagesBesideArticles: folder !== null, files: folder === null ? null : new Set(mediaFiles.keys()) },
    typography: settings.typography,
    mediaFiles,
  };
}

/** DokuWiki's default interwiki map, with the wiki's own conf file (interwiki.local.conf) over it. */
function readInterwiki(file: string | undefined, cwd: string): InterwikiMap {
  if (file === undefined) return DEFAULT_INTERWIKI;
  const path = resolve(cwd, file);
  const { map, errors } = parseInterwikiConf(readFileSync(path, 'utf8'));
  if (errors.length > 0) throw new Error(`${path}: ${errors.join('; ')}`);
  return { ...DEFAULT_INTERWIKI, ...map };
}

/** Pages whose ids differ in DokuWiki but not in this wiki (which folds accents and treats `/` as `:`). */
function idCollisions(sources: readonly PageSource[], cwd: string): string[] {
  const byId = new Map<string, PageSource[]>();
  for (const source of sources) {
    const id = wikiId(source.id);
    byId.set(id, [...(byId.get(id) ?? []), source]);
  }
  return [...byId.entries()]
    .filter(([, same]) => same.length > 1)
    .map(([id, same]) => `${same.map((source) => relative(cwd, source.file)).join(' and ')} → ${id === '' ? '(no id)' : id}`);
}

function readCorrections(path: string): PageCorrections[] {
  return [...parseCorrections(JSON.parse(readFileSync(path, 'utf8')) as unknown).pages];
}

function sourcesFromCorrections(corrections: readonly PageCorrections[], cwd: string, rules: IdRules): PageSource[] {
  return corrections.flatMap((page) => (page.source === undefined ? [] : [{ file: resolve(cwd, page.source), id: cleanId(page.id, rules) }]));
}

/** The pages below a folder, or the one page a file is. */
function findPages(input: string, rules: IdRules): PageSource[] {
  if (!existsSync(input)) throw new Error(`${input}: no such file or folder`);
  if (statSync(input).isDirectory()) {
    return walk(input)
      .filter((file) => file.toLowerCase().endsWith('.txt'))
      .sort()
      .map((file) => ({ file, id: dokuwikiIdFromPath(relative(input, file), rules) }));
  }
  const parts = resolve(input).split(sep);
  const pagesAt = parts.lastIndexOf('pages');
  const id = pagesAt === -1 ? dokuwikiIdFromPath(basename(input), rules) : dokuwikiIdFromPath(parts.slice(pagesAt + 1).join('/'), rules);
  return [{ file: input, id }];
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
