/**
 * What must hold after every successful build of a content folder:
 * - every article file is exactly one page in the site and one record in the search index;
 * - every internal `href` and `#anchor` resolves (linkinator, a real link checker, over the built site);
 * - every page is valid HTML (the Nu HTML Checker, vnu.jar, on the machine's Java).
 * Use `checkInvariants(site, contentDir)` right after `buildSite(…)`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, sep } from 'node:path';
import { LinkChecker } from 'linkinator';
import { ARTICLE_EXTENSION, idFromPath, slugParamForId } from '../../src/model/ids.ts';
import { listFiles } from '../../src/content-folder/read-folder.ts';
import { repoRoot, type BuildResult } from './build-site.ts';

export interface InvariantReport {
  /** Article files without their page in the site. */
  missingPages: string[];
  /** Pages that carry an article body but come from no article file. */
  extraPages: string[];
  /** Article records in the search index (Pagefind's `pagefind-entry.json`). */
  searchRecords: number;
  /** Article files in the content folder. */
  articles: number;
  /** `page → href` for every internal link or anchor that does not resolve. */
  brokenLinks: string[];
  /** How many links the checker followed, so that a check of nothing is noticed. */
  linksChecked: number;
  /** `page:line: message` for every HTML error. */
  htmlErrors: string[];
  /** How many pages the HTML checker read. */
  pagesValidated: number;
}

/** Every `.html` file under `dir`, relative, with `/` separators. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The built file of the article at `file` (relative to the content folder). */
export function pagePathFor(file: string): string {
  const id = idFromPath(file);
  return id ? `wiki/${slugParamForId(id)}/index.html` : '';
}

function articlePages(outDir: string): string[] {
  return htmlFiles(outDir).filter((file) => readFileSync(join(outDir, file), 'utf8').includes('data-pagefind-body'));
}

function searchRecordCount(outDir: string): number {
  const entry = join(outDir, 'pagefind/pagefind-entry.json');
  if (!existsSync(entry)) return 0;
  const { languages } = JSON.parse(readFileSync(entry, 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Run linkinator over the site, following internal links and checking #anchors; external links are left alone. */
export async function brokenLinks(outDir: string): Promise<{ broken: string[]; checked: number }> {
  const port = await freePort();
  const local = `http://localhost:${port}/`;
  const result = await new LinkChecker().check({
    path: outDir,
    port,
    recurse: true,
    checkFragments: true,
    concurrency: 4,
    linksToSkip: async (url: string) => !url.startsWith(local),
  });
  const broken = result.links
    .filter((link) => link.state === 'BROKEN')
    .map((link) => `${relative(outDir, link.parent ?? outDir) || '/'} → ${relative(outDir, link.url)} (${link.status ?? 'no status'})`);
  return { broken: [...new Set(broken)].sort(), checked: result.links.filter((link) => link.state === 'OK').length };
}

interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/** The Nu HTML Checker's errors for every page of the site. */
export function htmlErrors(outDir: string): string[] {
  const jar = join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const result = spawnSync('java', ['-Xss8m', '-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', outDir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`the HTML checker could not start (java -jar vnu.jar): ${result.error.message}`);
  const { messages } = JSON.parse(result.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
  return messages
    .filter((m) => m.type === 'error')
    .map((m) => `${m.url ? relative(outDir, decodeURIComponent(m.url.replace(/^file:/, ''))) : '?'}:${m.lastLine ?? 0}: ${m.message}`);
}

export async function checkInvariants(site: BuildResult, contentDir: string): Promise<InvariantReport> {
  const files = listFiles(contentDir).filter((file) => file.endsWith(ARTICLE_EXTENSION));
  const expected = new Set(files.map(pagePathFor));
  const built = articlePages(site.outDir);
  const links = await brokenLinks(site.outDir);
  return {
    missingPages: files.filter((file) => !site.exists(pagePathFor(file))),
    extraPages: built.filter((page) => !expected.has(page)),
    searchRecords: searchRecordCount(site.outDir),
    articles: files.length,
    brokenLinks: links.broken,
    linksChecked: links.checked,
    htmlErrors: htmlErrors(site.outDir),
    pagesValidated: htmlFiles(site.outDir).length,
  };
}
