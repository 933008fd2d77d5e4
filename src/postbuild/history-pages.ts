/**
 * Write the history pages of a build from the template pages Astro rendered (src/model/history-template.ts) and
 * their bodies, and remove the templates: the site holds the pages, never a template. The bodies come checked
 * (src/postbuild/history-bodies.ts) as the security check reads the pages Astro wrote (src/postbuild/csp.ts); a
 * template is checked with those.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import { fillTemplate, templateShares, templateSlug, templateUrl, type HistoryPageFill } from '../model/history-template.ts';
import { HISTORY_BASE, historyUrlForId, NAMESPACE_SEPARATOR } from '../model/ids.ts';
import type { PageSummary } from '../model/wiki-data.ts';

/** Write `buffers` one after another: `writev` may write less than all of them. */
function writeAll(file: number, buffers: Uint8Array[]): void {
  const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  const written = writevSync(file, buffers);
  if (written < total) {
    const rest = Buffer.concat(buffers).subarray(written);
    for (let at = 0; at < rest.length;) at += writeSync(file, rest, at);
  }
}

/**
 * `pages`: every article, in the order the history route lists them; `site`: the site's address (Astro's
 * `site`); `historyTitle`: an article's history page's title, in the wiki's language. Gives the number of pages
 * written.
 */
export function writeHistoryPages(
  outDir: string,
  pages: readonly PageSummary[],
  options: {
    site: string;
    siteName: string;
    historyTitle: (title: string) => string;
    /** Whether this build rendered template `index` (a shard renders its turn of them): all by default. */
    rendered?: (index: number) => boolean;
    /** The body of an article's history page, checked (src/postbuild/history-bodies.ts): page `j` of template `template`. */
    body: (page: PageSummary, template: number, j: number) => string | Uint8Array;
  },
): number {
  const base = join(outDir, ...HISTORY_BASE.split('/').filter(Boolean));
  let written = 0;
  templateShares(pages).forEach((share, i) => {
    if (options.rendered && !options.rendered(i)) return;
    const folder = join(base, templateSlug(i));
    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    const fills: HistoryPageFill[] = share.map((page) => ({
      id: page.id,
      title: page.title,
      canonical: new URL(historyUrlForId(page.id), options.site).href,
      pageTitle: options.historyTitle(page.title),
    }));
    const filled = fillTemplate(html, new URL(templateUrl(i), options.site).href, fills, options.siteName, (j) => options.body(share[j]!, i, j));
    // The layout's pieces are the same strings on every page: encoded once.
    const encoded = new Map<string, Buffer>();
    const bytes = (piece: string | Uint8Array) => {
      if (typeof piece !== 'string') return piece;
      let buffer = encoded.get(piece);
      if (!buffer) {
        buffer = Buffer.from(piece);
        if (piece.length > 256) encoded.set(piece, buffer);
      }
      return buffer;
    };
    share.forEach((page, j) => {
      const dir = join(base, ...page.id.split(NAMESPACE_SEPARATOR));
      mkdirSync(dir, { recursive: true });
      const file = openSync(join(dir, 'index.html'), 'w');
      try {
        writeAll(file, filled[j]!.map(bytes));
      } finally {
        closeSync(file);
      }
      written++;
    });
    rmSync(folder, { recursive: true, force: true });
  });
  return written;
}
