/**
 * The bodies of the history pages (src/render/history-html.ts), checked as the security check reads built pages
 * and encoded, a template's share at a time (src/model/history-template.ts). Made on a worker thread while Astro
 * generates the pages (src/postbuild/history-thread.ts): at 10,000 articles, writing and checking them
 * cost build:done 2.1 s of the 3.3 s it spent on the history pages, on the thread everything else waited for.
 * Only data goes in (the interface strings, the source links' settings, each article's history), so the worker
 * and this thread make the same bytes.
 */
import type { PageHistory } from '../model/history.ts';
import { historyUrlForId } from '../model/ids.ts';
import { sourceLinks, type SourceLinkSettings } from '../model/source-links.ts';
import { changeListWriter, historyBodyHtml, type HistoryPageOf } from '../render/history-html.ts';
import { translator } from '../shared/translate.ts';
import { checkedBodies } from './checked-bodies.ts';

/** What every body of a build shares. */
export interface HistoryBodiesSetup {
  strings: Record<string, string>;
  language: string;
  links: SourceLinkSettings;
  /** The date a shallow clone's history starts at, said on every page; undefined for a whole history. */
  since: string | undefined;
  /** The remembered checks (src/postbuild/checked-bodies.ts): the cache's file and the code's digest. */
  checked: { file: string; code: string };
}

/** One template's articles, in order, with their histories (undefined for a file never committed). */
export interface HistoryBodiesShare {
  pages: HistoryPageOf[];
  histories: Array<PageHistory | undefined>;
}

/** A share's bodies as UTF-8, one after another: body `j` is `bytes` from `ends[j - 1]` (0 for the first) to `ends[j]`. */
export interface EncodedBodies {
  bytes: Uint8Array;
  ends: number[];
}

/** Body `j` of a share's encoded bodies (a view, not a copy). */
export function bodyAt(bodies: EncodedBodies, j: number): Uint8Array {
  return bodies.bytes.subarray(j === 0 ? 0 : bodies.ends[j - 1], bodies.ends[j]);
}

/** Thrown when a body does not pass the security check: the build stops, naming the page. */
export class HistoryBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryBodyError';
  }
}

export interface HistoryBodyMaker {
  /** A share's bodies, each checked; throws HistoryBodyError for the first that fails. */
  share(share: HistoryBodiesShare): EncodedBodies;
  /** Remember the checks of this build's bodies (after the last share). */
  save(): void;
}

export function historyBodyMaker(setup: HistoryBodiesSetup): HistoryBodyMaker {
  const writer = changeListWriter(translator(setup.strings, setup.language), sourceLinks(setup.links));
  const checked = checkedBodies(setup.checked.file, setup.checked.code);
  return {
    share({ pages, histories }) {
      const encoded = pages.map((page, j) => {
        const body = historyBodyHtml(writer, page, histories[j], setup.since);
        const problems = checked.problems(body);
        if (problems.length > 0)
          throw new HistoryBodyError(`The security check of the history page ${historyUrlForId(page.id)} failed:\n${problems.map((p) => `  ${p}`).join('\n')}`);
        return Buffer.from(body);
      });
      // One buffer per share, each body a view of it: kept until the share's template comes (history-pages.ts).
      const bytes = new Uint8Array(encoded.reduce((sum, body) => sum + body.length, 0));
      const ends: number[] = [];
      let at = 0;
      for (const body of encoded) {
        bytes.set(body, at);
        at += body.length;
        ends.push(at);
      }
      return { bytes, ends };
    },
    save: () => checked.save(),
  };
}
