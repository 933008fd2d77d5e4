/**
 * The folders a build reads and writes, checked before anything is written. A build replaces its output folder
 * whole; pointed at the wrong folder (`WIKI_OUT_DIR=content`, `WIKI_OUT_DIR=.`), it would delete the articles or
 * the checkout. So the output folder may not be, contain or sit inside the content folder or the engine's own
 * folders, and a folder that already holds files must be a site this engine built.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PART_FOLDER, SITE_MARKER } from '../model/site-files.ts';

/** The engine's folders in a checkout: a build may not write into or over them. */
const ENGINE_FOLDERS = ['src', 'public', 'cli', 'vendor', 'tests', 'bench', 'node_modules', '.git', '.github'];
/** Folders inside those where builds do write: the tests' and the benchmark's output. */
const OUTPUT_FOLDERS = ['tests/.output', 'bench/.work'];

export interface BuildFolders {
  contentDir: string;
  outDir: string;
  cacheDir: string;
  /** The engine's checkout (where astro.config.mjs is). */
  root: string;
  /** An empty content folder builds an empty site (WIKI_ALLOW_EMPTY=1); otherwise it is an error. */
  allowEmpty: boolean;
}

export class FolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FolderError';
    // The message says what to do; a stack trace into the engine would only hide it.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The real path of `path`, following symbolic links as far as the path exists, so that a link cannot hide a folder. */
function realPath(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

/** `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/**
 * True when `dir` holds a site this engine built (its marker), a part of one (a shard's folder), or, for sites
 * built before the marker, Astro's `_astro/` beside `index.html`.
 */
export function isBuiltSite(dir: string): boolean {
  return existsSync(join(dir, SITE_MARKER)) || existsSync(join(dir, PART_FOLDER)) || (existsSync(join(dir, '_astro')) && existsSync(join(dir, 'index.html')));
}

/** True when the content folder holds at least one article (`.mdx`), looking no further than needed. */
function hasArticles(dir: string): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isFile() && entry.name.endsWith('.mdx')) return true;
    if (entry.isDirectory() && hasArticles(join(dir, entry.name))) return true;
  }
  return false;
}

/** The problem with the content folder, or undefined: it must exist, be a folder and, unless allowed, hold articles. */
export function contentFolderProblem(folders: Pick<BuildFolders, 'contentDir' | 'allowEmpty'>): string | undefined {
  const { contentDir } = folders;
  if (!existsSync(contentDir)) {
    return `the content folder ${contentDir} does not exist: create it and add an article (\`index.mdx\` or \`my_article.mdx\`), or set WIKI_CONTENT_DIR to the folder of your articles`;
  }
  if (!statSync(contentDir).isDirectory())
    return `the content folder ${contentDir} is a file, not a folder: set WIKI_CONTENT_DIR to the folder of your articles`;
  if (!folders.allowEmpty && !hasArticles(contentDir)) {
    return `the content folder ${contentDir} holds no article (no \`.mdx\` file), so the build would publish an empty site: add an article, check WIKI_CONTENT_DIR, or set WIKI_ALLOW_EMPTY=1 to build an empty wiki on purpose`;
  }
  return undefined;
}

/** The problem with the output folder, or undefined. */
export function outputFolderProblem(folders: Omit<BuildFolders, 'allowEmpty'>): string | undefined {
  const out = realPath(folders.outDir);
  const content = realPath(folders.contentDir);
  const root = realPath(folders.root);
  const cache = realPath(folders.cacheDir);
  const named = `the output folder ${folders.outDir} (WIKI_OUT_DIR)`;
  const fix = 'set WIKI_OUT_DIR to a folder of its own, such as `dist`';
  if (within(root, out))
    return `${named} ${out === root ? 'is' : 'contains'} the engine's checkout ${folders.root}: a build replaces its output folder whole and would delete it; ${fix}`;
  if (within(content, out))
    return `${named} ${out === content ? 'is' : 'contains'} the content folder ${folders.contentDir}: a build replaces its output folder whole and would delete the articles; ${fix}`;
  if (within(out, content)) return `${named} is inside the content folder ${folders.contentDir}: the built pages would be read as content; ${fix} outside it`;
  if (within(cache, out)) return `${named} ${out === cache ? 'is' : 'contains'} the cache folder ${folders.cacheDir} (WIKI_CACHE_DIR): ${fix}`;
  for (const name of ENGINE_FOLDERS) {
    const folder = join(root, name);
    if (within(out, folder) && !OUTPUT_FOLDERS.some((output) => within(out, join(root, output)))) {
      return `${named} is inside the engine's folder ${name}/: a build would replace files of the engine; ${fix}`;
    }
  }
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) return `${named} is a file: ${fix}`;
    if (readdirSync(out).length > 0 && !isBuiltSite(out)) {
      return `${named} holds files that are not a site built by this wiki (no ${SITE_MARKER} file), and a build would replace them all: move them away, or ${fix}`;
    }
  }
  return undefined;
}

/** Throws a FolderError naming every problem with the folders of a build, before anything is written. */
export function checkBuildFolders(folders: BuildFolders): void {
  const problems = [contentFolderProblem(folders), outputFolderProblem(folders)].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) throw new FolderError(problems.join('\n'));
}
