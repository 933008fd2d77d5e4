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
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PageId } from '../model/ids.ts';
import type { PageRecord } from '../model/page-index.ts';
import { resolveWikiLink } from '../model/resolve-wiki-link.ts';
import { pageDescription } from '../model/wiki-data.ts';
import { askWorker } from '../build/worker.ts';
import { backgroundWritesDone } from '../build/background-writes.ts';
import { createArticleRenderer, renderJob, type MarkdownSettings, type RenderJob, type RenderOutcome, type WikiForRendering } from '../render/article-renderer.ts';
import type { RenderRequest } from '../render/render-worker.ts';
import { liveArticles, removeUnusedHtml, storedHtmlFile, writeArticleHtml, type StoredArticleMetadata } from '../render/article-html.ts';
import { stopChartPrefetch } from '../render/charts/chart-prefetch.ts';

/** What the loader needs from the wiki integration, which reads the content before Astro syncs it: what rendering needs. */
export type ArticleSource = WikiForRendering;

/** How the integration and the loader talk. */
export interface ArticleProvider {
  /** The wiki as last read. */
  current: () => ArticleSource;
  /** In `astro dev`, after a file of the content folder changed: read the wiki again. */
  reread: () => Promise<void>;
  /** In `astro dev`, once the changed articles are in the store: reload the reader's page. */
  synced: () => void;
  /** In `astro dev`: whether the content folder differs from the wiki as last read (looked at once, at start). */
  changedSinceRead: () => boolean;
}

const PROVIDER_KEY = Symbol.for('wiki:article-provider');
type Global = typeof globalThis & { [PROVIDER_KEY]?: ArticleProvider };

/** Called by the integration: the loader runs inside Vite's module runner, so the two share only the process. */
export function provideArticles(provider: ArticleProvider): void {
  (globalThis as Global)[PROVIDER_KEY] = provider;
}

function articleProvider(): ArticleProvider {
  const provider = (globalThis as Global)[PROVIDER_KEY];
  if (!provider) throw new Error('the articles collection is loaded by the wiki integration: add `wiki(settings)` to the integrations of astro.config.mjs');
  return provider;
}

/** The files whose code shapes an article's HTML: a change to any renders every article again. */
function codeVersion(): string {
  const srcDir = dirname(dirname(fileURLToPath(import.meta.url)));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|mjs|js)$/.test(name)) hash.update(relative(srcDir, full)).update(readFileSync(full));
    }
  };
  for (const dir of ['model', 'content-folder', 'build', 'render', 'astro', 'postbuild', 'shared']) walk(join(srcDir, dir));
  for (const file of [join(srcDir, '../package-lock.json'), join(srcDir, '../astro.config.mjs')]) if (existsSync(file)) hash.update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * Everything an article's HTML depends on besides its own text: for each wiki link and See also entry, how it
 * resolves (page, title, section) and what a See also list shows of the target; the bibliography entries it cites;
 * the CSV files its charts read.
 */
function dependencies(page: PageRecord, source: ArticleSource): string {
  const parts: unknown[] = [source.contentDir, source.citationStyle];
  for (const link of page.article.links) {
    const resolution = resolveWikiLink(link.target, source.index, page.id);
    const target = resolution.kind === 'page' ? source.index.pages.get(resolution.id) : undefined;
    parts.push(link.target, resolution, target ? pageDescription(target, source.index) : '');
  }
  const cited = source.citedPaths.get(page.id);
  parts.push(cited && existsSync(cited) ? readFileSync(cited, 'utf8') : '');
  // A chart's CSV file beside the article is an input of its page.
  for (const chart of page.article.charts) if (chart.dataFile !== undefined) parts.push(chart.dataFile, source.index.dataFiles.get(chart.dataFile) ?? null);
  return JSON.stringify(parts);
}

/** The Markdown settings of the Astro config, as the article renderers take them. */
function markdownSettings(config: LoaderContext['config']): MarkdownSettings {
  const processor = config.markdown.processor;
  if (!isUnifiedProcessor(processor)) throw new Error('the wiki renders articles with the unified markdown processor: keep the one src/astro/integration.ts sets');
  // As Astro's own Markdown entry type passes them (its config types are looser than the processor's).
  return {
    image: config.image as NonNullable<MarkdownSettings['image']>,
    syntaxHighlight: config.markdown.syntaxHighlight as NonNullable<MarkdownSettings['syntaxHighlight']>,
    shikiConfig: config.markdown.shikiConfig as NonNullable<MarkdownSettings['shikiConfig']>,
    remarkRehype: processor.options.remarkRehype,
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

/** How many worker threads share the rendering of `count` articles with the main thread. */
export function renderWorkerCount(count: number, cores = availableParallelism()): number {
  return Math.max(0, Math.min(cores - 1, Math.floor(count / MIN_ARTICLES_PER_WORKER) - 1, 3));
}

function renderInWorker(request: RenderRequest): Promise<RenderOutcome[]> {
  return askWorker(new URL('../render/render-worker.ts', import.meta.url), request);
}

/**
 * Render `jobs` on every core: worker threads take the first shares while this thread renders the last.
 * Outcomes come back in the order of the jobs.
 */
export async function renderArticles(jobs: RenderJob[], markdown: MarkdownSettings, wiki: WikiForRendering, workers = renderWorkerCount(jobs.length)): Promise<RenderOutcome[]> {
  const share = Math.ceil(jobs.length / (workers + 1));
  const shares = Array.from({ length: workers }, (_, i) => jobs.slice(i * share, (i + 1) * share)).filter((part) => part.length > 0);
  // Plain data (maps and records): the worker gets a structured clone.
  const pending = shares.map((part) => renderInWorker({ markdown, wiki, jobs: part }));
  const renderer = await createArticleRenderer(markdown, () => wiki);
  const own: RenderOutcome[] = [];
  for (const job of jobs.slice(shares.length * share)) own.push(await renderJob(renderer, job));
  return [...(await Promise.all(pending)).flat(), ...own];
}

/** The frontmatter block, kept as blank lines so that positions in the body are lines of the file. */
function bodyOf(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\n]/g, '') + text.slice(match[0].length) : text;
}

interface StoreWithAssets {
  addAssetImports?: (assets: string[], filePath?: string) => void;
}

/** `astro dev`: how long the content folder must be quiet after a change before the wiki is read again. */
const SETTLE_MS = 100;

export function articleLoader(): Loader {
  let version: string | undefined;
  /** astro dev: whether the content folder has been compared with the wiki's first reading. */
  let lookedAtStart = false;

  /**
   * Bring the store in line with the wiki as last read: render what changed, keep the rest, drop what is gone.
   * `whileServing`: astro dev after an edit, where pages read the store as Astro last wrote it to disk, a moment
   * behind this one: the HTML files of the entries it replaces stay until the server starts again.
   */
  async function sync(context: LoaderContext, whileServing = false): Promise<void> {
    const { store, config, generateDigest, logger } = context;
    const source = articleProvider().current();
    version ??= codeVersion();
    const root = fileURLToPath(config.root);
    const stale = new Set(store.keys());
    const toRender: Array<{ id: PageId; relativePath: string; digest: string; data: Record<string, unknown>; job: RenderJob }> = [];
    let kept = 0;
    let modules = 0;
    /** The HTML files of the articles as they now are; the others are removed at the end. */
    const usedHtml = new Set<string>();

    for (const page of source.index.pages.values()) {
      const id = page.id;
      stale.delete(id);
      const filePath = join(source.contentDir, page.file);
      const relativePath = relative(root, filePath).split(sep).join('/');
      const text = readFileSync(filePath, 'utf8');
      const digest = generateDigest(`${version}\0${page.article.markdownOnly}\0${text}\0${dependencies(page, source)}`);
      const existing = store.get(id);
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
      toRender.push({ id, relativePath, digest, data, job: { file: filePath, body: bodyOf(text), frontmatter: data } });
    }

    const outcomes = await renderArticles(
      toRender.map((item) => item.job),
      markdownSettings(config),
      source,
    );
    // Charts drawn ahead for articles that did not need rendering are not waited for (src/render/charts/chart-prefetch.ts).
    stopChartPrefetch();
    const cacheDir = fileURLToPath(config.cacheDir);
    toRender.forEach(({ id, relativePath, digest, data, job }, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) throw new Error(`${relative(source.contentDir, job.file)}: the article could not be rendered: ${outcome.message}`);
      const imagePaths = outcome.metadata.localImagePaths.concat(outcome.metadata.remoteImagePaths);
      if (imagePaths.length > 0) {
        // Astro resolves the pictures of such HTML when it renders the entry: it stays in the store.
        store.set({ id, data, filePath: relativePath, digest, rendered: { html: outcome.code, metadata: { ...outcome.metadata, imagePaths } }, assetImports: imagePaths });
        return;
      }
      const htmlFile = writeArticleHtml(cacheDir, digest, outcome.code);
      usedHtml.add(htmlFile);
      const metadata: StoredArticleMetadata = { headings: outcome.metadata.headings, frontmatter: outcome.metadata.frontmatter, imagePaths, htmlFile };
      // set() keeps an entry whose digest it already holds: drop it first, since its file was missing.
      store.delete(id);
      store.set({ id, data, filePath: relativePath, digest, rendered: { html: '', metadata: { ...metadata } } });
    });
    for (const id of stale) store.delete(id);
    if (!whileServing) removeUnusedHtml(cacheDir, usedHtml);
    // astro dev has no last step to wait for the HTML files (src/build/background-writes.ts): they are written here.
    if (context.watcher) await backgroundWritesDone();
    logger.info(`${toRender.length} articles rendered, ${kept} unchanged since the last build, ${modules} compiled as MDX modules`);
  }

  /** astro dev: hand the pages the articles as just stored (article-html.ts: liveArticles), ahead of Astro's write to disk. */
  function shareLive({ store }: LoaderContext): void {
    const live = liveArticles();
    live.clear();
    for (const entry of store.values()) if (storedHtmlFile(entry)) live.set(entry.id, entry);
  }

  /** astro dev: read the wiki again and bring the store in line once the content folder has been quiet for SETTLE_MS. */
  let queue = Promise.resolve();
  let settling: ReturnType<typeof setTimeout> | undefined;
  let watchedContext: LoaderContext | undefined;
  function rereadSoon(): void {
    // Read once the files have settled: a save can come as a truncation then a write (read between the two,
    // the article would be empty until its next save), and a checkout as many changes at once.
    clearTimeout(settling);
    settling = setTimeout(() => {
      const context = watchedContext!;
      const provider = articleProvider();
      queue = queue
        .then(async () => {
          await provider.reread();
          await sync(context, true);
          shareLive(context);
          provider.synced();
        })
        .catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
    }, SETTLE_MS);
  }
  function onContentEvent(event: string, path: string): void {
    const contentDir = articleProvider().current().contentDir;
    if (path.startsWith(contentDir + sep) && ['add', 'change', 'unlink'].includes(event)) rereadSoon();
  }

  return {
    name: 'wiki-articles',
    load: async (context) => {
      const { watcher } = context;
      if (watcher) {
        // astro dev: a change anywhere in the content folder may change any article (a title, a new page).
        // Listen before the first sync, and again after each: Astro drops a loader's listeners when it syncs
        // every collection again (when the content config changed).
        watchedContext = context;
        watcher.off('all', onContentEvent);
        watcher.on('all', onContentEvent);
        watcher.add(articleProvider().current().contentDir);
      }
      const run = queue.then(() => sync(context));
      queue = run.catch(() => {});
      await run;
      if (watcher) shareLive(context);
      // A file saved between the wiki's first reading and the listener above was not heard: look.
      if (watcher && !lookedAtStart) {
        lookedAtStart = true;
        if (articleProvider().changedSinceRead()) rereadSoon();
      }
    },
  };
}
