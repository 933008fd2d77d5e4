/**
 * The comparison site: the same articles as Markdown in a Starlight project
 * (from the npm registry, installed once into a temporary folder), with a
 * fixed sidebar and Starlight's default Pagefind search.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedArticle } from './generate.ts';

/** Versions pinned so that runs on different days compare the same thing. */
export const STARLIGHT_VERSION = '0.42.4';

const PACKAGE = {
  name: 'bench-starlight',
  private: true,
  type: 'module',
  dependencies: { '@astrojs/starlight': STARLIGHT_VERSION, '@astrojs/markdown-remark': '^7.3.1', astro: '^7.3.5', sharp: '^0.34.0' },
};

/** What a Starlight build writes in its project (output, content store, generated types): gone, its next build is cold. */
export const STARLIGHT_BUILD_FOLDERS = ['dist', 'node_modules/.astro', '.astro'] as const;

/** Install Starlight into `dir` unless it is there already. Returns the folder. */
export function ensureStarlight(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const marker = join(dir, 'node_modules/@astrojs/starlight/package.json');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(PACKAGE, null, 2)}\n`);
  if (!existsSync(marker)) {
    console.error(`[bench] installing @astrojs/starlight@${STARLIGHT_VERSION} into ${dir} …`);
    const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm install in ${dir} failed (exit ${result.status}): check the network to the npm registry`);
  }
  return dir;
}

/** Write the articles as Starlight docs and a config with a fixed, short sidebar. */
export function writeStarlightSite(dir: string, articles: GeneratedArticle[]): void {
  const docs = join(dir, 'src/content/docs');
  rmSync(docs, { recursive: true, force: true });
  for (const a of articles) {
    const file = join(docs, `${a.path}.md`);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, a.markdown);
  }
  writeFileSync(join(docs, 'index.md'), '---\ntitle: Synthetic wiki\n---\n\nThe benchmark wiki.\n');
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  const sidebar = articles.slice(0, 10).map((a) => ({ label: a.title, link: `/${a.path}/` }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import starlight from '@astrojs/starlight';\nimport { defineConfig } from 'astro/config';\n\nexport default defineConfig({\n  integrations: [starlight({ title: 'Synthetic wiki', sidebar: [{ label: 'Start', items: ${JSON.stringify(sidebar)} }] })],\n});\n`,
  );
}
