/**
 * Writes the vocabulary for "Did you mean" (src/shared/search-spelling.ts) into the built site,
 * `search-words/`, once Pagefind has indexed it (src/postbuild/search-index.ts).
 *
 * Pagefind does not publish its word list, and the words in its index are stemmed (`memori`), which a
 * reader should never be offered. Its page fragments, though, hold the very text it indexed, after every
 * exclusion (src/shared/search-scope.ts): the vocabulary is read from them, so that a correction is a word
 * the search will find. The words of titles, ids and aliases (from the title index) are added, since a
 * name can be searched for without appearing in any text.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { startWorker, type WorkerSession } from '../build/worker.ts';
import { urlForId } from '../model/ids.ts';
import { searchWords } from '../shared/search-keys.ts';
import { isVocabularyWord, planWordPieces, WORDS_DIR, WORDS_MANIFEST, type WordsManifest } from '../shared/search-spelling.ts';
import { namesOf } from '../shared/title-index.ts';
import { pageCountOf, pageTextsOf, type PageText } from './search-bundle.ts';
import { readTitleRows } from './search-titles.ts';

/**
 * What separates runs of letters, marks, digits and apostrophes: each run is what `searchWords` turns into
 * words, and is read once per build however often it occurs (splitting, rather than matching runs, takes a
 * fifth of the time on 10,000 articles).
 */
const BETWEEN_RUNS = /[^\p{L}\p{M}\p{N}'’]+/u;

/**
 * Word → about how many articles use it, from the texts of each article (its indexed text and its names):
 * the distinct runs of each article are counted, lower-cased, then turned into words once each, so that an
 * article writing a word two ways (`memory`, `memory's`) counts twice for it. The count only orders the
 * candidates of a correction. Exported for tests.
 */
export function countWords(articles: Iterable<readonly string[]>): Map<string, number> {
  const runs = new Map<string, number>();
  for (const texts of articles) {
    for (const run of new Set(texts.flatMap((text) => text.toLowerCase().split(BETWEEN_RUNS)))) runs.set(run, (runs.get(run) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [run, articlesUsing] of runs) {
    for (const word of new Set(searchWords(run))) if (isVocabularyWord(word)) counts.set(word, (counts.get(word) ?? 0) + articlesUsing);
  }
  return counts;
}

export interface WordsReport {
  words: number;
  pieces: number;
  bytes: number;
}

/**
 * Write the vocabulary of the site in `siteDir` to `siteDir/search-words/`, from `fragments`, the pages of its
 * search index as the join read them.
 */
export async function writeSearchWords(siteDir: string, fragments: readonly PageText[]): Promise<WordsReport> {
  const texts = new Map<string, string[]>();
  for (const fragment of fragments) texts.set(decodeURI(fragment.url), [fragment.content]);
  for (const row of readTitleRows(siteDir)) {
    const url = decodeURI(urlForId(row[0]));
    const names = namesOf(row).map((name) => name.key);
    texts.set(url, [...(texts.get(url) ?? []), ...names]);
  }
  const pieces = planWordPieces(countWords(texts.values()));
  const folder = join(siteDir, WORDS_DIR);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  let words = 0;
  const manifest: WordsManifest = { pieces: {} };
  for (const [prefix, list] of pieces) {
    const json = JSON.stringify(list);
    const file = `${createHash('sha1').update(json).digest('hex').slice(0, 12)}.json`;
    writeFileSync(join(folder, file), json);
    manifest.pieces[prefix] = file;
    bytes += Buffer.byteLength(json);
    words += list.length;
  }
  const json = JSON.stringify(manifest);
  writeFileSync(join(folder, WORDS_MANIFEST), json);
  return { words, pieces: pieces.size, bytes: bytes + Buffer.byteLength(json) };
}

/**
 * From this many pages on, the vocabulary is read from the indexes on a worker thread while this thread joins them
 * (src/postbuild/search-bundle.ts): 10,000 articles, join and vocabulary 10.8–11.5 s on one thread, 8.7–9.6 s
 * on two. A worker takes some 0.5 s to start and reads the pages' texts again: a build starts it before Pagefind
 * runs (`startWordsWorker`), or a smaller site would gain nothing.
 */
export const WORDS_WORKER_PAGES = 500;

export type WordsSession = WorkerSession<{ siteDir: string; dirs: readonly string[] }, WordsReport>;

/**
 * A worker thread for the vocabulary, started ahead (while Pagefind indexes the pages) so that its start is not
 * waited for; `end` it once done with.
 */
export function startWordsWorker(): WordsSession {
  return startWorker(new URL('./search-words-worker.ts', import.meta.url));
}

/**
 * `writeSearchWords` from the pages of the Pagefind indexes in `dirs`, on a worker thread for a large site (`worker`,
 * if started ahead), so that it runs beside the join of those indexes.
 */
export async function writeSearchWordsOf(
  siteDir: string,
  dirs: readonly string[],
  { cores = availableParallelism(), workerFrom = WORDS_WORKER_PAGES, worker }: { cores?: number; workerFrom?: number; worker?: WordsSession } = {},
): Promise<WordsReport> {
  if (worker) return worker.ask({ siteDir, dirs });
  if (cores < 2 || pageCountOf(dirs) < workerFrom) return writeSearchWords(siteDir, pageTextsOf(dirs));
  const session = startWordsWorker();
  try {
    return await session.ask({ siteDir, dirs });
  } finally {
    session.end();
  }
}
