// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { csp } from './src/integrations/csp.ts';
import { wiki } from './src/integrations/wiki.ts';
import { readSettings } from './src/lib/settings.ts';

const settings = readSettings();

export default defineConfig({
  site: settings.site,
  outDir: settings.outDir,
  cacheDir: settings.cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [wiki(settings), mdx(), csp()],
});
