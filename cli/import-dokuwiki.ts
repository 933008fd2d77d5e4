/**
 * Import DokuWiki pages as MDX articles.
 *
 *   npm run import:dokuwiki -- <data/pages folder | page.txt>... [--out content/] [--force]
 *                              [--corrections corrections.json] [--media-base /media/] [--dry-run]
 *
 * A folder is read recursively and keeps its namespaces (`wiki/syntax.txt` → `content/wiki/syntax.mdx`, id
 * `wiki:syntax`); a single file inside a `pages` folder keeps its namespace too, any other file becomes a
 * top-level page. `--corrections` applies a tracked corrections file (see src/importer/corrections.ts); with
 * no input given, the pages it lists are imported from their `source`. An existing article that would change
 * is only overwritten with `--force`. The report (pages, links, footnotes, and every construct not converted,
 * with file and line) goes to standard output.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCorrections, type PageCorrections } from '../src/importer/corrections.ts';
import { convertPage } from '../src/importer/convert-page.ts';
import { cleanId, mdxPathForId, pageIdFromPath, type PageId } from '../src/importer/page-id.ts';
import { formatReport, type ReportedPage } from '../src/importer/report.ts';

interface PageSource {
  readonly file: string;
  readonly id: PageId;
}

const USAGE =
  'usage: npm run import:dokuwiki -- <data/pages folder | page.txt>... [--out content/] [--force] [--corrections file.json] [--media-base /media/] [--dry-run]';

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

/** Run the import; returns the exit code. */
export function main(argv: readonly string[], io: Io = processIo): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'content' },
      corrections: { type: 'string' },
      'media-base': { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const corrections = values.corrections === undefined ? [] : readCorrections(resolve(io.cwd, values.corrections));
  const sources =
    positionals.length > 0
      ? positionals.flatMap((input) => findPages(resolve(io.cwd, input)))
      : sourcesFromCorrections(corrections, io.cwd);
  if (sources.length === 0) {
    io.err(`${positionals.length > 0 ? 'no .txt pages found in the input' : USAGE}\n`);
    return 1;
  }
  const outFolder = resolve(io.cwd, values.out);
  const reported: ReportedPage[] = [];
  const refused: string[] = [];
  for (const source of sources) {
    const pageCorrections = corrections.find((page) => cleanId(page.id) === source.id);
    const page = convertPage(readFileSync(source.file, 'utf8'), {
      id: source.id,
      ...(values['media-base'] === undefined ? {} : { mediaBase: values['media-base'] }),
      ...(pageCorrections === undefined ? {} : { corrections: pageCorrections }),
    });
    const output = join(outFolder, ...mdxPathForId(source.id).split('/'));
    const changed = !existsSync(output) || readFileSync(output, 'utf8') !== page.mdx;
    if (!values['dry-run'] && changed) {
      if (existsSync(output) && !values.force) {
        refused.push(output);
      } else {
        mkdirSync(dirname(output), { recursive: true });
        writeFileSync(output, page.mdx);
      }
    }
    reported.push({ file: relative(io.cwd, source.file), output: relative(io.cwd, output), report: page.report });
  }
  io.out(formatReport(reported));
  if (refused.length > 0) {
    const list = refused.map((path) => relative(io.cwd, path)).join('\n  ');
    io.err(`\nNot overwritten (they exist and would change; use --force):\n  ${list}\n`);
    return 1;
  }
  return 0;
}

function readCorrections(path: string): PageCorrections[] {
  return [...parseCorrections(JSON.parse(readFileSync(path, 'utf8')) as unknown).pages];
}

function sourcesFromCorrections(corrections: readonly PageCorrections[], cwd: string): PageSource[] {
  return corrections.flatMap((page) =>
    page.source === undefined ? [] : [{ file: resolve(cwd, page.source), id: cleanId(page.id) }],
  );
}

/** The pages below a folder, or the one page a file is. */
function findPages(input: string): PageSource[] {
  if (!existsSync(input)) throw new Error(`${input}: no such file or folder`);
  if (statSync(input).isDirectory()) {
    return walk(input)
      .filter((file) => file.toLowerCase().endsWith('.txt'))
      .sort()
      .map((file) => ({ file, id: pageIdFromPath(relative(input, file)) }));
  }
  const parts = resolve(input).split(sep);
  const pagesAt = parts.lastIndexOf('pages');
  const id = pagesAt === -1 ? pageIdFromPath(basename(input)) : pageIdFromPath(parts.slice(pagesAt + 1).join('/'));
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
