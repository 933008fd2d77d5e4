/**
 * The kinds of page a reader meets, read from the built site at test time, so
 * special pages that other parts of the wiki add are checked without editing
 * this list.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSettings } from '../../src/content-folder/settings.ts';

/** The seed article: the page the wiki is measured by. */
export const SEED_ARTICLE = '/wiki/nvidia_vs_huawei_for_ai_compute/';
/** An address with no page, served the site's 404 page. */
export const MISSING_PAGE = '/wiki/no_such_page_for_the_reading_tests/';

export interface PageKind {
  name: string;
  path: string;
}

const outDir = readSettings().outDir;

function specialPages(): PageKind[] {
  const dir = join(outDir, 'special');
  if (!existsSync(dir)) return [];
  return (
    readdirSync(dir, { withFileTypes: true })
      // /special/random/ only opens a random article (tests/browser/graph.spec.ts), so it is not a page to check.
      .filter((entry) => entry.isDirectory() && entry.name !== 'random' && existsSync(join(dir, entry.name, 'index.html')))
      .map((entry) => ({ name: `special page ${entry.name}`, path: `/special/${entry.name}/` }))
      .sort((a, b) => a.path.localeCompare(b.path))
  );
}

/** Every kind of page that exists in the build: article, main page, special pages, search, 404. */
export function pageKinds(): PageKind[] {
  return [
    { name: 'article', path: SEED_ARTICLE },
    { name: 'main page', path: '/' },
    ...specialPages(),
    ...(existsSync(join(outDir, 'search', 'index.html')) ? [{ name: 'search page', path: '/search/' }] : []),
    ...(existsSync(join(outDir, 'special', 'history', SEED_ARTICLE.replace(/^\/wiki\//, ''), 'index.html'))
      ? [{ name: 'history page', path: SEED_ARTICLE.replace(/^\/wiki\//, '/special/history/') }]
      : []),
    { name: '404 page', path: MISSING_PAGE },
  ];
}

/** Every built article, with whether it holds a table (the widest thing an article has). */
export function articles(): Array<{ path: string; hasTable: boolean }> {
  const root = join(outDir, 'wiki');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name === 'index.html' ? [join(dir, entry.name)] : [],
    );
  if (!existsSync(root)) return [];
  return walk(root)
    .map((file) => ({ path: `/${file.slice(outDir.length + 1).replace(/index\.html$/, '')}`, html: readFileSync(file, 'utf8') }))
    .filter(({ html }) => !/<meta http-equiv="refresh"/i.test(html)) // an alias: a redirect, not an article
    .map(({ path, html }) => ({ path, hasTable: html.includes('<table') }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
