/**
 * `astro dev`: a writer edits, the wiki follows. When a file of the content folder changes, the wiki is read
 * again (any article may change any other: a title, a new page), the modules that hold the old wiki are
 * dropped, Astro is asked to run the article loader again (`refreshContent`), and the reader's page reloads.
 * Control goes one way: this module → the build context → the loader → the page.
 */
import type { AstroIntegrationLogger } from 'astro';
import { isAbsolute, relative } from 'node:path';
import { isRunnableDevEnvironment, type ViteDevServer } from 'vite';
import type { BuildContext, WikiReading } from '../build/context.ts';
import { sourcesDigest } from '../build/context.ts';
import { readSources } from '../content-folder/read-folder.ts';
import { WHILE_SERVING } from './article-loader.ts';
import { allDiagnostics, report, withoutRedLinks } from './report.ts';

/** How long the content folder must be quiet after a change before the wiki is read again. */
const SETTLE_MS = 100;
/** How many times to ask Astro to run the loader again when it skipped the request (100 ms apart). */
const REFRESH_ATTEMPTS = 100;

interface Options {
  context: BuildContext;
  server: ViteDevServer;
  logger: AstroIntegrationLogger;
  refreshContent: (options: { loaders?: string[]; context?: Record<string, unknown> }) => Promise<void>;
}

/**
 * Listen for edits in the content folder. Gives the check to run once the server has started: a file saved
 * between the wiki's first reading and the moment the watcher was ready for the folder was not heard.
 */
export function followContentEdits({ context, server, logger, refreshContent }: Options): { lookForMissedEdits: () => void } {
  const { contentDir } = context.settings;
  const inContent = (path: string | null | undefined) => {
    if (!path) return false;
    const rel = relative(contentDir, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };

  /** Vite's module runner keeps what it has evaluated until told, whatever the server's module graph says: both are told, as Astro does for its data store. */
  const forgetContentModules = () => {
    for (const environment of Object.values(server.environments)) {
      const graph = environment.moduleGraph;
      for (const [id, module] of graph.idToModuleMap) if (inContent(id)) graph.invalidateModule(module);
      if (!isRunnableDevEnvironment(environment)) continue;
      const evaluated = environment.runner.evaluatedModules;
      for (const node of evaluated.idToModuleMap.values()) if (inContent(node.id)) evaluated.invalidateModule(node);
    }
  };

  /**
   * Have Astro run the article loader for `reading`. Astro skips the request, without a word, while it reloads
   * the content config (which its own files' changes can start): ask again until the loader has run.
   */
  const refreshStore = async (reading: WikiReading) => {
    for (let attempt = 0; context.syncedReading !== reading; attempt++) {
      if (attempt > 0) {
        if (attempt > REFRESH_ATTEMPTS) throw new Error('Astro did not run the article loader after an edit: save the file again, or restart `astro dev`');
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      }
      // Another edit read in the meantime makes this one moot.
      if (context.reading() !== reading) return;
      await refreshContent({ loaders: ['wiki-articles'], context: { [WHILE_SERVING]: true } });
    }
  };

  let queue = Promise.resolve();
  let settling: ReturnType<typeof setTimeout> | undefined;
  const rereadSoon = () => {
    // Read once the files have settled: a save can come as a truncation then a write (read between the two,
    // the article would be empty until its next save), and a checkout as many changes at once.
    clearTimeout(settling);
    settling = setTimeout(() => {
      queue = queue
        .then(async () => {
          const reading = await context.read();
          report(logger, withoutRedLinks(allDiagnostics(reading, false)));
          logger.info(`${reading.index.pages.size} pages, ${reading.graph.redLinks.length} red links`);
          // The wiki's data modules are live views (src/build/registry.ts); articles compiled as MDX modules show
          // other articles' titles, so they are compiled again.
          forgetContentModules();
          await refreshStore(reading);
          server.ws.send({ type: 'full-reload' });
        })
        .catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
    }, SETTLE_MS);
  };

  server.watcher.add(contentDir);
  server.watcher.on('all', (event, path) => {
    if (inContent(path) && ['add', 'change', 'unlink'].includes(event)) rereadSoon();
  });
  return {
    lookForMissedEdits: () => {
      if (sourcesDigest(readSources(contentDir)) !== context.reading().digest) rereadSoon();
    },
  };
}
