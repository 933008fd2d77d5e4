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
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { urlForId } from '../model/ids.ts';
import { searchWords } from '../shared/search-keys.ts';
import { isVocabularyWord, planWordPieces, WORDS_DIR, WORDS_MANIFEST, type WordsManifest } from '../shared/search-spelling.ts';
import { namesOf } from '../shared/title-index.ts';
import { readTitleRows } from './search-titles.ts';

/** Pagefind's fragment files: gzip of this signature followed by the page's JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

interface Fragment {
  url: string;
  content: string;
}

function readFragments(fragmentDir: string): Fragment[] {
  let files: string[];
  try {
    files = readdirSync(fragmentDir).filter((file) => file.endsWith('.pf_fragment'));
  } catch {
    return [];
  }
  return files.map((file) => {
    const text = gunzipSync(readFileSync(join(fragmentDir, file))).toString('utf8');
    return JSON.parse(text.startsWith(FRAGMENT_SIGNATURE) ? text.slice(FRAGMENT_SIGNATURE.length) : text) as Fragment;
  });
}

/** Runs of letters, marks, digits and apostrophes: what `searchWords` turns into words, read once per distinct run. */
const RUN = /[\p{L}\p{M}\p{N}'’]+/gu;

/**
 * Word → number of articles that use it, from the texts of each article (its indexed text and its names).
 * Exported for tests.
 */
export function countWords(articles: Iterable<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  const wordsOfRun = new Map<string, string[]>();
  for (const texts of articles) {
    const seen = new Set<string>();
    for (const text of texts) {
      for (const [run] of text.matchAll(RUN)) {
        let words = wordsOfRun.get(run);
        if (!words) {
          words = searchWords(run).filter(isVocabularyWord);
          wordsOfRun.set(run, words);
        }
        for (const word of words) seen.add(word);
      }
    }
    for (const word of seen) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

export interface WordsReport {
  words: number;
  pieces: number;
  bytes: number;
}

/** Write the vocabulary of the site in `siteDir` (indexed by Pagefind into `siteDir/pagefind/`) to `siteDir/search-words/`. */
export function writeSearchWords(siteDir: string): WordsReport {
  const texts = new Map<string, string[]>();
  for (const fragment of readFragments(join(siteDir, 'pagefind', 'fragment'))) texts.set(decodeURI(fragment.url), [fragment.content]);
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
