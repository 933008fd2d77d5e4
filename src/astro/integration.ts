/**
 * The wiki's Astro integration: only wiring. Given the build context (src/build/context.ts), it checks the
 * folders, reads the content once (page index, link graph, references), gives the Markdown processor its
 * plugins, serves the virtual modules pages read, follows edits in `astro dev`, and reports.
 */
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordBuildStep } from '../build/build-receipt.ts';
import type { BuildContext } from '../build/context.ts';
import { acquireProjectLock } from '../build/project-lock.ts';
import { registerBuildContext } from '../build/registry.ts';
import { checkBuildFolders, contentFolderProblem, FolderError, SITE_MARKER, SITE_MARKER_TEXT } from '../content-folder/folders.ts';
import { ContentError } from '../model/diagnostics.ts';
import { writePreviews } from '../postbuild/previews.ts';
import { buildSearchIndex, SEARCH_INDEX_AFTER_BUILD } from '../postbuild/search-index.ts';
import { wikiRehypePlugins, wikiRemarkPlugins, type PipelineOptions } from '../render/pipeline.ts';
import { historySummary } from '../content-folder/wiki-history.ts';
import { followContentEdits } from './dev-edits.ts';
import { devWatchIgnored, generatedFolders } from './dev-watch.ts';
import { allDiagnostics, report, withoutRedLinks } from './report.ts';
import { wikiSitemap } from './sitemap.ts';
import { wikiVirtualModules } from './virtual-modules.ts';

export function wiki(context: BuildContext): AstroIntegration {
  // The loader and the pages run in Vite's module runner and find the context there (src/build/registry.ts).
  registerBuildContext(context);
  const { settings } = context;
  let releaseLock = () => {};
  let lookForMissedEdits = () => {};
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
        if (command === 'build') checkBuildFolders(folders);
        else if (command === 'dev') {
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
        const reading = await context.read();
        const diagnostics = allDiagnostics(reading, settings.strict);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0 && command === 'build') {
          report(logger, diagnostics.filter((d) => d.severity !== 'error'));
          throw new ContentError(errors, settings.strict && reading.graph.redLinks.length > 0 ? 'The wiki has red links and is built with WIKI_STRICT=1' : undefined);
        }
        report(logger, [...settings.warnings, ...withoutRedLinks(diagnostics)]);
        logger.info(`${settings.configFile ? `settings from ${settings.configFile}` : 'no wiki.config.yaml in the content folder: default settings'}; ${historySummary(reading.history)}`);
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
            plugins: [wikiVirtualModules()],
            server: { watch: { ignored: [devWatchIgnored({ root: fileURLToPath(config.root), contentDir: settings.contentDir, generated: generatedFolders(settings) })] } },
          },
          integrations: [wikiSitemap(() => context.data()), searchIndexAtTheEnd(context)],
        });
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        if (!refreshContent) throw new Error('this version of Astro cannot refresh content collections: the wiki needs Astro 7');
        lookForMissedEdits = followContentEdits({ context, server, logger, refreshContent }).lookForMissedEdits;
      },
      // Once the first content sync is done and the server listens, the watcher has long been ready.
      'astro:server:start': () => lookForMissedEdits(),
      'astro:server:done': () => releaseLock(),
      'astro:build:done': ({ dir, logger }) => {
        // The compiled modules have been read: another content folder may build now.
        releaseLock();
        recordBuildStep('pages');
        const { stats, pages } = context.data();
        const outDir = fileURLToPath(dir);
        writePreviews(context.writes, outDir, Object.values(pages));
        writeFileSync(join(outDir, SITE_MARKER), SITE_MARKER_TEXT);
        recordBuildStep('previews');
        logger.info(`${stats.pages} pages, ${stats.links} wiki links, ${stats.redLinks} red links`);
        for (const link of context.reading().graph.redLinks) logger.info(`  red link ${link.file}:${link.line} → [[${link.target}]]`);
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
function searchIndexAtTheEnd(context: BuildContext): AstroIntegration {
  return {
    name: 'wiki:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await context.writes.done();
        recordBuildStep('background-writes');
        if (process.env[SEARCH_INDEX_AFTER_BUILD] === '1') return;
        const search = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${search.pages} articles, ${Math.round(search.indexBytes / 1024)} KB of index data in pagefind/`);
      },
    },
  };
}
