/**
 * `npm run merge -- <shard folders…>`: the site from the shards of a sharded build (`npm run build --
 * --shard=i/n`, one per CI job), written to WIKI_OUT_DIR the way `npm run build` writes it: into a fresh folder,
 * put in place only when it is whole. Refused, with the reason, when a shard is missing, failed or stopped,
 * or was built from other content or another engine than the others (src/postbuild/site-parts.ts).
 */
import { resolve } from 'node:path';
import { outputFolderProblem } from '../src/content-folder/folders.ts';
import { finishSite, SitePartError } from '../src/postbuild/site-parts.ts';
import { Publication } from './publish.ts';
import { settingsOrStop } from './settings.ts';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const settings = settingsOrStop(root, 'merge');
const parts = process.argv.slice(2).map((dir) => resolve(dir));
if (parts.length === 0) {
  console.error('[wiki] usage: npm run merge -- <shard folder> <shard folder> …   (the site goes to WIKI_OUT_DIR, default dist/)');
  process.exit(2);
}
const problem =
  outputFolderProblem({ ...settings, root }) ??
  parts
    .map((part) =>
      resolve(settings.outDir) === part ? `the output folder ${settings.outDir} is one of the shards: set WIKI_OUT_DIR to another folder` : undefined,
    )
    .find(Boolean);
if (problem) {
  console.error(`[wiki] The merge did not start: ${problem}`);
  process.exit(2);
}

const publication = new Publication(settings.outDir);
try {
  const merged = await finishSite(parts, publication.fresh);
  console.log(
    `[wiki] merged ${parts.length} shards: ${merged.articles} articles, ${merged.searchPages} in the search index (${Math.round(merged.indexBytes / 1024)} KB), ${merged.sitemapEntries} pages in the sitemap`,
  );
} catch (error) {
  if (!(error instanceof SitePartError)) throw error;
  console.error(`[wiki] ${error.message}`);
  publication.fail('The merge failed', 1);
}
publication.swap();
console.log(`[wiki] The site is in ${settings.outDir}.`);
// Done: exit now rather than once the event loop is empty, which first tears down the worker threads and this
// thread's heap, for nothing (0.06 s of a 1,000-article build). Output to a pipe or terminal is written at once.
process.exit(0);
