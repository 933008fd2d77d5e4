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
import { startGitHistory, withLineCounts } from '../content-folder/git-history.ts';
import { finishHistory, putHistoryTogether, type UnfinishedHistory, type WikiHistory } from '../content-folder/wiki-history.ts';
import { readHistoryCache } from '../content-folder/history-cache.ts';
import { cachedParser } from '../content-folder/prepass-cache.ts';
import { waitForReadAhead } from './prepass-ahead.ts';
import { writeCitedEntries } from '../content-folder/cited-entries.ts';
import type { WikiSettings } from '../content-folder/settings.ts';
import type { PageId } from '../model/ids.ts';
import { buildLinkGraph, type LinkGraph } from '../model/link-graph.ts';
import { buildPageIndex, type PageIndex } from '../model/page-index.ts';
import { assignShards, keepForShard, rendersSitePage, rendersSitePages } from '../model/shards.ts';
import type { BuildStep, SearchPage, SitemapEntry } from '../model/site-files.ts';
import { buildReferenceIndex, type ReferenceIndex } from '../model/references-index.ts';
import { toWikiData, type WikiData } from '../model/wiki-data.ts';
import type { StoredEntry } from '../render/article-html.ts';
import { articleCitation } from '../render/page-citation.ts';
import { listedChanges, type ListedChange } from '../render/wiki-lists.ts';
import { urlForId } from '../model/ids.ts';
import type { HistoryStatus, RecentChange } from '../model/history.ts';
import { siteConfig, type SiteConfig } from '../model/site-config.ts';
import type { PageHistory } from '../content-folder/wiki-history.ts';
import { ChartPrefetch } from '../render/charts/chart-prefetch.ts';
import { BIG_HEAP_AT_PAGES, collectGarbageOverBig } from './collect-garbage.ts';
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
  /**
   * Each article's revisions, the latest change's word diff, Recent changes: from the same `git log`. Read
   * `historyLater` (a build, whose history pages are written after Astro's), it lacks the word diffs and the line
   * counts the log did not give, which only the history pages show: `unfinished` is then what finishes it.
   */
  history: WikiHistory;
  /** Read `historyLater` from git: what the history pages' thread finishes the history from (src/postbuild/history-thread.ts). */
  unfinished: UnfinishedHistory | undefined;
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
  /** The pages the search indexes, as the security check found them (src/postbuild/search-pages.ts). */
  searchPages: SearchPage[];
}

export interface BuildContext {
  readonly settings: WikiSettings;
  /** The files written in the background; the build's last step waits for them. */
  readonly writes: BackgroundWrites;
  /** Charts drawn ahead on the other core while Astro starts (src/render/charts/chart-prefetch.ts). */
  readonly charts: ChartPrefetch;
  /**
   * Called by the middleware as each page is generated (src/middleware.ts): before the first page of a build, a big
   * heap is collected and given back (src/build/collect-garbage.ts), and the build's `atFirstPage` is run.
   */
  pageGenerated(): void;
  /**
   * From `astro:build:start`: the pages generated from now on are a build's. `atFirstPage`: what to start once the
   * first page is generated (Vite's bundling done, the other core free again): the history pages.
   * `rendered`: given the pages `pageRendered` is told of.
   */
  startBuild(hooks?: { atFirstPage?: () => void; rendered?: (path: string, html: string) => void }): void;
  /** Called by the middleware with a page it rendered whole (a history page's template, src/middleware.ts). */
  pageRendered(path: string, html: string): void;
  /**
   * `astro dev`: each article as the loader last stored it, ahead of Astro's write of its store to disk (pages
   * read the store as last written, up to half a second behind). Empty in a build.
   */
  readonly liveArticles: Map<string, StoredEntry>;
  /** What this build's part of the site records for finishing the site (src/postbuild/site-parts.ts). */
  readonly part: PartRecord;
  /** The reading the content loader last brought Astro's store in line with (`astro dev` waits for it after an edit). */
  syncedReading: WikiReading | undefined;
  /** `astro dev`: the paths each page has listed since the server started, by page (src/astro/dev-paths.ts). */
  listedPaths(page: string): Map<string, Record<string, string | undefined>>;
  /**
   * Read the content folder (again, in `astro dev` after a change). `historyLater`: give the reading before its
   * history is whole (`WikiReading.unfinished`).
   */
  read(options?: { historyLater?: boolean }): Promise<WikiReading>;
  /** The wiki as last read; throws before the first reading. */
  reading(): WikiReading;
  /** The data pages read (virtual:wiki/data), made once per reading. */
  data(): WikiData;
  /** What pages know of the wiki itself (virtual:wiki/config): name, language, strings, links. */
  config(): SiteConfig;
  /** Each article's history and Recent changes (virtual:wiki/history). */
  history(): HistoryData;
  /** The latest changes as the embedded lists show them (src/render/wiki-lists.ts), made once per reading. */
  recentListed(reading?: WikiReading): ListedChange[];
  /** An article's "Cite this page" (virtual:wiki/citations), made when its page asks. */
  citation(id: PageId): ReturnType<typeof articleCitation> | undefined;
  /** Whether this build renders the article `id`: all of them in a whole build, its share in a sharded one. */
  renders(id: PageId): boolean;
  /**
   * Whether this build renders the site's own pages (home, special pages, 404, the title index): a whole build,
   * or the first shard.
   */
  readonly rendersSitePages: boolean;
  /** Whether this build renders the site's page at `path`: the first shard's, or a page of Special:Sources. */
  rendersSitePage(path: string): boolean;
  /** Where a cache lives. */
  cachePath(name: CacheName): string;
  /** The code part of a cache's key (src/build/caches.ts). */
  cacheCode(name: CacheName): string;
  /**
   * The part of every page's cache key that is not about one article: the pages' code and the wiki's settings as
   * pages show them (a new name or language shows on every page).
   */
  pageCacheCode(): string;
}

/** What the content folder holds, file names and text, as one hash. */
export function sourcesDigest(sources: ReadonlyMap<string, string>): string {
  const hash = createHash('sha1');
  for (const [file, text] of sources) hash.update(file).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

/** Read the wiki: the pre-pass (cached by each article's text), the link graph, the references, the commit dates. */
async function readWiki(settings: WikiSettings, cacheFile: string, later: boolean): Promise<WikiReading> {
  // git reads the history in its own process while this one reads the articles; only commits the last build did
  // not read (src/content-folder/history-cache.ts).
  const historyCache = cachePath(settings.cacheDir, 'history');
  const cached = readHistoryCache(historyCache, `${settings.contentDir}\0${cacheCodeDigest('history')}`);
  const log = startGitHistory(settings.contentDir, cached.head ? { head: cached.head, commits: cached.commits } : undefined, settings.gitLogAhead);
  // `npm run build` may be parsing the articles into the cache while Astro starts (src/build/prepass-ahead.ts).
  if (settings.prepassAhead) await waitForReadAhead(settings.prepassAhead);
  const parser = cachedParser(cacheFile, cacheCodeDigest('prepass'));
  let index: PageIndex;
  let digest: string;
  /** Each article's length, by file: what shards are balanced by. */
  const lengths = new Map<string, number>();
  try {
    const folder = readContentFolder(settings.contentDir);
    const sources = folder.sources;
    digest = sourcesDigest(sources);
    for (const [file, text] of sources) lengths.set(file, text.length);
    // Articles whose text has not changed since the last build are not parsed again; the others on every core. Their
    // texts are let go as they are parsed (the article loader reads the ones it renders again).
    const parse = await parser.parseAll(sources);
    // The public folder's files, so that an article's `/media/…` picture that is not there is reported.
    const publicFiles = new Set(existsSync(settings.publicDir) ? listFiles(settings.publicDir) : []);
    index = buildPageIndex(sources, parse, { trust: settings.trust, diagnostics: folder.diagnostics, publicFiles });
  } finally {
    parser.save();
  }
  const shards = settings.shard && assignShards(new Map([...index.pages.values()].map((page) => [page.id, lengths.get(page.file) ?? 0])), settings.shard.count);
  const references = buildReferenceIndex(index);
  const citedPaths = writeCitedEntries(references.citedEntries, join(settings.cacheDir, WORK_FILES.citations.path));
  const git = await log;
  const unfinished: UnfinishedHistory = {
    contentDir: settings.contentDir,
    git,
    articles: [...index.pages.values()].map(({ id, file }) => ({ id, file })),
    known: cached.diffs,
    cache: { file: historyCache, key: cached.key },
  };
  // Only the history pages, written after Astro's, show the latest changes word by word and every change's line
  // counts: a build has a thread of its own finish the history while Astro renders the pages.
  const finishLater = later && git.status.kind === 'git';
  let history: WikiHistory;
  if (finishLater) {
    history = putHistoryTogether(git, unfinished.articles).history;
    // Recent changes shows the lines each change added and removed, counted ahead for the newest commits
    // (COUNTED_AHEAD): they hold its changes unless most of them changed files other than articles.
    if (git.uncounted) {
      const uncounted = new Set(git.commits.slice(git.uncounted.from).map((commit) => commit.hash));
      if (history.recent.some((change) => uncounted.has(change.commit.hash))) await withLineCounts(git, settings.contentDir);
    }
  } else history = await finishHistory(unfinished);
  const whole = { index, graph: buildLinkGraph(index), references };
  // A shard keeps less of the articles it does not render (src/model/shards.ts).
  const shard = settings.shard;
  const kept = shards && shard ? keepForShard(whole, (id) => shards.get(id) === shard.index, shard) : whole;
  return { ...kept, citedPaths, commitDates: history.commitDates, history, unfinished: finishLater ? unfinished : undefined, digest, shards };
}

/** What history pages and Recent changes read: the reading's history, with articles by id. */
export interface HistoryData {
  status: HistoryStatus;
  pages: Record<string, PageHistory>;
  recent: RecentChange[];
}

export function createBuildContext(settings: WikiSettings): BuildContext {
  let current: WikiReading | undefined;
  /** Whether the next page generated is a build's first (`astro dev` never sets it). */
  let firstPage = false;
  let atFirstPage: (() => void) | undefined;
  let rendered: ((path: string, html: string) => void) | undefined;
  const reading = (): WikiReading => {
    if (!current) throw new Error('the wiki was used before its content was read');
    return current;
  };
  /** `make` once per reading of the wiki. */
  const perReading = <T>(make: (now: WikiReading) => T): (() => T) => {
    let made: { of: WikiReading; value: T } | undefined;
    return () => {
      const now = reading();
      if (made?.of !== now) made = { of: now, value: make(now) };
      return made.value;
    };
  };
  const data = perReading((now) => toWikiData(now.index, now.graph, now.commitDates, now.history.lastCommits));
  const config = perReading((now) => siteConfig(settings, now.history.status));
  const history = perReading((now): HistoryData => ({ status: now.history.status, pages: Object.fromEntries(now.history.pages), recent: now.history.recent }));
  const citations = perReading(() => new Map<PageId, ReturnType<typeof articleCitation> | undefined>());
  const listed = new WeakMap<WikiReading, ListedChange[]>();
  const listedByPage = new Map<string, Map<string, Record<string, string | undefined>>>();
  const recentListed = (of: WikiReading = reading()): ListedChange[] => {
    let made = listed.get(of);
    if (!made) {
      const pages = new Map([...of.index.pages.values()].map((page) => [page.file, { title: page.title, url: urlForId(page.id) }]));
      made = listedChanges(of.history.recent, (file) => pages.get(file));
      listed.set(of, made);
    }
    return made;
  };
  return {
    settings,
    writes: new BackgroundWrites(),
    charts: new ChartPrefetch(),
    startBuild: (hooks) => {
      firstPage = true;
      atFirstPage = hooks?.atFirstPage;
      rendered = hooks?.rendered;
    },
    pageRendered: (path, html) => rendered?.(path, html),
    pageGenerated: () => {
      if (!firstPage) return;
      firstPage = false;
      // The articles' rendering and Vite's bundling are garbage now: the pages are generated in a heap sized by
      // what the build holds, not grown on top of that garbage (src/build/collect-garbage.ts).
      collectGarbageOverBig(BIG_HEAP_AT_PAGES);
      atFirstPage?.();
    },
    liveArticles: new Map(),
    syncedReading: undefined,
    part: { steps: new Set(), policies: new Set(), sitemap: [], searchPages: [] },
    listedPaths: (page) => {
      let paths = listedByPage.get(page);
      if (!paths) listedByPage.set(page, (paths = new Map()));
      return paths;
    },
    read: async (options) => (current = await readWiki(settings, cachePath(settings.cacheDir, 'prepass'), options?.historyLater ?? false)),
    reading,
    data,
    config,
    history,
    recentListed,
    citation: (id) => {
      const made = citations();
      if (!made.has(id)) {
        const page = data().pages[id];
        const latest = reading().history.pages.get(id)?.revisions[0]?.commit;
        made.set(id, page ? articleCitation({ config: config(), page, latest }) : undefined);
      }
      return made.get(id);
    },
    rendersSitePages: rendersSitePages(settings.shard),
    rendersSitePage: (path) => rendersSitePage(settings.shard, path),
    renders: (id) => {
      const { shards } = reading();
      return !settings.shard || shards?.get(id) === settings.shard.index;
    },
    cachePath: (name) => cachePath(settings.cacheDir, name),
    cacheCode: (name) => cacheCodeDigest(name),
    pageCacheCode: perReading(() => createHash('sha256').update(cacheCodeDigest('pages')).update(JSON.stringify(config())).digest('base64url')),
  };
}
