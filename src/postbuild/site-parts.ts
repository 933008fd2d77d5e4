/**
 * A build writes its pages as a *part* of the site: the whole site for an ordinary build, one shard's articles
 * (and, for the first shard, the site's own pages) for `--shard=i/n`. Beside its pages, a part keeps what the
 * site-wide files need (`.wiki-part/`): a manifest (the engine and content it was built from, the steps done,
 * its sitemap entries, the Content-Security-Policies of its pages) and its pages' search indexes.
 *
 * `finishSite` turns one or more parts into the site: their pages together, one search index joined from all
 * of them (src/postbuild/search-bundle.ts) with the vocabulary of "Did you mean" read from the same pages
 * (src/postbuild/search-words.ts), the sitemap and `_headers`. An ordinary build finishes its one part
 * in place; `npm run merge` finishes the shards of a sharded build. Both go through the same steps, so a site
 * merged from shards is the site a whole build writes, byte for byte.
 */
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Shard } from '../model/shards.ts';
import { BUILD_STEPS, PART_FOLDER, SITE_MARKER, SITE_MARKER_TEXT, type BuildStep, type SearchPage, type SitemapEntry } from '../model/site-files.ts';
import { headersFile, sitePolicy } from './csp.ts';
import { joinSearchIndexes } from './search-bundle.ts';
import { removeNow, type Discard } from './discard.ts';
import { writeSearchWordsOf, type WordsSession } from './search-words.ts';
import { writeSitemap } from './sitemap.ts';

const MANIFEST = 'part.json';

export interface PartManifest {
  /** The digest of the engine's code (src/build/code-digest.ts `engineDigest`). */
  engine: string;
  /** The digest of the content folder's files and texts. */
  content: string;
  /** The public address of the site. */
  site: string;
  shard: Shard | null;
  /** Articles rendered in this part. */
  articles: number;
  steps: BuildStep[];
  sitemap: SitemapEntry[];
  /** The distinct Content-Security-Policies of the part's pages. */
  policies: string[];
  /** The part's search indexes (Pagefind folders), relative to the part's folder. */
  search: string[];
  /** The part's pages that the search indexes, sorted by path: read from the pages by the security check. */
  searchPages: SearchPage[];
}

export class SitePartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SitePartError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

export function manifestFile(partDir: string): string {
  return join(partDir, PART_FOLDER, MANIFEST);
}

export function writeManifest(partDir: string, manifest: PartManifest): void {
  mkdirSync(join(partDir, PART_FOLDER), { recursive: true });
  writeFileSync(manifestFile(partDir), JSON.stringify(manifest));
}

export function readManifest(partDir: string): PartManifest | undefined {
  const file = manifestFile(partDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PartManifest) : undefined;
}

/** Record one more step done in a part's manifest. */
export function addStep(partDir: string, step: BuildStep, change: Partial<PartManifest> = {}): void {
  const manifest = readManifest(partDir);
  if (!manifest) throw new SitePartError(`${partDir} has no ${PART_FOLDER}/${MANIFEST}: its build did not get to its last step`);
  writeManifest(partDir, { ...manifest, ...change, steps: [...new Set([...manifest.steps, step])] });
}

const label = (manifest: PartManifest) => (manifest.shard ? `shard ${manifest.shard.index}/${manifest.shard.count}` : 'the whole build');

/** The parts' manifests, checked to make one site: finished, from one engine and one content, every shard once. */
export function checkParts(partDirs: readonly string[]): PartManifest[] {
  if (partDirs.length === 0) throw new SitePartError('no part to merge: give the folders the shards were built into');
  const manifests = partDirs.map((dir) => {
    if (!existsSync(dir)) throw new SitePartError(`${dir} does not exist: was its shard built, and its folder downloaded?`);
    const manifest = readManifest(dir);
    if (!manifest)
      throw new SitePartError(`${dir} is not a finished part of a build (no ${PART_FOLDER}/${MANIFEST}): its shard failed or stopped; build it again`);
    const missing = BUILD_STEPS.filter((step) => !manifest.steps.includes(step));
    if (missing.length > 0) throw new SitePartError(`${dir} (${label(manifest)}) did not finish: ${missing.join(', ')} never ran; build it again`);
    return manifest;
  });
  const [first] = manifests;
  partDirs.forEach((dir, i) => {
    const manifest = manifests[i]!;
    if (manifest.content !== first!.content) {
      throw new SitePartError(
        `${dir} (${label(manifest)}) was built from other content than ${partDirs[0]} (${label(first!)}): shards of different content revisions cannot be merged; build every shard from the same commit`,
      );
    }
    if (manifest.engine !== first!.engine)
      throw new SitePartError(
        `${dir} (${label(manifest)}) was built by another version of the engine than ${partDirs[0]}: build every shard from the same commit`,
      );
    if (manifest.site !== first!.site)
      throw new SitePartError(`${dir} was built for ${manifest.site}, ${partDirs[0]} for ${first!.site}: build every shard with the same WIKI_SITE`);
  });
  const whole = manifests.filter((manifest) => !manifest.shard);
  if (whole.length > 0 && manifests.length > 1)
    throw new SitePartError(`${partDirs[manifests.indexOf(whole[0]!)]} is a whole build, not a shard: merge shards, or publish the whole build alone`);
  if (whole.length === 0) {
    const count = first!.shard?.count ?? 0;
    const seen = new Map<number, string>();
    partDirs.forEach((dir, i) => {
      const shard = manifests[i]!.shard!;
      if (shard.count !== count)
        throw new SitePartError(`${dir} is shard ${shard.index}/${shard.count}, ${partDirs[0]} is one of ${count}: every shard must be built with the same n`);
      const twin = seen.get(shard.index);
      if (twin) throw new SitePartError(`${dir} and ${twin} are both shard ${shard.index}/${count}: give each shard once`);
      seen.set(shard.index, dir);
    });
    const absent = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
    if (absent.length > 0)
      throw new SitePartError(
        `shard${absent.length > 1 ? 's' : ''} ${absent.map((index) => `${index}/${count}`).join(', ')} ${absent.length > 1 ? 'are' : 'is'} missing: merge all ${count} shards`,
      );
  }
  return manifests;
}

/** Every file under `dir`, relative, without the part's own folder. */
function pageFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => path !== PART_FOLDER && !path.startsWith(`${PART_FOLDER}/`));
}

/** Link (or, across file systems, copy) `from` to `to`. */
function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    cpSync(from, to);
  }
}

export interface FinishedSite {
  articles: number;
  /** Pages in the search index. */
  searchPages: number;
  indexBytes: number;
  sitemapEntries: number;
}

/**
 * Finish the site in `outDir` from the parts in `partDirs`: an ordinary build gives its own folder as both (the
 * site is finished in place, and `discard` removes the part's own files from it); a merge gives the shards'
 * folders and a fresh `outDir`.
 */
export async function finishSite(
  partDirs: readonly string[],
  outDir: string,
  discard: Discard = removeNow,
  /** The vocabulary's worker thread, if started ahead (src/postbuild/search-words.ts). */
  wordsWorker?: WordsSession,
): Promise<FinishedSite> {
  const manifests = checkParts(partDirs);
  const inPlace = partDirs.length === 1 && partDirs[0] === outDir;
  if (!inPlace) {
    // The shards' pages together. The site's own pages and assets come from the first shard; an asset two shards
    // both wrote (the same bundled script) must be the same file.
    const owner = new Map<string, string>();
    for (const dir of partDirs) {
      for (const file of pageFiles(dir)) {
        const earlier = owner.get(file);
        if (earlier) {
          if (
            statSync(join(earlier, file)).size !== statSync(join(dir, file)).size ||
            !readFileSync(join(earlier, file)).equals(readFileSync(join(dir, file)))
          ) {
            throw new SitePartError(`${file} differs between ${earlier} and ${dir}: were the shards built from the same commit?`);
          }
          continue;
        }
        owner.set(file, dir);
        place(join(dir, file), join(outDir, file));
      }
    }
  }
  const search = partDirs.flatMap((dir, i) => manifests[i]!.search.map((folder) => join(dir, folder)));
  rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
  // The vocabulary, from the indexes' pages and the title index (written by the part with the site's own pages):
  // the same words however the site was split; read beside the join.
  const words = writeSearchWordsOf(outDir, search, wordsWorker ? { worker: wordsWorker } : {});
  words.catch(() => undefined);
  const joined = await joinSearchIndexes(search, join(outDir, 'pagefind'));
  await words;
  const sitemapEntries = writeSitemap(
    outDir,
    manifests[0]!.site,
    manifests.flatMap((manifest) => manifest.sitemap),
  );
  // Policies in a fixed order, however the pages were split: the header is the same for the same pages.
  const policies = [...new Set(manifests.flatMap((manifest) => manifest.policies))].sort();
  writeFileSync(join(outDir, '_headers'), headersFile(sitePolicy(policies)));
  writeFileSync(join(outDir, SITE_MARKER), SITE_MARKER_TEXT);
  if (inPlace) discard(join(outDir, PART_FOLDER));
  return {
    articles: manifests.reduce((sum, manifest) => sum + manifest.articles, 0),
    searchPages: joined.pages,
    indexBytes: joined.indexBytes,
    sitemapEntries,
  };
}
