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

function main(argv: readonly string[]): number {
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
    console.log(USAGE);
    return 0;
  }
  const corrections = values.corrections === undefined ? [] : readCorrections(values.corrections);
  const sources =
    positionals.length > 0 ? positionals.flatMap((input) => findPages(input)) : sourcesFromCorrections(corrections);
  if (sources.length === 0) {
    console.error(positionals.length > 0 ? 'no .txt pages found in the input' : USAGE);
    return 1;
  }
  const reported: ReportedPage[] = [];
  const refused: string[] = [];
  for (const source of sources) {
    const pageCorrections = corrections.find((page) => cleanId(page.id) === source.id);
    const page = convertPage(readFileSync(source.file, 'utf8'), {
      id: source.id,
      ...(values['media-base'] === undefined ? {} : { mediaBase: values['media-base'] }),
      ...(pageCorrections === undefined ? {} : { corrections: pageCorrections }),
    });
    const output = join(values.out, ...mdxPathForId(source.id).split('/'));
    const changed = !existsSync(output) || readFileSync(output, 'utf8') !== page.mdx;
    if (!values['dry-run'] && changed) {
      if (existsSync(output) && !values.force) {
        refused.push(output);
      } else {
        mkdirSync(dirname(output), { recursive: true });
        writeFileSync(output, page.mdx);
      }
    }
    reported.push({ file: relative(process.cwd(), source.file) || source.file, output, report: page.report });
  }
  process.stdout.write(formatReport(reported));
  if (refused.length > 0) {
    console.error(`\nNot overwritten (they exist and would change; use --force):\n  ${refused.join('\n  ')}`);
    return 1;
  }
  return 0;
}

function readCorrections(path: string): PageCorrections[] {
  return [...parseCorrections(JSON.parse(readFileSync(path, 'utf8')) as unknown).pages];
}

function sourcesFromCorrections(corrections: readonly PageCorrections[]): PageSource[] {
  return corrections.flatMap((page) =>
    page.source === undefined ? [] : [{ file: resolve(page.source), id: cleanId(page.id) }],
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

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
