/**
 * The title index: every article's title, id and aliases, so that search knows when a query *is* a name
 * (issue 21). Written by the build as static files (src/postbuild/search-titles.ts) and read by the browser
 * only when search is used (src/client/search-titles.ts); this module holds what both must agree on: the
 * files' shape, how the names are cut into pieces, and how a query finds its piece and its titles.
 *
 * A large wiki's names are cut into pieces by the first letters of their search keys (search-keys.ts),
 * like the volumes of a printed encyclopedia: a piece holds every name that starts with its prefix, and a
 * prefix with too many names is split by the next letter. A query then fetches the one piece whose prefix
 * it starts with, which holds every title it equals or begins. A query shorter than the pieces' prefixes
 * (`n` when the pieces are `na`, `nb`, …) fetches a small *top* piece instead: the names equal to it and the
 * most-linked names that start with it.
 */
import { urlForId, type PageId } from '../model/ids.ts';
import { editDistance, allowedEdits, letterCount, searchKey } from './search-keys.ts';

/** Where the title index lives in the built site. */
export const TITLE_INDEX_DIR = '/search-titles/';
/** Its table of pieces, fetched with the first query. */
export const TITLE_MANIFEST = 'index.json';

/**
 * One article in a piece, as JSON: `[id, title, links, ...aliases]`. Keys are not stored: the reader's
 * browser derives them with the same `searchKey` the build used, which keeps the files small.
 */
export type TitleRow = [id: PageId, title: string, links: number, ...aliases: PageId[]];

/** `index.json`: the prefixes of the pieces, from which their file names follow (`pieceFile`). */
export interface TitleManifest {
  /**
   * A hash of the whole index. Pieces are fetched with it (`?v=…`), so that a browser never mixes the pieces
   * of two builds, while the list of prefixes stays small enough to fetch with the first query.
   */
  version: string;
  /** Prefixes of the pieces that hold every name starting with them. */
  pieces: string[];
  /** Prefixes that were split, each with a top piece. */
  tops: string[];
}

/** The manifest as lookups read it. */
export interface PieceIndex {
  pieces: ReadonlySet<string>;
  tops: ReadonlySet<string>;
}

export type PieceKind = 'piece' | 'top';

/** The file of a piece: `p-` or `t-` and the UTF-8 bytes of its prefix in hex (`p-6e76.json` for `nv`), safe in any address. */
export function pieceFile(kind: PieceKind, prefix: string): string {
  const hex = Array.from(new TextEncoder().encode(prefix), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${kind === 'piece' ? 'p' : 't'}-${hex}.json`;
}

/** Names per piece before it is split by the next letter: about 1 KB compressed (4 KB at most at 10,000 articles), against ~37 KB for a Pagefind index chunk. */
export const PIECE_ROWS = 200;
/** Names a top piece offers, besides those equal to its prefix. */
export const TOP_ROWS = 8;

export type NameKind = 'title' | 'id' | 'alias';

export interface Name {
  key: string;
  /** Letters in the key (`letterCount`), kept to compare lengths without counting again. */
  letters: number;
  kind: NameKind;
  /** The name as written: the title, the id or the alias. */
  text: string;
}

/** The names an article is found by, each key once: its title first, then its id, then its aliases. */
export function namesOf(row: TitleRow): Name[] {
  const [id, title, , ...aliases] = row;
  const names: Name[] = [];
  const add = (text: string, kind: NameKind) => {
    const key = searchKey(text);
    if (key !== '' && !names.some((n) => n.key === key)) names.push({ key, letters: letterCount(key), kind, text });
  };
  add(title, 'title');
  add(id, 'id');
  for (const alias of aliases) add(alias, 'alias');
  return names;
}

const chars = (text: string) => [...text];

/** A–Z as readers sort; one collator, since `localeCompare` builds one on every call. */
const alphabetical = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;

/** Most-linked first, then the shorter name, then A–Z: the order of titles offered for a prefix. */
function byLinks(a: { row: TitleRow; letters: number }, b: { row: TitleRow; letters: number }): number {
  return b.row[2] - a.row[2] || a.letters - b.letters || alphabetical(a.row[1], b.row[1]);
}

export interface PiecePlan {
  pieces: Map<string, TitleRow[]>;
  tops: Map<string, TitleRow[]>;
}

/**
 * Cut the wiki's rows into pieces of at most `maxRows` names. A small wiki is one piece, prefix ''.
 * Pure; deterministic for the same rows.
 */
export function planPieces(rows: readonly TitleRow[], maxRows = PIECE_ROWS, topRows = TOP_ROWS): PiecePlan {
  const entries = rows.flatMap((row) => namesOf(row).map((name) => ({ key: name.key, chars: chars(name.key), letters: name.letters, row })));
  const plan: PiecePlan = { pieces: new Map(), tops: new Map() };
  const distinctRows = (list: typeof entries) => [...new Set(list.map((e) => e.row))];
  const split = (prefix: string, depth: number, list: typeof entries) => {
    if (list.length <= maxRows) {
      plan.pieces.set(prefix, distinctRows(list));
      return;
    }
    const equal = list.filter((e) => e.letters === depth);
    const longer = list.filter((e) => e.letters > depth);
    const best = [...longer].sort(byLinks);
    const top = distinctRows([...equal, ...best]);
    plan.tops.set(prefix, top.slice(0, Math.max(topRows, distinctRows(equal).length)));
    const children = new Map<string, typeof entries>();
    for (const entry of longer) {
      const next = prefix + (entry.chars[depth] ?? '');
      const group = children.get(next);
      if (group) group.push(entry);
      else children.set(next, [entry]);
    }
    for (const [child, group] of [...children].sort(([a], [b]) => (a < b ? -1 : 1))) split(child, depth + 1, group);
  };
  split('', 0, entries);
  return plan;
}

export type PieceAddress = { kind: PieceKind; prefix: string; file: string };

/**
 * The piece that holds every name equal to or starting with `key`, or the top piece of `key` itself when
 * the pieces are cut finer than `key`; undefined when no name starts with `key`.
 */
export function pieceFor(index: PieceIndex, key: string): PieceAddress | undefined {
  const letters = chars(key);
  let prefix = '';
  for (let depth = 0; ; depth++) {
    if (index.pieces.has(prefix)) return { kind: 'piece', prefix, file: pieceFile('piece', prefix) };
    if (!index.tops.has(prefix)) return undefined;
    const next = letters[depth];
    if (next === undefined) return { kind: 'top', prefix, file: pieceFile('top', prefix) };
    prefix += next;
  }
}

export interface TitleMatch {
  id: PageId;
  title: string;
  url: string;
  /** The key of the name that matched (search-keys.ts). */
  key: string;
  /** The alias that matched, when the title does not begin with it. */
  via?: string;
}

/** A piece as the browser keeps it: each row with its names' keys, derived once. */
export type IndexedRow = { row: TitleRow; names: Name[] };

export function indexRows(rows: readonly TitleRow[]): IndexedRow[] {
  return rows.map((row) => ({ row, names: namesOf(row) }));
}

/**
 * An article as a match; an alias that matched is named unless the title begins with it (`hbm` for High
 * Bandwidth Memory, nothing for `quantization`). A page id is not: it is the title's own spelling, or a
 * namespace and the title.
 */
function match({ row, names }: IndexedRow, name: Name): TitleMatch {
  const [id, title] = row;
  const titleKey = names.find((n) => n.kind === 'title')?.key ?? '';
  const shown = name.kind === 'alias' && !titleKey.startsWith(name.key);
  return { id, title, url: urlForId(id), key: name.key, ...(shown ? { via: name.text } : {}) };
}

export interface TitleMatches {
  /** Articles whose title, id or alias equals the query. */
  exact: TitleMatch[];
  /** Articles with a name that starts with the query, most-linked first ("Go to" suggestions), the first ten. */
  prefixed: TitleMatch[];
}

/**
 * The articles the query names exactly, and the first `limit` of those with a name starting with it (the box
 * offers four; a common first word begins hundreds of titles in a large wiki).
 */
export function matchTitles(query: string, rows: readonly IndexedRow[], limit = 10): TitleMatches {
  const key = searchKey(query);
  if (key === '') return { exact: [], prefixed: [] };
  const exact: TitleMatch[] = [];
  const prefixed: Array<{ indexed: IndexedRow; row: TitleRow; letters: number; name: Name }> = [];
  for (const indexed of rows) {
    const equal = indexed.names.find((n) => n.key === key);
    if (equal) {
      exact.push(match(indexed, equal));
      continue;
    }
    // The title, if it starts with the query, else the first name that does.
    const starts = indexed.names.find((n) => n.key.startsWith(key));
    if (starts) prefixed.push({ indexed, row: indexed.row, letters: starts.letters, name: starts });
  }
  exact.sort((a, b) => alphabetical(a.title, b.title) || (a.id < b.id ? -1 : 1));
  return {
    exact,
    prefixed: prefixed
      .sort(byLinks)
      .slice(0, limit)
      .map((p) => match(p.indexed, p.name)),
  };
}

/**
 * The articles with a name a typo away from the query, within the edits allowed for its length
 * (`allowedEdits`): `nvidai` → Nvidia. Nearest first, then the most linked; each article once.
 */
export function nearTitles(query: string, rows: readonly IndexedRow[]): TitleMatch[] {
  const key = searchKey(query);
  const letters = letterCount(key);
  const allowed = allowedEdits(letterCount(key.replace(/ /g, '')));
  if (allowed === 0) return [];
  const near: Array<{ match: TitleMatch; distance: number; links: number }> = [];
  for (const indexed of rows) {
    let best: { name: Name; distance: number } | undefined;
    for (const name of indexed.names) {
      if (Math.abs(name.letters - letters) > allowed) continue;
      const distance = editDistance(key, name.key, allowed);
      if (distance > 0 && distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
    }
    if (best) near.push({ match: match(indexed, best.name), distance: best.distance, links: indexed.row[2] });
  }
  return near.sort((a, b) => a.distance - b.distance || b.links - a.links || alphabetical(a.match.title, b.match.title)).map((n) => n.match);
}
