/**
 * A build's history pages: their bodies started on a worker thread at the first page Astro generates (once the
 * history is whole; src/postbuild/history-bodies-ahead.ts), then written at build:done from the templates Astro
 * rendered (src/model/history-template.ts, src/postbuild/history-pages.ts). Glue only: what it needs of the
 * wiki comes from the build context.
 */
import type { BuildContext, WikiReading } from '../build/context.ts';
import { templateShares, templateUrl } from '../model/history-template.ts';
import { bodyAt, type EncodedBodies, type HistoryBodiesSetup } from '../postbuild/history-bodies.ts';
import { historyBodiesAhead } from '../postbuild/history-bodies-ahead.ts';
import { writeHistoryPages } from '../postbuild/history-pages.ts';
import { translator } from '../shared/ui-strings.ts';

export interface HistoryPagesOfBuild {
  /** Start the bodies (at most once per reading): from the first page a build generates. */
  start(): void;
  /**
   * Write the pages into `outDir`. After the security check, which read the templates; the title and address are
   * written escaped as Astro escapes them, so each page is as safe as its template and its body, and 10,000 pages
   * are not read again (1.3 ms a page).
   */
  write(outDir: string): Promise<void>;
}

export function historyPagesOfBuild(context: BuildContext): HistoryPagesOfBuild {
  let started: { of: WikiReading; bodies: Promise<Array<EncodedBodies | undefined> | undefined> } | undefined;
  const bodies = () => {
    const reading = context.reading();
    if (started?.of !== reading) started = { of: reading, bodies: bodiesOf(context, reading) };
    return started.bodies;
  };
  return {
    start: () => {
      // Asked for again at build:done, where a failure is reported.
      bodies().catch(() => undefined);
    },
    write: async (outDir) => {
      const made = await bodies();
      if (!made) return;
      const config = context.config();
      const t = translator(config.strings, config.language);
      writeHistoryPages(outDir, Object.values(context.data().pages), {
        site: config.site,
        siteName: config.title,
        historyTitle: (title) => t('article.historyOf', { title }),
        rendered: (index) => made[index] !== undefined,
        body: (_page, template, j) => bodyAt(made[template]!, j),
      });
    },
  };
}

/** The bodies of the templates this build renders (a shard renders its turn of them, src/model/shards.ts). */
async function bodiesOf(context: BuildContext, reading: WikiReading): Promise<Array<EncodedBodies | undefined> | undefined> {
  const status = reading.history.status;
  if (status.kind !== 'git') return undefined;
  await reading.historyDone();
  const { strings, language, links } = context.config();
  const setup: HistoryBodiesSetup = {
    strings,
    language,
    links,
    since: status.shallow ? status.since : undefined,
    checked: { file: context.cachePath('historyBodies'), code: context.cacheCode('historyBodies') },
  };
  const shares = templateShares(Object.values(context.data().pages)).map((share, i) =>
    context.rendersSitePage(templateUrl(i))
      ? () => ({ pages: share.map(({ id, title, url }) => ({ id, title, url })), histories: share.map((page) => reading.history.pages.get(page.id)) })
      : undefined,
  );
  return historyBodiesAhead(setup, shares);
}
