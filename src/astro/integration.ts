/**
 * The wiki's Astro integration: only wiring. Given the build context (src/build/context.ts), it checks the
 * folders, reads the content once (page index, link graph, references), gives the Markdown processor its
 * plugins, serves the virtual modules pages read, follows edits in `astro dev`, and reports.
 */
import { collectGarbageOverBig } from '../build/collect-garbage.ts';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildContext } from '../build/context.ts';
import { acquireProjectLock } from '../build/project-lock.ts';
import { registerBuildContext } from '../build/registry.ts';
import { checkBuildFolders, contentFolderProblem, FolderError } from '../content-folder/folders.ts';
import { ContentError } from '../model/diagnostics.ts';
import { templateAt } from '../model/history-template.ts';
import { urlForId } from '../model/ids.ts';
import { PART_WRITTEN_LINE, SEARCH_INDEX_AFTER_BUILD } from '../model/site-files.ts';
import { CONFIG_FILE } from '../model/wiki-config.ts';
import { writePreviews } from '../postbuild/previews.ts';
import { writeTitleIndex } from '../postbuild/search-titles.ts';
import { leftOutOfSitemap } from '../postbuild/sitemap.ts';
import { finishPart } from '../postbuild/finish-part.ts';
import { writeManifest } from '../postbuild/site-parts.ts';
import { engineDigest } from '../build/code-digest.ts';
import { wikiRehypePlugins, wikiRemarkPlugins, wikiRemarkRehype, type PipelineOptions } from '../render/pipeline.ts';
import { historySummary } from '../content-folder/wiki-history.ts';
import { followContentEdits } from './dev-edits.ts';
import { historyPagesOfBuild, type HistoryPagesOfBuild } from './history-pages.ts';
import { devWatchIgnored, generatedFolders } from './dev-watch.ts';
import { allDiagnostics, report, withoutRedLinks } from './report.ts';
import { wikiVirtualModules } from './virtual-modules.ts';
import { articleLoader, renderWorkerCount } from './article-loader.ts';
import { keepPageCopiesAsLinks } from './page-copies.ts';
import { removeNow } from '../postbuild/discard.ts';
import { chartJobs } from '../render/charts/chart-prefetch.ts';
import { chartWords } from '../render/charts/chart-words.ts';

export function wiki(context: BuildContext): AstroIntegration {
  // The loader and the pages run in Vite's module runner and find the context there (src/build/registry.ts).
  registerBuildContext(context, articleLoader());
  const { settings } = context;
  let releaseLock = () => {};
  let lookForMissedEdits = () => {};
  const historyPages = historyPagesOfBuild(context);
  /** Where Astro builds the site (its `outDir`). */
  let outDir = '';
  const pipeline: PipelineOptions = {
    contentDir: settings.contentDir,
    citationStyle: settings.citationStyle,
    index: () => context.reading().index,
    citedPath: (page) => context.reading().citedPaths.get(page),
    language: settings.language,
    strings: settings.uiStrings,
    recent: () => context.recentListed(),
  };

  return {
    name: 'wiki',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, logger, command }) => {
        // Before anything is read or written: a wrong output folder would be replaced whole, articles and all.
        const folders = { ...settings, root: fileURLToPath(config.root) };
        if (command === 'build') {
          checkBuildFolders(folders);
          // Astro's copies of the pages it generates, for the next build, as links to them (src/astro/page-copies.ts).
          // A history template copied from the last build is handed on as one rendered would be (src/middleware.ts).
          const restored = (outputFile: string, page: string) => {
            const path = `/${outputFile.replace(/^\//, '').replace(/index\.html$/, '')}`;
            if (templateAt(path) !== undefined) context.pageRendered(path, readFileSync(page, 'utf8'));
          };
          if (!(await keepPageCopiesAsLinks(removeNow, restored))) logger.warn('this Astro keeps its incremental build as it does: each page is written twice');
        } else if (command === 'dev') {
          const problem = contentFolderProblem(folders);
          if (problem) throw new FolderError(problem);
        }
        if (command !== 'preview') {
          releaseLock = await acquireProjectLock({
            dotAstroDir: fileURLToPath(new URL('.astro/', config.root)),
            contentDir: settings.contentDir,
            command,
            onWait: (holder) =>
              logger.info(
                `waiting for \`astro ${holder.command}\` (pid ${holder.pid}) on ${holder.contentDir} to finish: ` +
                  "Astro shares the project's .astro/ folder between builds, so two content folders cannot be built at once in one checkout",
              ),
          });
        }
        // A build's history pages are written last: their word diffs and line counts are made meanwhile.
        const reading = await context.read({ historyLater: command === 'build' });
        // The pre-pass's results of every article are garbage now (the reading keeps what pages show).
        if (command === 'build') collectGarbageOverBig();
        // Charts are drawn on the other core while Astro starts and the articles render (render worker threads,
        // for large wikis, draw their own).
        const rendered = [...reading.index.pages.keys()].filter((id) => context.renders(id)).length;
        if (command === 'build' && renderWorkerCount(rendered, undefined, reading.index.pages.size) === 0)
          context.charts.start(chartJobs(reading.index, chartWords(settings.language, settings.uiStrings), context.renders));
        const diagnostics = allDiagnostics(reading, settings.strict);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0 && command === 'build') {
          report(
            logger,
            diagnostics.filter((d) => d.severity !== 'error'),
          );
          throw new ContentError(
            errors,
            settings.strict && reading.graph.redLinks.length > 0 ? 'The wiki has red links and is built with WIKI_STRICT=1' : undefined,
          );
        }
        report(logger, [...settings.warnings, ...withoutRedLinks(diagnostics)]);
        // Its history is finished on a thread of its own while the articles render.
        if (command === 'build') historyPages.finish(reading);
        // Built without its public address, a site links to localhost from every page's canonical link, the sitemap,
        // the feed and each "Cite this page": a reader's citation would lead nowhere.
        if (command === 'build' && !settings.siteGiven)
          logger.warn(
            `no \`site\` in ${CONFIG_FILE}: canonical links, the sitemap, the feed and "Cite this page" give addresses on ${settings.site}; before publishing, set \`site: https://…\` (or WIKI_SITE) to the address readers will use`,
          );
        logger.info(
          `${settings.configFile ? `settings from ${settings.configFile}` : 'no wiki.config.yaml in the content folder: default settings'}; ${historySummary(reading.history)}`,
        );
        updateConfig({
          markdown: {
            processor: unified({
              // Smart quotes run retext over every paragraph: a fifth of the MDX compile (bench/RESULTS.md).
              smartypants: false,
              remarkRehype: wikiRemarkRehype,
              remarkPlugins: wikiRemarkPlugins(pipeline),
              rehypePlugins: wikiRehypePlugins(pipeline),
            }),
          },
          vite: {
            plugins: [wikiVirtualModules()],
            server: {
              watch: {
                ignored: [devWatchIgnored({ root: fileURLToPath(config.root), contentDir: settings.contentDir, generated: generatedFolders(settings) })],
              },
            },
          },
          integrations: [finishAtTheEnd(context, historyPages)],
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () =>
        context.startBuild({
          atFirstPage: () => historyPages.start(outDir),
          // A template may be copied from the last build before the first page is generated.
          rendered: (path, html) => {
            historyPages.start(outDir);
            historyPages.rendered(path, html);
          },
        }),
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        if (!refreshContent) throw new Error('this version of Astro cannot refresh content collections: the wiki needs Astro 7');
        lookForMissedEdits = followContentEdits({ context, server, logger, refreshContent }).lookForMissedEdits;
      },
      // Once the first content sync is done and the server listens, the watcher has long been ready.
      'astro:server:start': () => lookForMissedEdits(),
      'astro:server:done': () => releaseLock(),
      'astro:build:done': ({ dir, pages, logger }) => {
        // The compiled modules have been read: another content folder may build now.
        releaseLock();
        context.part.steps.add('pages');
        const data = context.data();
        const outDir = fileURLToPath(dir);
        writePreviews(
          context.writes,
          outDir,
          Object.values(data.pages).filter((page) => context.renders(page.id)),
        );
        context.part.steps.add('previews');
        // The title index is site-wide, like the site's own pages: written once, by the part that writes those.
        if (context.rendersSitePages) writeTitleIndex(context.writes, outDir, data);
        // The sitemap lists the pages this build wrote (a shard answers other pages with nothing, unwritten).
        const redirects = new Set(data.redirects.map((redirect) => urlForId(redirect.alias)));
        const changed = new Map(Object.values(data.pages).map((page) => [page.url, page.changed]));
        for (const { pathname } of pages) {
          const path = `/${pathname}`;
          if (leftOutOfSitemap(path, redirects) || !existsSync(join(outDir, pathname, 'index.html'))) continue;
          const lastmod = changed.get(path);
          context.part.sitemap.push({ path, ...(lastmod ? { lastmod } : {}) });
        }
        context.part.steps.add('sitemap');
        const { stats } = data;
        logger.info(`${stats.pages} pages, ${stats.links} wiki links, ${stats.redLinks} red links`);
        for (const link of context.reading().graph.redLinks) logger.info(`  red link ${link.file}:${link.line} → [[${link.target}]]`);
      },
    },
  };
}

/** Record what this build wrote, for the steps that finish the site (src/postbuild/site-parts.ts). */
function writePartManifest(context: BuildContext, outDir: string): void {
  const reading = context.reading();
  writeManifest(outDir, {
    engine: engineDigest(),
    content: reading.digest,
    site: context.settings.site,
    shard: context.settings.shard ?? null,
    articles: [...reading.index.pages.keys()].filter((id) => context.renders(id)).length,
    steps: [...context.part.steps],
    sitemap: context.part.sitemap,
    policies: [...context.part.policies].sort(),
    search: [],
    searchPages: context.part.searchPages,
  });
}

/**
 * The build's last step: write the history pages (src/astro/history-pages.ts), wait for the files written in the
 * background (articles' HTML, link previews: src/build/background-writes.ts), and record the build's part of the
 * site (src/postbuild/site-parts.ts).
 * `npm run build` (cli/build.ts) then indexes it and finishes the site once Astro has exited, so that Pagefind's
 * processes and Astro's never hold their memory at once; a plain `astro build` does both here.
 */
function finishAtTheEnd(context: BuildContext, historyPages: HistoryPagesOfBuild): AstroIntegration {
  return {
    name: 'wiki:finish',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const history = await historyPages.write(fileURLToPath(dir));
        if (history) logger.info(`history pages: ${history.written} written, ${history.early} of them while Astro generated its pages`);
        await context.writes.done();
        context.part.steps.add('background-writes');
        const outDir = fileURLToPath(dir);
        writePartManifest(context, outDir);
        if (process.env[SEARCH_INDEX_AFTER_BUILD] === '1') {
          process.stdout.write(`${PART_WRITTEN_LINE}\n`);
          return;
        }
        const finished = await finishPart(outDir);
        logger.info(`search index: ${finished.searchPages} articles, ${Math.round(finished.indexBytes / 1024)} KB of index data in pagefind/`);
      },
    },
  };
}
