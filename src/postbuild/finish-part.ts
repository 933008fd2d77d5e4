/**
 * The steps after Astro that make a built folder a site: its pages indexed for search (in batches,
 * src/postbuild/search-index.ts), then, for a whole build, the site finished in place (src/postbuild/site-parts.ts).
 * A shard stops after indexing: `npm run merge` finishes the site from all shards.
 */
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { PART_FOLDER } from '../model/site-files.ts';
import { removeNow, type Discard } from './discard.ts';
import { indexInBatches } from './search-index.ts';
import { startWordsWorker, WORDS_WORKER_PAGES } from './search-words.ts';
import { addStep, finishSite, readManifest, SitePartError, type FinishedSite } from './site-parts.ts';

/** `discard`: how the working folders are removed (cli/publish.ts takes them out of the site and removes them in the background). */
export async function finishPart(partDir: string, signal?: AbortSignal, discard: Discard = removeNow): Promise<FinishedSite & { shard: boolean }> {
  const manifest = readManifest(partDir);
  if (!manifest) throw new SitePartError(`${partDir} has no ${PART_FOLDER}/part.json: the build stopped before its last step`);
  // A whole build's vocabulary is read on a worker thread beside the join; started now, it is ready when Pagefind is done.
  const wordsWorker = !manifest.shard && manifest.articles >= WORDS_WORKER_PAGES && availableParallelism() >= 2 ? startWordsWorker() : undefined;
  try {
    const { folders } = await indexInBatches(partDir, join(partDir, PART_FOLDER, 'search'), {
      ...(signal ? { signal } : {}),
      discard,
      pages: manifest.searchPages,
    });
    addStep(partDir, 'search', { search: folders.map((folder) => relative(partDir, folder)) });
    if (manifest.shard) return { articles: manifest.articles, searchPages: 0, indexBytes: 0, sitemapEntries: manifest.sitemap.length, shard: true };
    return { ...(await finishSite([partDir], partDir, discard, wordsWorker)), shard: false };
  } finally {
    wordsWorker?.end();
  }
}
