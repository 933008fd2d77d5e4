/**
 * The HTML of articles rendered by the article loader lives in files of the cache folder
 * (`WIKI_CACHE_DIR/wiki-html/<digest>.html`), not in Astro's content store: the store is compiled into
 * the build's server bundle as one JavaScript string, which at 5,000–10,000 articles means hundreds of
 * megabytes for the bundler to copy and the build to hold in memory. The store keeps only the file's
 * path, the headings and the references; the article page reads the file when it renders.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { isBeingWritten, pendingContent, writeInBackground } from '../build/background-writes.ts';
import { processShared } from '../build/process-shared.ts';
import { join } from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';

const FOLDER = 'wiki-html';

/** What the store keeps in `rendered.metadata` of such an article. */
export interface StoredArticleMetadata {
  headings: MarkdownHeading[];
  frontmatter: Record<string, unknown>;
  imagePaths: string[];
  /** Absolute path of the file that holds the article's HTML. */
  htmlFile: string;
}

export function htmlFolder(cacheDir: string): string {
  return join(cacheDir, FOLDER);
}

/**
 * Write an article's HTML under its digest (the same digest, the same HTML) and give the file's path. The file
 * is written in the background (src/build/background-writes.ts); pages read the HTML meanwhile from memory.
 */
export function writeArticleHtml(cacheDir: string, digest: string, html: string): string {
  const folder = htmlFolder(cacheDir);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${digest}.html`);
  writeInBackground(file, html);
  return file;
}

/** Remove the files of digests no article has any more (and leftovers of writes that never ended), not those being written. */
export function removeUnusedHtml(cacheDir: string, used: ReadonlySet<string>): void {
  const folder = htmlFolder(cacheDir);
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (!used.has(path) && !isBeingWritten(path)) rmSync(path, { force: true });
  }
}

/** The HTML file of an entry rendered this way, if it is one. */
export function storedHtmlFile(entry: { rendered?: { metadata?: Record<string, unknown> } }): string | undefined {
  const file = entry.rendered?.metadata?.htmlFile;
  return typeof file === 'string' ? file : undefined;
}

/** An entry of the collection as the store holds it. */
interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  rendered?: { metadata?: Record<string, unknown> };
}

/**
 * `astro dev`: each article as the loader last stored it, by id, kept in the process. Pages read the store as
 * Astro last wrote it to disk, up to half a second after the loader changed it (its writes wait for more);
 * read from here, the reload the loader asks for shows the edit already. Empty in a build, where the store
 * the pages read is the one the loader wrote.
 */
export function liveArticles(): Map<string, StoredEntry> {
  return processShared('wiki:live-articles', () => new Map<string, StoredEntry>());
}

/** An article page's frontmatter, content, headings and references, read from the cache folder. */
export function readArticleHtml(
  fromCollection: StoredEntry,
): { data: Record<string, unknown>; html: string; headings: MarkdownHeading[]; frontmatter: Record<string, unknown> } | undefined {
  const entry = liveArticles().get(fromCollection.id) ?? fromCollection;
  const file = storedHtmlFile(entry);
  if (!file) return undefined;
  const metadata = entry.rendered?.metadata as Partial<StoredArticleMetadata>;
  let html: string;
  try {
    html = pendingContent(file) ?? readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the rendered HTML of ${entry.id} is missing from the cache (${file}): was WIKI_CACHE_DIR emptied during the build? Build again.`);
  }
  return { data: entry.data, html, headings: metadata.headings ?? [], frontmatter: metadata.frontmatter ?? {} };
}
