/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and code are
 * the same as in the previous build is copied from that build instead of rendered again.
 *
 * Astro also hashes each page's code, but the wiki's data reaches pages from the build's process through a
 * module whose code never changes (`virtual:wiki/data`, src/astro/integration.ts): so a key here must cover
 * everything a page reads of that data. Each key hashes whole records, not chosen fields: a page is rendered
 * again more often than strictly needed (a linking page's date changed), never less.
 * `tests/build/incremental-build.test.ts` holds a rebuild after edits byte for byte to a clean build.
 */
import { createHash } from 'node:crypto';
import type { PageId } from '../model/ids.ts';
import type { PageSummary, WikiData } from '../model/wiki-data.ts';

/**
 * `code`: the digest of the code that shapes what a page reads (src/build/caches.ts, `pages`), so that no key of
 * a build with other code can match.
 */
function keyOf(code: string, parts: unknown[]): string {
  return createHash('sha256').update(code).update('\0').update(JSON.stringify(parts)).digest('base64url');
}

/** Each summary hashed once per build: a hub's summary is shown by every page it links to. */
const summaryDigests = new WeakMap<PageSummary, string>();

function summaryDigest(page: PageSummary | undefined): string | null {
  if (!page) return null;
  let digest = summaryDigests.get(page);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(page)).digest('base64url');
    summaryDigests.set(page, digest);
  }
  return digest;
}

/**
 * An article page's key: the entry's digest (which covers its source and everything its rendered HTML
 * depends on, src/astro/article-loader.ts), the file holding that HTML, the article's summary,
 * its See also targets and the pages that link to it. Undefined for an article compiled as an MDX
 * module (`htmlFile` absent), which Astro renders on every build.
 */
export function articleCacheKey(
  code: string,
  wiki: Pick<WikiData, 'pages' | 'backlinks'>,
  id: PageId,
  entry: { digest: string | number | undefined; data: unknown; htmlFile: string | undefined },
): string | undefined {
  if (entry.htmlFile === undefined || entry.digest === undefined) return undefined;
  const page = wiki.pages[id];
  if (!page) return undefined;
  return keyOf(code, [
    'article',
    entry.digest,
    entry.htmlFile,
    entry.data,
    summaryDigest(page),
    page.seeAlso.map(({ id: target }) => summaryDigest(wiki.pages[target])),
    (wiki.backlinks[id] ?? []).map((link) => [link, summaryDigest(wiki.pages[link.from])]),
  ]);
}

/** The key of a page made from one article's summary alone (a redirect to it). */
export function summaryCacheKey(code: string, kind: string, page: PageSummary, ...more: unknown[]): string {
  return keyOf(code, [kind, summaryDigest(page), ...more]);
}

/**
 * The key of a template of history pages (src/model/history-template.ts): the layout around a place for a body,
 * the same for every article and every history (the bodies are written into the pages after Astro, every build).
 */
export function historyTemplateCacheKey(code: string): string {
  return keyOf(code, ['history-template']);
}
