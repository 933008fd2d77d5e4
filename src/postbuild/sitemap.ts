/**
 * The sitemap (https://www.sitemaps.org/protocol.html): `sitemap-index.xml` and `sitemap-0.xml`, … of at most
 * 45,000 addresses each, in address order, each article with the date of its last change. Alias redirects and
 * Random article are left out (they only lead elsewhere), as are 404 and the search page's results, and articles'
 * histories (for readers who come from the article, not for search engines: they carry noindex).
 *
 * Written once for the whole site from the entries each part of the build recorded (src/postbuild/site-parts.ts),
 * so that a sharded build and a whole build write the same sitemap.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_BASE } from '../model/ids.ts';
import type { SitemapEntry } from '../model/site-files.ts';

/** Addresses per sitemap file (the protocol allows 50,000). */
export const SITEMAP_ENTRY_LIMIT = 45_000;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The paths of pages that are not pages of their own. */
export function leftOutOfSitemap(path: string, redirects: ReadonlySet<string>): boolean {
  return path === '/404/' || path === '/404.html' || path === '/special/random/' || path.startsWith(HISTORY_BASE) || redirects.has(path);
}

/** Write the sitemap files into `outDir` for the site at `site`; gives the number of addresses. */
export function writeSitemap(outDir: string, site: string, entries: readonly SitemapEntry[]): number {
  const unique = new Map(entries.map((entry) => [entry.path, entry]));
  const sorted = [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: string[] = [];
  for (let start = 0; start < Math.max(sorted.length, 1); start += SITEMAP_ENTRY_LIMIT) {
    const part = sorted.slice(start, start + SITEMAP_ENTRY_LIMIT);
    const urls = part.map(
      (entry) => `<url><loc>${escapeXml(new URL(entry.path, site).href)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}</url>`,
    );
    const name = `sitemap-${files.length}.xml`;
    writeFileSync(
      join(outDir, name),
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`,
    );
    const newest = part.reduce<string | undefined>(
      (latest, entry) => (entry.lastmod && (!latest || entry.lastmod > latest) ? entry.lastmod : latest),
      undefined,
    );
    files.push(`<sitemap><loc>${escapeXml(new URL(`/${name}`, site).href)}</loc>${newest ? `<lastmod>${newest}</lastmod>` : ''}</sitemap>`);
  }
  writeFileSync(
    join(outDir, 'sitemap-index.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${files.join('')}</sitemapindex>`,
  );
  return sorted.length;
}
