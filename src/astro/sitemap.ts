/**
 * The sitemap (@astrojs/sitemap), told about the wiki: alias redirect pages
 * and Random article are left out (they only lead elsewhere), and each
 * article carries its last change as `lastmod`.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { recordBuildStep } from '../build/build-receipt.ts';
import { HISTORY_BASE, urlForId } from '../model/ids.ts';
import type { WikiData } from '../model/wiki-data.ts';

/** Paths that are not pages of their own: redirects and the random-article jump (history pages are left out by `filter`). */
export function excludedPaths(data: Pick<WikiData, 'redirects'>): Set<string> {
  return new Set(['/special/random/', ...data.redirects.map((r) => urlForId(r.alias))]);
}

/** Path → `YYYY-MM-DD` of the article's last change. */
export function lastChanges(data: Pick<WikiData, 'pages'>): Map<string, string> {
  return new Map(Object.values(data.pages).flatMap((page) => (page.changed ? [[page.url, page.changed] as const] : [])));
}

export function wikiSitemap(data: () => WikiData): AstroIntegration {
  // Read once, at the end of the build, when the wiki's data is final.
  let lists: { excluded: Set<string>; changes: Map<string, string> } | undefined;
  const read = () => (lists ??= { excluded: excludedPaths(data()), changes: lastChanges(data()) });
  const integration = sitemap({
    // Articles' histories are for readers who come from the article, not for search engines (they carry noindex).
    filter: (url) => !read().excluded.has(new URL(url).pathname) && !new URL(url).pathname.startsWith(HISTORY_BASE),
    serialize: (item) => {
      const changed = read().changes.get(new URL(item.url).pathname);
      return changed ? { ...item, lastmod: changed } : item;
    },
  });
  const written = integration.hooks['astro:build:done'];
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:build:done': async (options) => {
        await written?.(options);
        recordBuildStep('sitemap');
      },
    },
  };
}
