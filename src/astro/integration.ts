/**
 * The wiki's Astro integration: only wiring. It reads the content once
 * (page index and link graph), gives the markdown processor its plugins,
 * hands the wiki's data to pages as `virtual:wiki/data`, and reports.
 */
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { isRunnableDevEnvironment, type Plugin as VitePlugin } from 'vite';
import { ContentError, formatDiagnostic, type Diagnostic } from '../model/diagnostics.ts';
import { buildLinkGraph, redLinkDiagnostics, type LinkGraph } from '../model/link-graph.ts';
import { buildPageIndex, readSources, type PageIndex } from '../model/page-index.ts';
import { cachedParser } from '../content-folder/prepass-cache.ts';
import { acquireProjectLock } from '../build/project-lock.ts';
import type { WikiSettings } from '../content-folder/settings.ts';
import type { PageId } from '../model/ids.ts';
import { join, sep } from 'node:path';
import { lastCommitDates } from '../content-folder/git-dates.ts';
import { toWikiData, type WikiData } from '../model/wiki-data.ts';
import { writePreviews } from '../postbuild/previews.ts';
import { backgroundWritesDone } from '../build/background-writes.ts';
import { liveModuleCode, provideLive } from './live-module.ts';
import { devWatchIgnored, generatedFolders } from './dev-watch.ts';
import { wikiSitemap } from './sitemap.ts';
import { writeCitedEntries } from '../content-folder/references-bibliography.ts';
import { buildReferenceIndex, type ReferenceIndex } from '../model/references-index.ts';
import { buildSearchIndex, SEARCH_INDEX_AFTER_BUILD } from '../postbuild/search-index.ts';
import { wikiRehypePlugins, wikiRemarkPlugins, type PipelineOptions } from '../render/pipeline.ts';
import { provideArticles, renderWorkerCount } from './article-loader.ts';
import { chartJobs, prefetchCharts } from '../render/charts/chart-prefetch.ts';

const VIRTUAL_ID = 'virtual:wiki/data';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const REFERENCES_ID = 'virtual:wiki/references';
const RESOLVED_REFERENCES_ID = `\0${REFERENCES_ID}`;
/** Where the integration hands the wiki's data (src/model/wiki-data.ts) and its sources to the pages, in the process that renders them. */
const WIKI_DATA_KEY = 'wiki:data';
const WIKI_REFERENCES_KEY = 'wiki:references';
// The same code in every build: Astro's incremental build, which hashes each page's code, does not see the
// data change, so the pages it may copy from the last build cover what they read of the data in their
// cacheKey (src/astro/page-cache-keys.ts); pages without one are rendered every time.
const moduleCode = new Map([
  [RESOLVED_ID, liveModuleCode(WIKI_DATA_KEY, VIRTUAL_ID)],
  [RESOLVED_REFERENCES_ID, liveModuleCode(WIKI_REFERENCES_KEY, REFERENCES_ID)],
]);

interface WikiState {
  index: PageIndex;
  graph: LinkGraph;
  /** Every citation checked, and the sources for /special/sources/. */
  references: ReferenceIndex;
  /** Article → the CSL-JSON file of the entries it cites, which rehype-citation reads. */
  citedPaths: Map<PageId, string>;
  /** File → date of its last commit, read with one `git log` per build. */
  commitDates: Map<string, string>;
}

/** What the content folder held, file names and text, as one hash. */
function sourcesDigest(sources: Map<string, string>): string {
  const hash = createHash('sha1');
  for (const [file, text] of sources) hash.update(file).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

async function readWiki(settings: WikiSettings, onSources?: (sources: Map<string, string>) => void): Promise<WikiState> {
  // Articles whose text has not changed since the last build are not parsed again; the others are parsed on every core.
  const parser = cachedParser(join(settings.cacheDir, 'wiki-prepass.bin'));
  let index: PageIndex;
  try {
    const sources = readSources(settings.contentDir);
    onSources?.(sources);
    await parser.prefetch(sources);
    index = buildPageIndex(sources, parser.parse);
  } finally {
    parser.save();
  }
  const references = buildReferenceIndex(index);
  const citedPaths = writeCitedEntries(references.citedEntries, join(settings.cacheDir, 'wiki-citations'));
  return { index, graph: buildLinkGraph(index), references, citedPaths, commitDates: lastCommitDates(settings.contentDir) };
}

function report(logger: AstroIntegrationLogger, diagnostics: Diagnostic[]) {
  for (const d of diagnostics) {
    if (d.severity === 'error') logger.error(formatDiagnostic(d));
    else logger.warn(formatDiagnostic(d));
  }
}

function allDiagnostics(state: WikiState, strict: boolean): Diagnostic[] {
  return [...state.index.warnings, ...state.graph.diagnostics, ...redLinkDiagnostics(state.graph, strict), ...state.references.diagnostics];
}

export function wiki(settings: WikiSettings): AstroIntegration {
  let state: WikiState | undefined;
  const current = (): WikiState => {
    if (!state) throw new Error('the wiki was used before its content was read');
    return state;
  };
  // The pages' data, made once for each reading of the wiki (the pages, the sitemap and the summary read it).
  let data: { of: WikiState; value: WikiData } | undefined;
  const wikiData = (): WikiData => {
    const now = current();
    if (data?.of !== now) data = { of: now, value: toWikiData(now.index, now.graph, now.commitDates) };
    return data.value;
  };
  // Pages read it from this process, not from a module that holds it as source: at 5,000 articles that source
  // is ~17 MB of JavaScript for the bundler to parse and copy on every build.
  provideLive(WIKI_DATA_KEY, wikiData);
  provideLive(WIKI_REFERENCES_KEY, () => ({ sources: current().references.sources }));

  const dataPlugin: VitePlugin = {
    name: 'wiki:data',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : id === REFERENCES_ID ? RESOLVED_REFERENCES_ID : undefined),
    load: (id) => moduleCode.get(id),
  };

  let releaseLock = () => {};
  const pipeline: PipelineOptions = {
    contentDir: settings.contentDir,
    citationStyle: settings.citationStyle,
    index: () => current().index,
    citedPath: (page) => current().citedPaths.get(page),
  };
  /** Set in `astro dev`: what to do when the content changed. */
  let onReread: (() => void) | undefined;
  let onSynced: (() => void) | undefined;
  /** `astro dev`: the content as first read, which the article loader compares with the folder once it listens to it. */
  let firstDigest: string | undefined;
  provideArticles({
    current: () => ({ index: current().index, contentDir: settings.contentDir, citationStyle: settings.citationStyle, citedPaths: current().citedPaths }),
    reread: async () => {
      state = await readWiki(settings);
      onReread?.();
    },
    synced: () => onSynced?.(),
    changedSinceRead: () => firstDigest !== undefined && sourcesDigest(readSources(settings.contentDir)) !== firstDigest,
  });

  return {
    name: 'wiki',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, logger, command }) => {
        if (command !== 'preview') {
          releaseLock = await acquireProjectLock({
            dotAstroDir: fileURLToPath(new URL('.astro/', config.root)),
            contentDir: settings.contentDir,
            command,
            onWait: (holder) =>
              logger.info(
                `waiting for \`astro ${holder.command}\` (pid ${holder.pid}) on ${holder.contentDir} to finish: ` +
                  'Astro shares the project\'s .astro/ folder between builds, so two content folders cannot be built at once in one checkout',
              ),
          });
        }
        state = await readWiki(settings, command === 'dev' ? (sources) => (firstDigest = sourcesDigest(sources)) : undefined);
        // Charts are drawn on the other core while Astro starts and the articles render (render worker threads,
        // for large wikis, draw their own).
        if (command === 'build' && renderWorkerCount(state.index.pages.size) === 0) prefetchCharts(chartJobs(state.index));
        const diagnostics = allDiagnostics(state, settings.strict);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0 && command === 'build') {
          report(logger, diagnostics.filter((d) => d.severity !== 'error'));
          throw new ContentError(errors, settings.strict && state.graph.redLinks.length > 0 ? 'The wiki has red links and is built with WIKI_STRICT=1' : undefined);
        }
        // Red links are listed once, in the summary at the end of the build.
        report(logger, diagnostics.filter((d) => d.severity === 'error' || !d.message.startsWith('red link')));
        updateConfig({
          markdown: {
            processor: unified({
              // Smart quotes run retext over every paragraph: a fifth of the MDX compile (bench/RESULTS.md).
              smartypants: false,
              remarkPlugins: wikiRemarkPlugins(pipeline),
              rehypePlugins: wikiRehypePlugins(pipeline),
            }),
          },
          vite: {
            plugins: [dataPlugin],
            server: { watch: { ignored: [devWatchIgnored({ root: fileURLToPath(config.root), contentDir: settings.contentDir, generated: generatedFolders(settings) })] } },
          },
          integrations: [wikiSitemap(wikiData), searchIndexAtTheEnd()],
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        // While a writer edits, the article loader (src/astro/article-loader.ts) has the content read
        // again and renders the articles that changed; pages and data modules are then made afresh.
        onReread = () => {
          const now = current();
          report(logger, allDiagnostics(now, false).filter((d) => d.severity === 'error' || !d.message.startsWith('red link')));
          logger.info(`${now.index.pages.size} pages, ${now.graph.redLinks.length} red links`);
          // The wiki's data modules are live views (src/astro/live-module.ts); the articles compiled as MDX modules
          // show other articles' titles, so they are compiled again. Vite's module runner keeps what it has
          // evaluated until told, whatever the server's module graph says: both are told, as Astro does for its
          // data store.
          const inContent = (id: string | null | undefined) => id?.startsWith(settings.contentDir + sep) === true;
          for (const environment of Object.values(server.environments)) {
            const graph = environment.moduleGraph;
            for (const [id, module] of graph.idToModuleMap) if (inContent(id)) graph.invalidateModule(module);
            if (!isRunnableDevEnvironment(environment)) continue;
            const evaluated = environment.runner.evaluatedModules;
            for (const node of evaluated.idToModuleMap.values()) if (inContent(node.id)) evaluated.invalidateModule(node);
          }
        };
        onSynced = () => server.ws.send({ type: 'full-reload' });
        server.watcher.add(settings.contentDir);
      },
      'astro:server:done': () => releaseLock(),
      'astro:build:done': ({ dir, logger }) => {
        // The compiled modules have been read: another content folder may build now.
        releaseLock();
        const { stats, pages } = wikiData();
        writePreviews(fileURLToPath(dir), Object.values(pages));
        const red = current().graph.redLinks;
        logger.info(`${stats.pages} pages, ${stats.links} wiki links, ${stats.redLinks} red links`);
        for (const link of red) logger.info(`  red link ${link.file}:${link.line} → [[${link.target}]]`);
      },
    },
  };
}

/**
 * The build's last step: wait for the files written in the background (articles' HTML, link previews:
 * src/build/background-writes.ts), then build the search index (after the security check, which reads the pages
 * that the index's CJK spacing rewrites for a moment: src/postbuild/search-index.ts). `npm run build`
 * (cli/build.ts) indexes once Astro has exited instead, so that Pagefind's process and Astro's never hold
 * their memory at the same time.
 */
function searchIndexAtTheEnd(): AstroIntegration {
  return {
    name: 'wiki:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await backgroundWritesDone();
        if (process.env[SEARCH_INDEX_AFTER_BUILD] === '1') return;
        const search = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${search.pages} articles, ${Math.round(search.indexBytes / 1024)} KB of index data in pagefind/`);
      },
    },
  };
}
