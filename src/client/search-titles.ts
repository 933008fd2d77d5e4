/**
 * The title layer of search in the browser: which articles a query names (exactly, by the start of a
 * name, or nearly), and "Did you mean". It fetches the title index (src/shared/title-index.ts) and the
 * vocabulary (src/shared/search-spelling.ts) piece by piece as queries need them, each file once per page.
 * Used by the header box and the search page, and by bench/ with a fetch that reads the built files: the
 * code that ranks is the same everywhere.
 */
import { searchKey, searchWords } from '../shared/search-keys.ts';
import { correctQuery, hasUnknownWord, isVocabularyWord, WORDS_DIR, WORDS_MANIFEST, wordPieceFor, type WordsManifest } from '../shared/search-spelling.ts';
import {
  indexRows,
  matchTitles,
  nearTitles,
  pieceFor,
  TITLE_INDEX_DIR,
  TITLE_MANIFEST,
  type IndexedRow,
  type PieceIndex,
  type TitleMatch,
  type TitleMatches,
  type TitleRow,
} from '../shared/title-index.ts';

/**
 * Fetches a JSON file of the site by its path; undefined when there is none (a site built without it).
 * `fresh`: the file changes name-free from build to build (a manifest), so the browser asks the server
 * whether its copy is current.
 */
export type FetchJson = (path: string, fresh?: boolean) => Promise<unknown>;

export const fetchJson: FetchJson = async (path, fresh = false) => {
  try {
    const response = await fetch(path, fresh ? { cache: 'no-cache' } : {});
    return response.ok ? ((await response.json()) as unknown) : undefined;
  } catch {
    return undefined;
  }
};

export interface TitleLookup extends TitleMatches {
  /** Articles with a name a typo away from the query, nearest first (`nearTitles`). */
  near: TitleMatch[];
}

export interface Correction {
  /** The query as the reader probably meant it. */
  query: string;
}

export interface TitleSearch {
  lookup: (query: string) => Promise<TitleLookup>;
  /** "Did you mean": a near title, else the query with its unknown words corrected (see below). */
  correction: (query: string, lookup: TitleLookup, foundWords?: ReadonlySet<string>) => Promise<Correction | undefined>;
}

const NOTHING: TitleLookup = { exact: [], prefixed: [], near: [] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isRows = (value: unknown): value is TitleRow[] =>
  Array.isArray(value) && value.every((row) => Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'string');
const isWords = (value: unknown): value is string[] => Array.isArray(value) && value.every((word) => typeof word === 'string');

export function titleSearch(fetch: FetchJson = fetchJson): TitleSearch {
  const files = new Map<string, Promise<unknown>>();
  const load = (path: string, fresh = false) => {
    let file = files.get(path);
    if (!file) {
      file = fetch(path, fresh);
      files.set(path, file);
    }
    return file;
  };
  const indexed = new WeakMap<TitleRow[], IndexedRow[]>();

  let manifest: Promise<(PieceIndex & { version: string }) | undefined> | undefined;
  const titleManifest = () =>
    (manifest ??= load(TITLE_INDEX_DIR + TITLE_MANIFEST, true).then((value) => {
      if (!isRecord(value) || typeof value['version'] !== 'string' || !isWords(value['pieces']) || !isWords(value['tops'])) return undefined;
      return { version: value['version'], pieces: new Set(value['pieces']), tops: new Set(value['tops']) };
    }));
  const wordsManifest = async (): Promise<WordsManifest | undefined> => {
    const manifest = await load(WORDS_DIR + WORDS_MANIFEST, true);
    return isRecord(manifest) && isRecord(manifest['pieces']) ? (manifest as unknown as WordsManifest) : undefined;
  };

  const rowsFor = async (query: string): Promise<IndexedRow[]> => {
    const index = await titleManifest();
    const address = index && pieceFor(index, searchKey(query));
    if (!index || !address) return [];
    const rows = await load(`${TITLE_INDEX_DIR}${address.file}?v=${index.version}`);
    if (!isRows(rows)) return [];
    let piece = indexed.get(rows);
    if (!piece) {
      piece = indexRows(rows);
      indexed.set(rows, piece);
    }
    return piece;
  };

  const lookup = async (query: string): Promise<TitleLookup> => {
    if (searchKey(query) === '') return NOTHING;
    const rows = await rowsFor(query);
    return { ...matchTitles(query, rows), near: nearTitles(query, rows) };
  };

  /** The vocabulary pieces of these words; undefined when the site has no vocabulary. */
  const wordPieces = async (words: readonly string[]): Promise<Map<string, readonly string[]> | undefined> => {
    const manifest = await wordsManifest();
    if (!manifest) return undefined;
    const pieces = new Map<string, readonly string[]>();
    await Promise.all(
      words.map(async (word) => {
        const file = wordPieceFor(manifest, word);
        const piece = file ? await load(WORDS_DIR + file) : undefined;
        if (isWords(piece)) pieces.set(word, piece);
      }),
    );
    return pieces;
  };

  /**
   * Offered only when a word of the query is unknown to the wiki (a query of known words that finds little
   * is not a typo): the title a typo away if there is one, since it corrects the whole query; else the
   * query with its unknown words corrected. `found` lists words the full-text search found for the query
   * (`markedWords`): a query word that begins one of them is known, and its piece of the vocabulary is not
   * fetched, so a query typed right costs no bytes here.
   */
  const correction = async (query: string, found: TitleLookup, foundWords: ReadonlySet<string> = new Set()): Promise<Correction | undefined> => {
    if (found.exact.length > 0) return undefined;
    const confirmed = (word: string) => [...foundWords].some((marked) => marked.startsWith(word));
    const unconfirmed = searchWords(query).filter((word) => isVocabularyWord(word) && !confirmed(word));
    if (unconfirmed.length === 0) return undefined;
    const pieces = await wordPieces(unconfirmed);
    // A word found in the text counts as its own piece: known.
    const pieceOf = (word: string) => (confirmed(word) ? [word] : pieces?.get(word));
    if (pieces && !hasUnknownWord(query, pieceOf)) return undefined;
    // The title as written when it was the title that was mistyped (`Nvidia`), else the alias or id (`quantization`).
    const [near] = found.near;
    if (near) return { query: near.key === searchKey(near.title) ? near.title : near.key };
    const corrected = correctQuery(query, pieceOf);
    return corrected ? { query: corrected } : undefined;
  };

  return { lookup, correction };
}
