/**
 * `npm run build`: build the site into a fresh folder beside the output folder
 * and put it in place only when the build succeeds, so that a failed build
 * leaves the previous site intact and servable. WIKI_OUT_DIR still names the
 * output folder; arguments are passed on to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, SEARCH_INDEX_AFTER_BUILD } from '../src/postbuild/search-index.ts';
import { readSettings } from '../src/content-folder/settings.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { outDir } = readSettings(process.env, root);
// Siblings of the output folder, so that the final rename stays on one file system.
const fresh = join(dirname(outDir), `.${basename(outDir)}.building-${process.pid}`);
const previous = join(dirname(outDir), `.${basename(outDir)}.previous-${process.pid}`);

rmSync(fresh, { recursive: true, force: true });
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WIKI_OUT_DIR: fresh, [SEARCH_INDEX_AFTER_BUILD]: '1' },
});

const failed = (why: string, status: number) => {
  rmSync(fresh, { recursive: true, force: true });
  const kept = existsSync(outDir) ? `the previous site in ${outDir} is unchanged` : `nothing was written to ${outDir}`;
  console.error(`\n[wiki] ${why}: ${kept}. Fix the errors above and build again.`);
  process.exit(status);
};
if (result.status !== 0) failed('The build failed', result.status ?? 1);

// The search index, once Astro's process has ended (see SEARCH_INDEX_AFTER_BUILD).
try {
  const search = await buildSearchIndex(fresh);
  console.log(`[wiki] search index: ${search.pages} articles, ${Math.round(search.indexBytes / 1024)} KB of index data in pagefind/`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  failed('The search index could not be built', 1);
}

if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(fresh, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`[wiki] The site is in ${outDir}.`);
