/**
 * Reading the content folder: every file, as the page index takes them (src/model/page-index.ts). The only
 * file-system scan of content in a build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ARTICLE_EXTENSION } from '../model/ids.ts';
import { BIBLIOGRAPHY_EXTENSION, buildPageIndex, DATA_EXTENSION, type PageIndex } from '../model/page-index.ts';
import { parseArticle, type ParseResult } from '../model/parse-article.ts';

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
