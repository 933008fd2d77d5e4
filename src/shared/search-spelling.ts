/**
 * "Did you mean": the words the wiki can be searched for, and the nearest of them to a word it cannot.
 *
 * The build writes the vocabulary (src/postbuild/search-words.ts): every word Pagefind indexed, read back
 * from its page fragments, and every word of a title, id or alias, each as a search key word
 * (search-keys.ts), most frequent first. It is cut into pieces by first letter (and second, where a letter
 * holds too many words), and the browser fetches the piece of each word typed. A typo in a word's first
 * letter is therefore not corrected; typos there are the rarest, and reading the whole vocabulary for them
 * would cost more than every other search byte.
 */
import { allowedEdits, editDistance, isSpelledWord, letterCount, searchWords } from './search-keys.ts';

/** Where the vocabulary lives in the built site. */
export const WORDS_DIR = '/search-words/';
export const WORDS_MANIFEST = 'index.json';

export interface WordsManifest {
  /** First letter(s) → file of the words starting with them, most frequent first. */
  pieces: Record<string, string>;
}

/** Words per piece before a first letter is split by the second one. */
export const WORD_PIECE_MAX = 4000;

/** Words shorter than this are neither corrected nor offered as corrections (see `allowedEdits`). */
const MIN_LETTERS = 3;

/** Whether `word` belongs in the vocabulary. */
export function isVocabularyWord(word: string): boolean {
  return letterCount(word) >= MIN_LETTERS && isSpelledWord(word);
}

/**
 * Cut the vocabulary (word → number of articles that use it) into pieces by first letter, a letter with
 * more than `max` words by its first two letters. Each piece lists its words most frequent first, ties A–Z.
 */
export function planWordPieces(counts: ReadonlyMap<string, number>, max = WORD_PIECE_MAX): Map<string, string[]> {
  const byFirst = new Map<string, string[]>();
  for (const word of counts.keys()) {
    const first = [...word][0] ?? '';
    const list = byFirst.get(first);
    if (list) list.push(word);
    else byFirst.set(first, [word]);
  }
  const pieces = new Map<string, string[]>();
  for (const [first, words] of byFirst) {
    if (words.length <= max) pieces.set(first, words);
    else
      for (const word of words) {
        const prefix = [...word].slice(0, 2).join('');
        const list = pieces.get(prefix);
        if (list) list.push(word);
        else pieces.set(prefix, [word]);
      }
  }
  const order = (a: string, b: string) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  for (const words of pieces.values()) words.sort(order);
  return new Map([...pieces].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The piece that holds `word` and its neighbours, if the vocabulary has one. */
export function wordPieceFor(manifest: WordsManifest, word: string): string | undefined {
  const letters = [...word];
  return manifest.pieces[letters.slice(0, 2).join('')] ?? manifest.pieces[letters[0] ?? ''];
}

/**
 * Whether search can find `word` as typed: a word of the wiki (in `piece`, its piece of the vocabulary), one
 * too short or not spelled letter by letter to judge, or a last word that begins a known one (`nvid`),
 * taken as still being typed.
 */
export function isKnown(word: string, piece: readonly string[], last: boolean): boolean {
  if (!isVocabularyWord(word) || piece.includes(word)) return true;
  return last && piece.some((known) => known.startsWith(word));
}

/**
 * The nearest word of `piece` to `word` when `word` is not itself a word of the wiki, within the edits its
 * length allows; the more frequent of two equally near words. Undefined when the word is known (`isKnown`)
 * or nothing is near.
 */
export function correctWord(word: string, piece: readonly string[], last: boolean): string | undefined {
  if (isKnown(word, piece, last)) return undefined;
  const allowed = allowedEdits(letterCount(word));
  let best: { word: string; distance: number } | undefined;
  for (const known of piece) {
    const distance = editDistance(word, known, best ? best.distance - 1 : allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { word: known, distance };
    if (best?.distance === 1) break; // the piece is most frequent first: nothing later can beat it
  }
  return best?.word;
}

/** Whether some word of the query is unknown to the wiki; `pieceOf` gives the loaded piece of a word. */
export function hasUnknownWord(query: string, pieceOf: (word: string) => readonly string[] | undefined): boolean {
  const words = searchWords(query);
  return words.some((word, i) => !isKnown(word, pieceOf(word) ?? [], i === words.length - 1));
}

/**
 * The query with each unknown word replaced by its correction, or undefined when no word changed.
 * `pieceOf` gives the loaded piece of a word (undefined: none, so nothing near).
 */
export function correctQuery(query: string, pieceOf: (word: string) => readonly string[] | undefined): string | undefined {
  const words = searchWords(query);
  let changed = false;
  const corrected = words.map((word, i) => {
    const better = correctWord(word, pieceOf(word) ?? [], i === words.length - 1);
    if (better) changed = true;
    return better ?? word;
  });
  return changed ? corrected.join(' ') : undefined;
}
