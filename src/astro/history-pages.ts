/**
 * A build's history pages: their thread (src/postbuild/history-thread.ts) started once the wiki is read, to finish
 * the history while Astro renders the articles; the pages made from the first page Astro generates, each template's
 * written by the thread as soon as Astro has rendered it (src/model/history-template.ts, src/middleware.ts); the rest
 * written at build:done. Glue only: what it needs of the wiki comes from the build context.
 */
import type { BuildContext, WikiReading } from '../build/context.ts';
import { templateAt, templateShares, templateUrl } from '../model/history-template.ts';
import type { HistoryPagesSetup, HistoryPagesWritten } from '../postbuild/history-pages.ts';
import { startHistoryThread, type HistoryThread } from '../postbuild/history-thread.ts';

export interface HistoryPagesOfBuild {
  /** Start finishing the history of `reading` (a build's, read from git with its history left unfinished). */
  finish(reading: WikiReading): void;
  /** Start making the pages into `outDir` (at most once per reading): from the first page a build generates. */
  start(outDir: string): void;
  /** A page Astro rendered, at `path`: a template's is passed on to the thread, which writes its pages from it. */
  rendered(path: string, html: string): void;
  /**
   * Write the pages not written yet, once the history is whole (its cache written, whether or not this build renders
   * a history page). After the security check, which read the templates; the title and address are written escaped
   * as Astro escapes them, so each page is as safe as its template and its body, and 10,000 pages are not read again
   * (1.3 ms a page).
   */
  write(outDir: string): Promise<HistoryPagesWritten | undefined>;
}

interface OfReading {
  of: WikiReading;
  thread: HistoryThread;
  started: boolean;
}

export function historyPagesOfBuild(context: BuildContext): HistoryPagesOfBuild {
  let current: OfReading | undefined;
  const ofReading = (reading: WikiReading): OfReading | undefined => {
    if (current?.of !== reading) {
      current?.thread.end();
      current = reading.unfinished ? { of: reading, thread: startHistoryThread(reading.unfinished), started: false } : undefined;
    }
    return current;
  };
  const start = (outDir: string) => {
    const now = ofReading(context.reading());
    if (!now || now.started) return;
    now.started = true;
    now.thread.start(setupOf(context, now.of, outDir));
  };
  return {
    finish: (reading) => void ofReading(reading),
    start,
    rendered: (path, html) => {
      const index = templateAt(path);
      if (index !== undefined && current?.started) current.thread.template(index, html);
    },
    write: async (outDir) => {
      // A build that generated no page (each copied from the last build's) starts them here.
      start(outDir);
      const now = ofReading(context.reading());
      if (!now) return undefined;
      try {
        const written = await now.thread.write();
        await now.thread.finished();
        return written;
      } finally {
        now.thread.end();
      }
    },
  };
}

/** What the pages of the templates this build renders need (a shard renders its turn of them, src/model/shards.ts). */
function setupOf(context: BuildContext, reading: WikiReading, outDir: string): HistoryPagesSetup {
  const status = reading.history.status;
  const config = context.config();
  return {
    bodies: {
      strings: config.strings,
      language: config.language,
      links: config.links,
      since: status.kind === 'git' && status.shallow ? status.since : undefined,
      checked: { file: context.cachePath('historyBodies'), code: context.cacheCode('historyBodies') },
    },
    outDir,
    site: config.site,
    siteName: config.title,
    shares: templateShares(Object.values(context.data().pages)).map((share, i) =>
      context.rendersSitePage(templateUrl(i)) ? share.map(({ id, title, url }) => ({ id, title, url })) : undefined,
    ),
  };
}
