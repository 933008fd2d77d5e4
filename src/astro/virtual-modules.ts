/**
 * The wiki's virtual modules, all in one Vite plugin (as Starlight keeps its own): each is a live view of the
 * build context (src/build/registry.ts), so that pages read the wiki of this process, not a copy compiled into
 * the bundle (at 5,000 articles that copy was ~17 MB of JavaScript for the bundler to parse on every build).
 * Their code never changes, which is why pages that Astro's incremental build may copy carry a cacheKey
 * covering what they read (src/astro/page-cache-keys.ts).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const registry = JSON.stringify(fileURLToPath(new URL('../build/registry.ts', import.meta.url)));

/** Module id → the expression (of `context`) its default export is a live view of. */
const MODULES: Record<string, string> = {
  /** The data pages list and link from (src/model/wiki-data.ts). */
  'virtual:wiki/data': 'context.data()',
  /** The sources cited across the wiki, for /special/sources/. */
  'virtual:wiki/references': '({ sources: context.reading().references.sources })',
  /** The wiki itself: name, tagline, language, interface strings, logo, licence, where its files live (src/model/site-config.ts). */
  'virtual:wiki/config': 'context.config()',
  /** Each article's history and Recent changes, from the build's one `git log` (src/content-folder/wiki-history.ts). */
  'virtual:wiki/history': 'context.history()',
  /** "Cite this page", made by the build's process when a page asks (src/render/page-citation.ts). */
  'virtual:wiki/citations': '({ of: (id) => context.citation(id) })',
  /**
   * Facts about the build that pages need: the part of the page cache's keys common to all pages (code and
   * settings), the articles it renders, the paths each page has listed (`astro dev`: src/astro/dev-paths.ts).
   */
  'virtual:wiki/build':
    '({ pageCacheCode: context.pageCacheCode(), renders: context.renders, sitePage: context.rendersSitePage, pageGenerated: context.pageGenerated, pageRendered: context.pageRendered, listedPaths: context.listedPaths })',
};

export function wikiVirtualModules(): Plugin {
  return {
    name: 'wiki:virtual-modules',
    resolveId: (id) => (id in MODULES ? `\0${id}` : undefined),
    load: (id) => {
      const expression = id.startsWith('\0') ? MODULES[id.slice(1)] : undefined;
      if (expression === undefined) return undefined;
      return `import { liveView } from ${registry};\nexport default liveView((context) => ${expression});\n`;
    },
  };
}
