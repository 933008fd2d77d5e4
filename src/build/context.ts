/**
 * The build context: everything one build (or one `astro dev` session) knows and shares, created once in
 * astro.config.mjs and passed explicitly: to the wiki integration and the CSP integration as an argument, and
 * through the registry (src/build/registry.ts) to the content loader and the pages, which Astro runs in Vite's
 * module runner where no argument can reach them.
 *
 * It holds the settings, the wiki as last read (page index, link graph, references, commit dates), the data
 * pages read, the caches' paths and keys (src/build/caches.ts), and the background writer.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { listFiles, readContentFolder } from '../content-folder/read-folder.ts';
import { lastCommitDates } from '../content-folder/git-dates.ts';
import { cachedParser } from '../content-folder/prepass-cache.ts';
import { writeCitedEntries } from '../content-folder/cited-entries.ts';
import type { WikiSettings } from '../content-folder/settings.ts';
import type { PageId } from '../model/ids.ts';
import { buildLinkGraph, type LinkGraph } from '../model/link-graph.ts';
import { buildPageIndex, type PageIndex } from '../model/page-index.ts';
import { assignShards, rendersSitePages } from '../model/shards.ts';
import type { BuildStep, SitemapEntry } from '../model/site-files.ts';
import { buildReferenceIndex, type ReferenceIndex } from '../model/references-index.ts';
import { toWikiData, type WikiData } from '../model/wiki-data.ts';
import type { StoredEntry } from '../render/article-html.ts';
import { ChartPrefetch } from '../render/charts/chart-prefetch.ts';
import { BackgroundWrites } from './background-writes.ts';
import { cacheCodeDigest, cachePath, WORK_FILES, type CacheName } from './caches.ts';
import { join } from 'node:path';

/** The wiki as read from the content folder at one moment. */
export interface WikiReading {
  index: PageIndex;
  graph: LinkGraph;
  /** Every citation checked, and the sources for /special/sources/. */
  references: ReferenceIndex;
  /** Article → the CSL-JSON file of the entries it cites, which rehype-citation reads. */
  citedPaths: Map<PageId, string>;
  /** File → date of its last commit, read with one `git log` per reading. */
  commitDates: Map<string, string>;
  /** The content folder's file names and texts, as one hash. */
  digest: string;
  /** Article → the shard (1…n) that renders it, in a sharded build (src/model/shards.ts). */
  shards: Map<PageId, number> | undefined;
}

export interface PartRecord {
  /** The build's steps done so far. */
  steps: Set<BuildStep>;
  /** The distinct Content-Security-Policies of the pages written. */
  policies: Set<string>;
  sitemap: SitemapEntry[];
}

export interface BuildContext {
  readonly settings: WikiSettings;
  /** The files written in the background; the build's last step waits for them. */
  readonly writes: BackgroundWrites;
  /** Charts drawn ahead on the other core while Astro starts (src/render/charts/chart-prefetch.ts). */
  readonly charts: ChartPrefetch;
  /**
   * `astro dev`: each article as the loader last stored it, ahead of Astro's write of its store to disk (pages
   * read the store as last written, up to half a second behind). Empty in a build.
   */
  readonly liveArticles: Map<string, StoredEntry>;
  /** What this build's part of the site records for finishing the site (src/postbuild/site-parts.ts). */
  readonly part: PartRecord;
  /** The reading the content loader last brought Astro's store in line with (`astro dev` waits for it after an edit). */
  syncedReading: WikiReading | undefined;
  /** Read the content folder (again, in `astro dev` after a change). */
  read(): Promise<WikiReading>;
  /** The wiki as last read; throws before the first reading. */
  reading(): WikiReading;
  /** The data pages read (virtual:wiki/data), made once per reading. */
  data(): WikiData;
  /** Whether this build renders the article `id`: all of them in a whole build, its share in a sharded one. */
  renders(id: PageId): boolean;
  /** Whether this build renders the site's own pages (home, special pages, 404): a whole build, or the first shard. */
  readonly rendersSitePages: boolean;
  /** Where a cache lives. */
  cachePath(name: CacheName): string;
  /** The code part of a cache's key (src/build/caches.ts). */
  cacheCode(name: CacheName): string;
}

/** What the content folder holds, file names and text, as one hash. */
export function sourcesDigest(sources: ReadonlyMap<string, string>): string {
  const hash = createHash('sha1');
  for (const [file, text] of sources) hash.update(file).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

/** Read the wiki: the pre-pass (cached by each article's text), the link graph, the references, the commit dates. */
async function readWiki(settings: WikiSettings, cacheFile: string): Promise<WikiReading> {
  const parser = cachedParser(cacheFile, cacheCodeDigest('prepass'));
  let index: PageIndex;
  let digest: string;
  let sources: Map<string, string>;
  try {
    const folder = readContentFolder(settings.contentDir);
    sources = folder.sources;
    digest = sourcesDigest(sources);
    // Articles whose text has not changed since the last build are not parsed again; the others on every core.
    await parser.prefetch(sources);
    // The public folder's files, so that an article's `/media/…` picture that is not there is reported.
    const publicFiles = new Set(existsSync(settings.publicDir) ? listFiles(settings.publicDir) : []);
    index = buildPageIndex(sources, parser.parse, { trust: settings.trust, diagnostics: folder.diagnostics, publicFiles });
  } finally {
    parser.save();
  }
  const shards = settings.shard && assignShards(new Map([...index.pages.values()].map((page) => [page.id, sources.get(page.file)?.length ?? 0])), settings.shard.count);
  const references = buildReferenceIndex(index);
  const citedPaths = writeCitedEntries(references.citedEntries, join(settings.cacheDir, WORK_FILES.citations.path));
  return { index, graph: buildLinkGraph(index), references, citedPaths, commitDates: lastCommitDates(settings.contentDir), digest, shards };
}

export function createBuildContext(settings: WikiSettings): BuildContext {
  let current: WikiReading | undefined;
  let data: { of: WikiReading; value: WikiData } | undefined;
  const reading = (): WikiReading => {
    if (!current) throw new Error('the wiki was used before its content was read');
    return current;
  };
  return {
    settings,
    writes: new BackgroundWrites(),
    charts: new ChartPrefetch(),
    liveArticles: new Map(),
    syncedReading: undefined,
    part: { steps: new Set(), policies: new Set(), sitemap: [] },
    read: async () => (current = await readWiki(settings, cachePath(settings.cacheDir, 'prepass'))),
    reading,
    data: () => {
      const now = reading();
      if (data?.of !== now) data = { of: now, value: toWikiData(now.index, now.graph, now.commitDates) };
      return data.value;
    },
    rendersSitePages: rendersSitePages(settings.shard),
    renders: (id) => {
      const { shards } = reading();
      return !settings.shard || shards?.get(id) === settings.shard.index;
    },
    cachePath: (name) => cachePath(settings.cacheDir, name),
    cacheCode: (name) => cacheCodeDigest(name),
  };
}
