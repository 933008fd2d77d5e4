/**
 * `npm run new -- hardware:ascend_950`: write a new article into the content folder (WIKI_CONTENT_DIR) at the
 * file its id names (`hardware/ascend_950.mdx`), with valid frontmatter in the wiki's language, and print it.
 * An id that an article has already, or that is an alias of one, is refused.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { listFiles } from '../src/content-folder/read-folder.ts';
import { readSettings } from '../src/content-folder/settings.ts';
import { ARTICLE_EXTENSION, idFromPath, normalizeId, pathForId } from '../src/model/ids.ts';
import { newArticleText, takenBy } from '../src/model/new-article.ts';
import { parseArticle } from '../src/model/parse-article.ts';
import { translator } from '../src/shared/translate.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
/** Where the writer ran `npm run new` (npm runs scripts in the package's folder): paths are shown from there. */
const here = process.env['INIT_CWD'] ?? process.cwd();

function fail(message: string): never {
  console.error(`[wiki] ${message}`);
  process.exit(1);
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { title: { type: 'string' } } });
const written = positionals[0];
if (!written || positionals.length > 1)
  fail('name one page id, e.g. `npm run new -- hardware:ascend_950` (namespaces separated by `:`; `--title "Ascend 950"` to choose the title)');
const id = normalizeId(written);
if (id === '') fail(`\`${written}\` gives no page id: use letters or digits, e.g. \`npm run new -- hardware:ascend_950\``);

let settings;
try {
  settings = readSettings(process.env, root);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { contentDir } = settings;
mkdirSync(contentDir, { recursive: true });

/** Each article's aliases, read from its frontmatter alone (a file with mistakes elsewhere still names its aliases). */
const articles = new Map<string, string[]>();
for (const file of listFiles(contentDir).filter((name) => name.endsWith(ARTICLE_EXTENSION))) {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(contentDir, file), 'utf8'))?.[1];
  let aliases: string[] = [];
  try {
    const data: unknown = frontmatter ? parseYaml(frontmatter) : undefined;
    const list = typeof data === 'object' && data !== null ? (data as { aliases?: unknown }).aliases : undefined;
    if (Array.isArray(list)) aliases = list.filter((alias): alias is string => typeof alias === 'string');
  } catch {
    // Frontmatter that is not YAML names no alias; the build reports it.
  }
  articles.set(file, aliases);
}
const taken = takenBy(id, articles, idFromPath);
if (taken?.by === 'article') fail(`the page \`${id}\` exists already: ${relative(here, join(contentDir, taken.file))}; edit it, or choose another id`);
if (taken?.by === 'alias')
  fail(
    `\`${id}\` is an alias of ${relative(here, join(contentDir, taken.file))} (\`${taken.written}\`): links to it lead there; edit that article, or choose another id`,
  );

const file = join(contentDir, pathForId(id));
if (existsSync(file)) fail(`${relative(here, file)} exists already: edit it, or choose another id`);
const text = newArticleText(id, translator(settings.uiStrings, settings.language), values.title);
// What is written must be an article the build takes.
const checked = parseArticle(text, pathForId(id));
if (!checked.ok) fail(`the new article would not build (${checked.diagnostics.map((d) => d.message).join('; ')}): please report this`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, text, { flag: 'wx' });
console.log(`[wiki] created ${relative(here, file)}${id !== written ? ` (id \`${id}\`)` : ''}:\n`);
console.log(text);
