/**
 * The HTML of articles rendered by the article loader lives in files of the cache folder
 * (`WIKI_CACHE_DIR/wiki-html/<digest>.article`), not in Astro's content store: the store is compiled into
 * the build's server bundle as one JavaScript string, which at 5,000–10,000 articles means hundreds of
 * megabytes for the bundler to copy and the build to hold in memory. So does what the plugins found while
 * rendering (the References list, as HTML, and the frontmatter): 9.5 KB an article with 25–45 footnotes, 48 of
 * the store's 55 MB at 5,000 such articles. The store keeps only the file's path and the headings; the article
 * page reads the file when it renders.
 *
 * One file an article: its first line is the frontmatter as JSON (which writes no line break), the rest its HTML.
 * A file of its own for each, as before, made a cold build create a thousand more files at 1,000 articles, which
 * this machine's file system makes cost 0.2–0.5 ms each right after a build's files were deleted (bench/RESULTS.md).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { BackgroundWrites } from '../build/background-writes.ts';
import { join } from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';

/** What the store keeps in `rendered.metadata` of such an article. */
export interface StoredArticleMetadata {
  headings: MarkdownHeading[];
  imagePaths: string[];
  /** Absolute path of the file that holds the article's frontmatter as the plugins left it (References included) and HTML. */
  htmlFile: string;
}

/** An article's file: the frontmatter's JSON on the first line, the HTML after it. */
export function articleFileContent(html: string, frontmatter: Record<string, unknown>): string {
  return `${JSON.stringify(frontmatter)}\n${html}`;
}

/** The frontmatter and HTML of an article's file (`articleFileContent`). */
export function readArticleFileContent(content: string): { frontmatter: Record<string, unknown>; html: string } {
  const cut = content.indexOf('\n');
  if (cut < 0) throw new Error('the file has no line of frontmatter');
  return { frontmatter: JSON.parse(content.slice(0, cut)) as Record<string, unknown>, html: content.slice(cut + 1) };
}

/**
 * Write an article's frontmatter and HTML under its digest (the same digest, the same HTML) into `folder` and
 * give the file's path. The file is written in the background (src/build/background-writes.ts); pages read it
 * meanwhile from memory.
 */
export function writeArticleHtml(writes: BackgroundWrites, folder: string, digest: string, html: string, frontmatter: Record<string, unknown> = {}): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${digest}.article`);
  writes.write(file, articleFileContent(html, frontmatter));
  return file;
}

/**
 * Remove the files of digests no article has any more (and leftovers of writes that never ended, and the two files
 * an article had before), not those being written. `used`: the files in use.
 */
export function removeUnusedHtml(writes: BackgroundWrites, folder: string, used: ReadonlySet<string>): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (!used.has(path) && !writes.isBeingWritten(path)) rmSync(path, { force: true });
  }
}

/** The HTML file of an entry rendered this way, if it is one. */
export function storedHtmlFile(entry: { rendered?: { metadata?: Record<string, unknown> } }): string | undefined {
  const file = entry.rendered?.metadata?.htmlFile;
  return typeof file === 'string' ? file : undefined;
}

/** An entry of the collection as the store holds it. */
export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  rendered?: { metadata?: Record<string, unknown> };
}

/**
 * An article page's frontmatter, content, headings and references, read from the cache folder. `live`: in
 * `astro dev`, the articles as the loader last stored them (pages read the store as Astro last wrote it to disk,
 * up to half a second behind the loader); `writes`: the build's background writes, whose files may not be on
 * disk yet.
 */
export function readArticleHtml(
  fromCollection: StoredEntry,
  live: ReadonlyMap<string, StoredEntry>,
  writes: BackgroundWrites,
): { data: Record<string, unknown>; html: string; headings: MarkdownHeading[]; frontmatter: Record<string, unknown> } | undefined {
  const entry = live.get(fromCollection.id) ?? fromCollection;
  const file = storedHtmlFile(entry);
  if (!file) return undefined;
  const metadata = entry.rendered?.metadata as Partial<StoredArticleMetadata>;
  let content: string;
  try {
    content = writes.pending(file) ?? readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the rendered HTML of ${entry.id} is missing from the cache (${file}): was WIKI_CACHE_DIR emptied during the build? Build again.`);
  }
  const { html, frontmatter } = readArticleFileContent(content);
  return { data: entry.data, html, headings: metadata.headings ?? [], frontmatter };
}
