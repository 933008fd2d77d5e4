/**
 * The HTML of articles rendered by the article loader lives in files of the cache folder
 * (`WIKI_CACHE_DIR/wiki-html/<digest>.html`), not in Astro's content store: the store is compiled into
 * the build's server bundle as one JavaScript string, which at 5,000–10,000 articles means hundreds of
 * megabytes for the bundler to copy and the build to hold in memory. So does what the plugins found while
 * rendering (`<digest>.json`: the References list, as HTML, and the frontmatter): 9.5 KB an article with
 * 25–45 footnotes, 48 of the store's 55 MB at 5,000 such articles. The store keeps only the HTML file's path
 * and the headings; the article page reads both files when it renders.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { BackgroundWrites } from '../build/background-writes.ts';
import { join } from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';

/** What the store keeps in `rendered.metadata` of such an article. */
export interface StoredArticleMetadata {
  headings: MarkdownHeading[];
  imagePaths: string[];
  /** Absolute path of the file that holds the article's HTML; its frontmatter is beside it (`frontmatterFile`). */
  htmlFile: string;
}

/** The file beside an article's HTML file that holds its frontmatter as the plugins left it (References included). */
export function frontmatterFile(htmlFile: string): string {
  return htmlFile.replace(/\.html$/, '.json');
}

/**
 * Write an article's HTML and frontmatter under its digest (the same digest, the same HTML) into `folder` and
 * give the HTML file's path. The files are written in the background (src/build/background-writes.ts); pages
 * read them meanwhile from memory.
 */
export function writeArticleHtml(writes: BackgroundWrites, folder: string, digest: string, html: string, frontmatter: Record<string, unknown> = {}): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${digest}.html`);
  writes.write(file, html);
  writes.write(frontmatterFile(file), JSON.stringify(frontmatter));
  return file;
}

/**
 * Remove the files of digests no article has any more (and leftovers of writes that never ended), not those being
 * written. `used`: the HTML files in use; their frontmatter files stay with them.
 */
export function removeUnusedHtml(writes: BackgroundWrites, folder: string, used: ReadonlySet<string>): void {
  if (!existsSync(folder)) return;
  const kept = new Set([...used].flatMap((file) => [file, frontmatterFile(file)]));
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (!kept.has(path) && !writes.isBeingWritten(path)) rmSync(path, { force: true });
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
  const read = (path: string) => {
    try {
      return writes.pending(path) ?? readFileSync(path, 'utf8');
    } catch {
      throw new Error(`the rendered HTML of ${entry.id} is missing from the cache (${path}): was WIKI_CACHE_DIR emptied during the build? Build again.`);
    }
  };
  const html = read(file);
  const frontmatter = JSON.parse(read(frontmatterFile(file))) as Record<string, unknown>;
  return { data: entry.data, html, headings: metadata.headings ?? [], frontmatter };
}
