// @ts-check
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { csp } from './src/astro/csp-integration.ts';
import { wiki } from './src/astro/integration.ts';
import { createBuildContext } from './src/build/context.ts';
import { readSettings } from './src/content-folder/settings.ts';

// Folders named relative are the checkout's, wherever Astro runs (`npm run build` runs it in a root of its own).
const settings = readSettings(process.env, fileURLToPath(new URL('.', import.meta.url)));
// One context per build: settings, the wiki as read, caches and background writes (src/build/context.ts).
const context = createBuildContext(settings);

// The config as `defineConfig` from `astro/config` would give it back (it returns its argument, for types): that
// module also loads Astro's SVG optimizer (svgo and css-tree, 350 modules: 0.15-0.25 s of Astro's start), which
// this wiki never uses.
/** @type {import('astro').AstroUserConfig} */
const config = {
  // `npm run build` gives each content folder and shard an Astro root of its own, where Astro keeps its `.astro/`
  // state (cli/build.ts); the source stays here.
  ...(settings.astroRoot
    ? { root: settings.astroRoot, srcDir: fileURLToPath(new URL('./src/', import.meta.url)), publicDir: fileURLToPath(new URL('./public/', import.meta.url)) }
    : {}),
  site: settings.site,
  outDir: settings.outDir,
  cacheDir: settings.cacheDir,
  trailingSlash: 'always',
  // The stylesheet is small: inlined, it saves phones a round trip before the first paint. Eight pages in
  // flight at once: page generation overlaps rendering with writing files (1,000 articles: 4.9–5.7 s → 3.3 s).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  // Pictures in articles get a srcset of sizes and keep their aspect ratio (base.css caps their width).
  image: { layout: 'constrained' },
  // Prism colours code with classes, which follow the theme and need no inline styles under the CSP (code.css).
  markdown: { syntaxHighlight: 'prism' },
  // optimize: static parts of each article compile to HTML strings, not JSX calls: smaller chunks, faster bundling (bench/RESULTS.md).
  integrations: [wiki(context), mdx({ optimize: true }), csp(context)],
  // A rebuild copies from the last build (kept in cacheDir) every page whose cacheKey and code are unchanged:
  // articles and redirects (src/astro/page-cache-keys.ts).
  experimental: { incrementalBuild: true },
};

export default config;
