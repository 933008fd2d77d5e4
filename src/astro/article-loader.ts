/**
 * The content loader of the `articles` collection.
 *
 * Astro's `glob` loader hands every `.mdx` file to the MDX integration, which
 * compiles it to a JavaScript module that the build then bundles: per article a
 * second Markdown parse, a JSX program and a bundler pass, on every build.
 * Most articles use no MDX of their own (no `import`, JSX or `{expression}`;
 * the pre-pass knows, `ParsedArticle.markdownOnly`). This loader renders those
 * straight to HTML with the same unified processor and plugins (MDX syntax
 * included, so they parse exactly as MDX would), and stores the HTML in the
 * content layer, which keeps it between builds: an article is rendered again
 * only when its text, or something it shows from other articles (their titles,
 * descriptions and sections, the entries it cites), or the wiki's code changed.
 * Articles that do use MDX go the usual way (`deferredRender`).
 */
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PageId } from '../model/ids.ts';
import type { PageRecord } from '../model/page-index.ts';
import { resolveWikiLink } from '../model/resolve-wiki-link.ts';
import { withoutByteOrderMark } from '../model/satteri-reader.ts';
import { pageDescription } from '../model/wiki-data.ts';
import { sharePieces, startWorker } from '../build/worker.ts';
import type { BuildContext, WikiReading } from '../build/context.ts';
import { buildContext } from '../build/registry.ts';
import {
  createArticleRenderer,
  renderJob,
  type MarkdownSettings,
  type RenderJob,
  type RenderOutcome,
  type WikiForRendering,
} from '../render/article-renderer.ts';
import type { RenderPiece, RenderSetup } from '../render/render-worker.ts';
import { shownOfOthers } from '../model/shards.ts';
import { isStyleFile } from '../model/wiki-config.ts';
import type { PipelineOptions } from '../render/pipeline.ts';
import { removeUnusedHtml, storedHtmlFile, writeArticleHtml, type StoredArticleMetadata, type StoredEntry } from '../render/article-html.ts';

/**
 * Everything an article's HTML depends on besides its own text: for each wiki link and See also entry, how it
 * resolves (page, title, section) and what a See also list shows of the target; the bibliography entries it cites;
 * the CSV files its charts read.
 */
function dependencies(page: PageRecord, wiki: WikiForRendering): string {
  const parts: unknown[] = [wiki.contentDir, wiki.citationStyleKey, wiki.language, wiki.strings['article.redLinkTitle']];
  // An article that embeds the wiki's lists shows every article's title and the latest changes.
  if (page.article.lists.length > 0)
    parts.push(
      page.article.lists,
      wiki.strings,
      wiki.recent,
      [...wiki.index.pages.values()].map((p) => [p.id, p.title, p.article.frontmatter.tags, pageDescription(p, wiki.index), p.article.image]),
    );
  for (const link of page.article.links) {
    const resolution = resolveWikiLink(link.target, wiki.index, page.id);
    const target = resolution.kind === 'page' ? wiki.index.pages.get(resolution.id) : undefined;
    parts.push(link.target, resolution, target ? pageDescription(target, wiki.index) : '');
  }
  const cited = wiki.citedPaths.get(page.id);
  parts.push(cited && existsSync(cited) ? readFileSync(cited, 'utf8') : '');
  // A chart's CSV file beside the article is an input of its page.
  for (const chart of page.article.charts) if (chart.dataFile !== undefined) parts.push(chart.dataFile, wiki.index.dataFiles.get(chart.dataFile) ?? null);
  return JSON.stringify(parts);
}

/** `options` without the values that are functions. */
function withoutFunctions<T extends object | undefined>(options: T): T {
  return options && (Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value !== 'function')) as T);
}

/** The Markdown settings of the Astro config, as the article renderers take them. */
function markdownSettings(config: LoaderContext['config']): MarkdownSettings {
  const processor = config.markdown.processor;
  if (!isUnifiedProcessor(processor))
    throw new Error('the wiki renders articles with the unified markdown processor: keep the one src/astro/integration.ts sets');
  // As Astro's own Markdown entry type passes them (its config types are looser than the processor's).
  return {
    image: config.image as NonNullable<MarkdownSettings['image']>,
    syntaxHighlight: config.markdown.syntaxHighlight as NonNullable<MarkdownSettings['syntaxHighlight']>,
    shikiConfig: config.markdown.shikiConfig as NonNullable<MarkdownSettings['shikiConfig']>,
    // Without the wiki's handler (a function, which cannot be sent to a worker): the renderers add it (src/render/pipeline.ts).
    remarkRehype: withoutFunctions(processor.options.remarkRehype),
    gfm: processor.options.gfm ?? true,
    smartypants: processor.options.smartypants ?? false,
  };
}

/**
 * Below this many articles per thread, a worker costs more than it saves: it loads the renderer and is sent
 * the page index (1.5–2 s), while an article renders in about 2.5 ms. Measured: 1,000 articles render in
 * 2.7 s on one thread and 3.0–3.2 s with a worker; 5,000 in 12.5 s and 11.6 s.
 */
const MIN_ARTICLES_PER_WORKER = 2000;

/**
 * How many worker threads share the rendering of `count` articles of a wiki of `pages` with the main thread. None
 * when the articles are less than half the wiki (a shard of three or more, a rebuild): each worker is sent the
 * whole page index, whose copy grows with the wiki while the work it takes grows with the articles. A shard of 8 at
 * 50,000 articles (6,200 to render) built faster without its worker, and peaked 350 MB lower (bench/RESULTS.md).
 */
export function renderWorkerCount(count: number, cores = availableParallelism(), pages = count): number {
  if (count * 2 < pages) return 0;
  return Math.max(0, Math.min(cores - 1, Math.floor(count / MIN_ARTICLES_PER_WORKER) - 1, 3));
}

/** Articles sent to a worker at a time, and rendered by this thread between looks at the workers' answers. */
const PIECE = 50;

export interface RenderOptions {
  /** Worker threads besides this one (renderWorkerCount). */
  workers?: number;
  /** Charts drawn ahead (src/render/charts/chart-prefetch.ts), for this thread's renderer. */
  prefetchedChart?: PipelineOptions['prefetchedChart'];
  /** Articles a piece: PIECE. */
  pieceSize?: number;
  /** Whether this thread renders pieces too: always in a build; tests turn it off to prove that workers render alike. */
  thisThread?: boolean;
}

/**
 * Render `jobs` on every core: pieces of them go in order to whichever thread is free, worker threads and this
 * one. A job is made (its text read) when its piece is handed out, so that the texts are not all held at once.
 * `take` gets each outcome in the order of the jobs, as soon as it and those before it are rendered, so that
 * the HTML of every article is not held at once. A worker is sent the wiki as other pages show each article
 * (src/model/shards.ts `shownOfOthers`: no links or citations, which rendering does not read and which are most of
 * the page index), then pieces of jobs.
 */
export async function renderArticles(
  jobs: { count: number; at: (index: number) => RenderJob },
  markdown: MarkdownSettings,
  wiki: WikiForRendering,
  take: (at: number, outcome: RenderOutcome) => void,
  options: RenderOptions = {},
): Promise<void> {
  const { workers = renderWorkerCount(jobs.count), prefetchedChart, pieceSize = PIECE, thisThread = true } = options;
  const ready = new Map<number, RenderOutcome>();
  let cursor = 0;
  /** What `take` threw first: nothing more is rendered, and it is thrown once the threads have stopped. */
  let failure: { error: unknown } | undefined;
  const deliver = (at: number, outcome: RenderOutcome) => {
    if (failure) return;
    ready.set(at, outcome);
    try {
      for (let next = ready.get(cursor); next !== undefined; next = ready.get(cursor)) {
        ready.delete(cursor);
        take(cursor++, next);
      }
    } catch (error) {
      failure = { error };
    }
  };
  const sessions = Array.from({ length: workers }, () =>
    startWorker<RenderSetup | RenderPiece, true | RenderOutcome[]>(new URL('../render/render-worker.ts', import.meta.url)),
  );
  try {
    const shown = sessions.length > 0 && {
      ...wiki,
      index: { ...wiki.index, pages: new Map([...wiki.index.pages].map(([id, page]) => [id, shownOfOthers(page)])) },
    };
    const setUps = new Map(sessions.map((session) => [session, shown && session.ask({ markdown, wiki: shown })]));
    // A worker that fails to set up fails its pieces (sharePieces throws it), not as an unhandled rejection before.
    for (const setUp of setUps.values()) if (setUp) setUp.catch(() => undefined);
    const piece = (start: number, end: number) => Array.from({ length: end - start }, (_, i) => jobs.at(start + i));
    const renderer = await createArticleRenderer(markdown, () => wiki, 'satteri', prefetchedChart);
    await sharePieces(
      jobs.count,
      pieceSize,
      sessions,
      async (session, start, end) => {
        const outcomes = (await session.ask({ jobs: piece(start, end) })) as RenderOutcome[];
        outcomes.forEach((outcome, i) => deliver(start + i, outcome));
      },
      thisThread
        ? async (start, end) => {
            for (const [i, job] of piece(start, end).entries()) deliver(start + i, await renderJob(renderer, job));
          }
        : undefined,
      { ready: async (session) => setUps.get(session), stop: () => failure !== undefined },
    );
  } finally {
    for (const session of sessions) session.end();
  }
  if (failure) throw failure.error;
}

/** The frontmatter block, kept as blank lines so that positions in the body are lines of the file. */
function bodyOf(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\n]/g, '') + text.slice(match[0].length) : text;
}

interface StoreWithAssets {
  addAssetImports?: (assets: string[], filePath?: string) => void;
}

/** A bundled style's name, or a `.csl` file's path with a digest of its text: an edited style renders the articles again. */
function citationStyleKey(style: string): string {
  if (!isStyleFile(style)) return style;
  return `${style}\0${createHash('sha256').update(readFileSync(style)).digest('base64url')}`;
}

/** What rendering needs of the wiki, from the build context. */
export function wikiForRendering(context: BuildContext, reading: WikiReading = context.reading()): WikiForRendering {
  const { settings } = context;
  return {
    contentDir: settings.contentDir,
    citationStyle: settings.citationStyle,
    citationStyleKey: citationStyleKey(settings.citationStyle),
    index: reading.index,
    citedPaths: reading.citedPaths,
    language: settings.language,
    strings: settings.uiStrings,
    recent: context.recentListed(reading),
  };
}

/**
 * Passed by the wiki integration as `refreshContent`'s context in `astro dev` after an edit: pages then read the
 * store as Astro last wrote it to disk, a moment behind the loader, so the HTML files of the entries it replaces
 * stay until the server starts again, and the entries just stored are handed to pages (`liveArticles`).
 */
export const WHILE_SERVING = 'wikiWhileServing';

/**
 * Bring the store in line with the wiki as last read: render what changed, keep the rest, drop what is gone.
 */
async function syncArticles(context: LoaderContext, build: BuildContext, whileServing: boolean): Promise<void> {
  const { store, config, generateDigest, logger } = context;
  const wiki = wikiForRendering(build);
  const markdown = markdownSettings(config);
  // The code that renders articles, and how it is set up, are part of every article's digest.
  const version = `${build.cacheCode('articleHtml')}\0${JSON.stringify(markdown)}`;
  const root = fileURLToPath(config.root);
  const htmlFolder = build.cachePath('articleHtml');
  const stale = new Set(store.keys());
  /** The articles to render; each one's text is read again when it is rendered, not held meanwhile. */
  const toRender: Array<{ id: PageId; relativePath: string; digest: string; data: Record<string, unknown>; filePath: string }> = [];
  let kept = 0;
  let modules = 0;
  /** The HTML files of the articles as they now are; the others are removed at the end. */
  const usedHtml = new Set<string>();

  for (const page of wiki.index.pages.values()) {
    const id = page.id;
    // A sharded build renders its share of the articles: the others stay out of the collection.
    if (!build.renders(id)) continue;
    stale.delete(id);
    const filePath = join(wiki.contentDir, page.file);
    const relativePath = relative(root, filePath).split(sep).join('/');
    const text = withoutByteOrderMark(readFileSync(filePath, 'utf8'));
    const digest = generateDigest(`${version}\0${page.article.markdownOnly}\0${text}\0${dependencies(page, wiki)}`);
    let existing = store.get(id);
    // An entry stored under another Astro root (`astro check` runs at the checkout, `npm run build` in a root of
    // its own) names its file, and so its MDX module and the pictures Astro resolves from it, from there.
    if (existing && existing.filePath !== relativePath) {
      existing = { ...existing, filePath: relativePath };
      store.delete(id);
      store.set(existing);
    }
    const htmlFile = existing ? storedHtmlFile(existing) : undefined;
    if (existing && existing.digest === digest && (!htmlFile || existsSync(htmlFile))) {
      if (htmlFile) usedHtml.add(htmlFile);
      if (existing.deferredRender && existing.filePath) store.addModuleImport(existing.filePath);
      if (existing.assetImports?.length) (store as StoreWithAssets).addAssetImports?.(existing.assetImports, existing.filePath);
      if (existing.deferredRender) modules++;
      else kept++;
      continue;
    }
    const data = page.article.frontmatter as unknown as Record<string, unknown>;
    if (!page.article.markdownOnly) {
      store.set({ id, data, filePath: relativePath, digest, deferredRender: true });
      modules++;
      continue;
    }
    toRender.push({ id, relativePath, digest, data, filePath });
  }

  const jobs = {
    count: toRender.length,
    at: (index: number): RenderJob => {
      const { filePath, data } = toRender[index]!;
      return { file: filePath, body: bodyOf(withoutByteOrderMark(readFileSync(filePath, 'utf8'))), frontmatter: data };
    },
  };
  await renderArticles(
    jobs,
    markdown,
    wiki,
    (at, outcome) => {
      const { id, relativePath, digest, data, filePath } = toRender[at]!;
      if (!outcome.ok) throw new Error(`${relative(wiki.contentDir, filePath)}: the article could not be rendered: ${outcome.message}`);
      const imagePaths = outcome.metadata.localImagePaths.concat(outcome.metadata.remoteImagePaths);
      if (imagePaths.length > 0) {
        // Astro resolves the pictures of such HTML when it renders the entry: it stays in the store.
        store.set({
          id,
          data,
          filePath: relativePath,
          digest,
          rendered: { html: outcome.code, metadata: { ...outcome.metadata, imagePaths } },
          assetImports: imagePaths,
        });
        return;
      }
      const file = writeArticleHtml(build.writes, htmlFolder, digest, outcome.code, outcome.metadata.frontmatter);
      usedHtml.add(file);
      const metadata: StoredArticleMetadata = { headings: outcome.metadata.headings, imagePaths, htmlFile: file };
      // set() keeps an entry whose digest it already holds: drop it first, since its file was missing.
      store.delete(id);
      store.set({ id, data, filePath: relativePath, digest, rendered: { html: '', metadata: { ...metadata } } });
    },
    { workers: renderWorkerCount(toRender.length, undefined, wiki.index.pages.size), prefetchedChart: build.charts.drawing },
  );
  // Charts drawn ahead for articles that did not need rendering are not waited for (src/render/charts/chart-prefetch.ts).
  build.charts.stop();
  for (const id of stale) store.delete(id);
  if (!whileServing) removeUnusedHtml(build.writes, htmlFolder, usedHtml);
  // astro dev has no last step to wait for the HTML files (src/build/background-writes.ts): they are written here.
  if (context.watcher) await build.writes.done();
  logger.info(`${toRender.length} articles rendered, ${kept} unchanged since the last build, ${modules} compiled as MDX modules`);
}

/** astro dev: hand the pages the articles as just stored, ahead of Astro's write of its store to disk. */
function shareLive(store: LoaderContext['store'], live: Map<string, StoredEntry>): void {
  live.clear();
  for (const entry of store.values()) if (storedHtmlFile(entry)) live.set(entry.id, entry);
}

/**
 * The loader of the `articles` collection. It reads the wiki from the build context; in `astro dev` the wiki
 * integration reads the content folder again after an edit and asks Astro to run this loader again
 * (`refreshContent`), so control goes one way: integration → loader.
 */
export function articleLoader(): Loader {
  return {
    name: 'wiki-articles',
    load: async (context) => {
      const build = buildContext();
      const reading = build.reading();
      await syncArticles(context, build, context.refreshContextData?.[WHILE_SERVING] === true);
      if (context.watcher) shareLive(context.store, build.liveArticles);
      build.syncedReading = reading;
    },
  };
}
