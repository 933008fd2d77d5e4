/**
 * A build's history pages: their thread (src/postbuild/history-thread.ts) started once the wiki is read, to finish
 * the history while Astro renders the articles; their bodies asked of it from the first page Astro generates; the
 * pages written at build:done from the templates Astro rendered (src/model/history-template.ts,
 * src/postbuild/history-pages.ts). Glue only: what it needs of the wiki comes from the build context.
 */
import type { BuildContext, WikiReading } from '../build/context.ts';
import { templateShares, templateUrl } from '../model/history-template.ts';
import { bodyAt, type EncodedBodies, type HistoryBodiesSetup } from '../postbuild/history-bodies.ts';
import { writeHistoryPages } from '../postbuild/history-pages.ts';
import { startHistoryThread, type HistoryThread } from '../postbuild/history-thread.ts';
import { translator } from '../shared/ui-strings.ts';

export interface HistoryPagesOfBuild {
  /** Start finishing the history of `reading` (a build's, read from git with its history left unfinished). */
  finish(reading: WikiReading): void;
  /** Start the bodies (at most once per reading): from the first page a build generates. */
  start(): void;
  /**
   * Write the pages into `outDir`, once the history is whole (its cache written, whether or not this build renders
   * a history page). After the security check, which read the templates; the title and address are written escaped
   * as Astro escapes them, so each page is as safe as its template and its body, and 10,000 pages are not read again
   * (1.3 ms a page).
   */
  write(outDir: string): Promise<void>;
}

interface OfReading {
  of: WikiReading;
  thread: HistoryThread;
  bodies?: Promise<Array<EncodedBodies | undefined>>;
}

export function historyPagesOfBuild(context: BuildContext): HistoryPagesOfBuild {
  let current: OfReading | undefined;
  const ofReading = (reading: WikiReading): OfReading | undefined => {
    if (current?.of !== reading) {
      current?.thread.end();
      current = reading.unfinished ? { of: reading, thread: startHistoryThread(reading.unfinished) } : undefined;
    }
    return current;
  };
  const bodies = (now: OfReading) => (now.bodies ??= bodiesOf(context, now.of, now.thread));
  return {
    finish: (reading) => void ofReading(reading),
    start: () => {
      const now = ofReading(context.reading());
      // Asked for again at build:done, where a failure is reported.
      if (now) bodies(now).catch(() => undefined);
    },
    write: async (outDir) => {
      const now = ofReading(context.reading());
      if (!now) return;
      try {
        const made = await bodies(now);
        await now.thread.finished();
        const config = context.config();
        const t = translator(config.strings, config.language);
        writeHistoryPages(outDir, Object.values(context.data().pages), {
          site: config.site,
          siteName: config.title,
          historyTitle: (title) => t('article.historyOf', { title }),
          rendered: (index) => made[index] !== undefined,
          body: (_page, template, j) => bodyAt(made[template]!, j),
        });
      } finally {
        now.thread.end();
      }
    },
  };
}

/** The bodies of the templates this build renders (a shard renders its turn of them, src/model/shards.ts). */
function bodiesOf(context: BuildContext, reading: WikiReading, thread: HistoryThread): Promise<Array<EncodedBodies | undefined>> {
  const status = reading.history.status;
  const { strings, language, links } = context.config();
  const setup: HistoryBodiesSetup = {
    strings,
    language,
    links,
    since: status.kind === 'git' && status.shallow ? status.since : undefined,
    checked: { file: context.cachePath('historyBodies'), code: context.cacheCode('historyBodies') },
  };
  const shares = templateShares(Object.values(context.data().pages)).map((share, i) =>
    context.rendersSitePage(templateUrl(i)) ? share.map(({ id, title, url }) => ({ id, title, url })) : undefined,
  );
  return thread.bodies(setup, shares);
}
