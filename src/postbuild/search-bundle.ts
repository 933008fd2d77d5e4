/**
 * One search index from several Pagefind indexes of parts of a site: the bundle a reader's browser loads is
 * the same as if Pagefind had indexed the whole site at once, so that ranking (BM25 over the whole site's page
 * count, word frequencies and page lengths) and first-query bytes do not depend on how the site was split.
 *
 * Why: Pagefind holds every page it indexes in memory (10,000 articles: 2.9 GB), and a sharded build indexes
 * each shard on its own machine. Indexing parts and joining them here keeps each Pagefind run small.
 *
 * The result is canonical: pages are numbered in the order of their addresses, words chunked as Pagefind chunks
 * them, files named by their content; the same pages give the same bytes however they were split (whole builds
 * go through here too). Words are merged as a stream, one chunk of each part at a time, so joining costs little
 * memory whatever the size of the site.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import {
  compareWords,
  decodeFilter,
  decodeIndexChunk,
  decodeMeta,
  encodeFilter,
  encodeIndexChunk,
  encodeMeta,
  pagefindHash,
  PagefindFormatError,
  PAGEFIND_GZIP,
  PAGEFIND_SIGNATURE,
  readPagefindFile,
  ShortNames,
  shortNames,
  type IndexWord,
  type MetaIndex,
  type WordPage,
} from './pagefind-format.ts';

/** The folder of the stand-in page indexed for a wiki without articles (Pagefind cannot index nothing): left out of the join. */
export const STAND_IN_FOLDER = '.wiki-no-articles';

/** Pagefind's index chunk size (its `index_chunk_size` default): word locations per chunk file. */
export const CHUNK_SIZE = 20_000;

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

interface Part {
  dir: string;
  meta: MetaIndex;
  /** Page number in this part → page number in the joined index. */
  numbers: number[];
  /** Metadata field index in this part → index in the joined index. */
  fields: number[];
}

export interface JoinedIndex {
  /** Pages in the joined index, all languages. */
  pages: number;
  /** Bytes of index data (metadata, word index, filters, fragments). */
  indexBytes: number;
}

export interface PageText {
  url: string;
  content: string;
}

const gzipAsync = promisify(gzip);

/**
 * The joined index's files, compressed on Node's thread pool while the main thread merges the words: gzip at
 * Pagefind's level is most of a join's time. At most `limit` files wait at once, so memory stays small.
 */
class FileWriter {
  private readonly pending = new Set<Promise<void>>();
  private readonly limit: number;
  bytes = 0;
  constructor(limit = 8) {
    this.limit = limit;
  }

  async write(file: string, payload: Uint8Array): Promise<void> {
    while (this.pending.size >= this.limit) await Promise.race(this.pending);
    const job = (async () => {
      const compressed = await gzipAsync(Buffer.concat([PAGEFIND_SIGNATURE, payload]), PAGEFIND_GZIP);
      await writeFile(file, compressed);
      this.bytes += compressed.length;
    })();
    const tracked = job.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  async done(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/** A fragment put in the joined index: linked where the file system allows it (the part's copy is left as it was), copied otherwise. */
function placeFragment(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function readEntry(dir: string): Entry {
  const file = join(dir, 'pagefind-entry.json');
  if (!existsSync(file)) throw new PagefindFormatError(`${dir} holds no Pagefind index (no pagefind-entry.json)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Entry;
}

const read = (dir: string, file: string) => readPagefindFile(readFileSync(join(dir, file)), file);

/** A page's fragment file in a Pagefind index: its payload, and the address and indexed text it holds. */
function readFragment(file: string): PageText & { payload: Buffer } {
  const payload = readPagefindFile(readFileSync(file), file);
  const { url, content } = JSON.parse(payload.toString('utf8')) as PageText;
  return { payload, url, content };
}

const metaOf = (dir: string, entry: Entry, language: string) => decodeMeta(read(dir, `pagefind.${entry.languages[language]?.hash ?? ''}.pf_meta`));

/**
 * Every page's address and indexed text in the Pagefind indexes in `dirs`, every language, the stand-in page left
 * out: what "Did you mean" reads its words from (src/postbuild/search-words.ts), beside the join.
 */
export function pageTextsOf(dirs: readonly string[]): PageText[] {
  const texts: PageText[] = [];
  for (const dir of dirs) {
    const entry = readEntry(dir);
    for (const language of Object.keys(entry.languages)) {
      for (const page of metaOf(dir, entry, language).pages) {
        const { url, content } = readFragment(join(dir, 'fragment', `${page.hash}.pf_fragment`));
        if (url !== `/${STAND_IN_FOLDER}/`) texts.push({ url, content });
      }
    }
  }
  return texts;
}

/** How many pages the Pagefind indexes in `dirs` hold, from their entry files alone. */
export function pageCountOf(dirs: readonly string[]): number {
  return dirs.reduce((sum, dir) => sum + Object.values(readEntry(dir).languages).reduce((n, language) => n + language.page_count, 0), 0);
}

/** The words of a part in Pagefind's order, read one chunk at a time. */
function* wordsOf(part: Part): Generator<IndexWord> {
  let last: string | undefined;
  for (const chunk of part.meta.chunks) {
    for (const word of decodeIndexChunk(read(part.dir, join('index', `${chunk.hash}.pf_index`)))) {
      if (last !== undefined && compareWords(last, word.word) >= 0)
        throw new PagefindFormatError(`the words of ${part.dir} are out of order at "${word.word}"`);
      last = word.word;
      yield word;
    }
  }
}

/**
 * A word's pages in the joined numbering, metadata fields renumbered too; pages left out of the join (the
 * stand-in page) dropped. In place: the pages were just decoded for this join and nothing else holds them.
 */
function renumber(pages: WordPage[], part: Part): WordPage[] {
  let dropped = false;
  for (const entry of pages) {
    entry.page = part.numbers[entry.page] ?? -1;
    if (entry.page < 0) dropped = true;
    const meta = entry.metaLocations;
    for (let i = 0; i < meta.length; i++) {
      const location = meta[i] ?? 0;
      if (location < 0) meta[i] = -(part.fields[-location - 1] ?? 0) - 1;
    }
  }
  return dropped ? pages.filter(({ page }) => page >= 0) : pages;
}

const byPage = (a: WordPage, b: WordPage) => a.page - b.page;

/** Join `words` of several parts that are the same word into one. */
function joinWord(entries: Array<{ word: IndexWord; part: Part }>): IndexWord {
  const pages = entries.length === 1 ? renumber(entries[0]!.word.pages, entries[0]!.part) : entries.flatMap(({ word, part }) => renumber(word.pages, part));
  pages.sort(byPage);
  const variants = new Map<string, WordPage[]>();
  for (const { word, part } of entries) {
    for (const variant of word.variants) {
      const list = variants.get(variant.form);
      const renumbered = renumber(variant.pages, part);
      if (list) list.push(...renumbered);
      else variants.set(variant.form, renumbered);
    }
  }
  const word = entries[0]?.word.word ?? '';
  return { word, pages, variants: [...variants].sort(([a], [b]) => compareWords(a, b)).map(([form, list]) => ({ form, pages: list.sort(byPage) })) };
}

/** Pagefind's chunk ranges: each boundary trimmed to the shortest prefixes that still tell the two chunks apart. */
function chunkRanges(bounds: Array<{ from: string; to: string }>): Array<{ from: string; to: string }> {
  const ranges = bounds.map((bound) => ({ ...bound }));
  for (let i = 0; i + 1 < ranges.length; i++) {
    const left = ranges[i]!;
    const right = ranges[i + 1]!;
    const a = [...left.to];
    const b = [...right.from];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const aPrefix = a.slice(0, common + 1).join('');
    if (compareWords(aPrefix, left.from) >= 0) left.to = aPrefix;
    right.from = b.slice(0, common + 1).join('');
  }
  return ranges;
}

/** Join one language's index of several parts into `out`; gives its page count, index bytes and pages' texts. */
async function joinLanguage(
  language: string,
  dirs: string[],
  entries: Entry[],
  out: string,
  chunkSize: number,
): Promise<{ pages: number; bytes: number; metaName: string }> {
  const writer = new FileWriter();
  const parts: Part[] = dirs.map((dir, i) => ({ dir, meta: metaOf(dir, entries[i]!, language), numbers: [], fields: [] }));
  for (const part of parts) {
    if (part.meta.sorts.length > 0) throw new PagefindFormatError(`${part.dir} has sort orders (data-pagefind-sort), which the wiki does not join`);
  }

  // Pages in the order of their addresses; each fragment keeps its bytes and gets its name afresh.
  const allPages = parts.flatMap((part, partIndex) =>
    part.meta.pages.map((page, number) => {
      const file = join(part.dir, 'fragment', `${page.hash}.pf_fragment`);
      const { payload, url } = readFragment(file);
      return { partIndex, number, url, hash: pagefindHash(payload), file, wordCount: page.wordCount, extra: page.extra };
    }),
  );
  const standIn = `/${STAND_IN_FOLDER}/`;
  for (const part of parts) part.numbers = part.meta.pages.map(() => -1);
  const kept = allPages.filter((page) => page.url !== standIn);
  const pages = kept.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  pages.forEach((page, joined) => (parts[page.partIndex]!.numbers[page.number] = joined));
  const fragmentNames = shortNames(
    language,
    pages.map((page) => page.hash),
  );
  let bytes = 0;
  mkdirSync(join(out, 'fragment'), { recursive: true });
  pages.forEach((page, i) => {
    const target = join(out, 'fragment', `${fragmentNames[i]}.pf_fragment`);
    placeFragment(page.file, target);
    bytes += statSync(target).size;
  });

  const metaFields = [...new Set(parts.flatMap((part) => part.meta.metaFields))].sort(compareWords);
  for (const part of parts) part.fields = part.meta.metaFields.map((field) => metaFields.indexOf(field));

  // Words: a merge of the parts' sorted streams, chunked as Pagefind chunks them.
  mkdirSync(join(out, 'index'), { recursive: true });
  const streams = parts.map((part) => ({ part, words: wordsOf(part), next: undefined as IndexWord | undefined }));
  for (const stream of streams) stream.next = stream.words.next().value ?? undefined;
  const chunks: Array<{ from: string; to: string; hash: string }> = [];
  let chunk: IndexWord[] = [];
  let chunkLocations = 0;
  const chunkNames = new ShortNames(language);
  const flush = async () => {
    if (chunk.length === 0) return;
    const payload = encodeIndexChunk(chunk);
    const name = chunkNames.next(pagefindHash(payload));
    await writer.write(join(out, 'index', `${name}.pf_index`), payload);
    chunks.push({ from: chunk[0]?.word ?? '', to: chunk.at(-1)?.word ?? '', hash: name });
    chunk = [];
    chunkLocations = 0;
  };
  for (;;) {
    let smallest: string | undefined;
    for (const { next } of streams) if (next && (smallest === undefined || compareWords(next.word, smallest) < 0)) smallest = next.word;
    if (smallest === undefined) break;
    const same = streams.filter((stream) => stream.next?.word === smallest);
    const word = joinWord(same.map((stream) => ({ word: stream.next as IndexWord, part: stream.part })));
    for (const stream of same) stream.next = stream.words.next().value ?? undefined;
    if (word.pages.length === 0 && word.variants.every((variant) => variant.pages.length === 0)) continue;
    chunkLocations += word.pages.reduce((sum, page) => sum + page.locationCount + 1, 0);
    chunk.push(word);
    if (chunkLocations >= chunkSize) await flush();
  }
  await flush();

  // Filters: every part's values, page numbers joined.
  mkdirSync(join(out, 'filter'), { recursive: true });
  const filterValues = new Map<string, Map<string, number[]>>();
  for (const part of parts) {
    for (const { hash } of part.meta.filters) {
      const filter = decodeFilter(read(part.dir, join('filter', `${hash}.pf_filter`)));
      const values = filterValues.get(filter.name) ?? new Map<string, number[]>();
      for (const [value, numbers] of filter.values)
        values.set(value, [...(values.get(value) ?? []), ...numbers.map((n) => part.numbers[n] ?? -1).filter((n) => n >= 0)]);
      filterValues.set(filter.name, values);
    }
  }
  const filterPayloads = [...filterValues]
    .sort(([a], [b]) => compareWords(a, b))
    .map(([name, values]) => ({
      name,
      payload: encodeFilter(
        name,
        new Map([...values].sort(([a], [b]) => compareWords(a, b)).map(([value, numbers]) => [value, numbers.sort((x, y) => x - y)])),
      ),
    }));
  const filterNames = shortNames(
    language,
    filterPayloads.map(({ payload }) => pagefindHash(payload)),
  );
  const filters: Array<{ name: string; hash: string }> = [];
  for (const [i, { name, payload }] of filterPayloads.entries()) {
    await writer.write(join(out, 'filter', `${filterNames[i]}.pf_filter`), payload);
    filters.push({ name, hash: filterNames[i] ?? '' });
  }

  const meta = encodeMeta({
    version: parts[0]?.meta.version ?? '',
    pages: pages.map((page, i) => ({ hash: fragmentNames[i] ?? '', wordCount: page.wordCount, extra: page.extra })),
    chunks: chunkRanges(chunks).map((range, i) => ({ ...range, hash: chunks[i]?.hash ?? '' })),
    filters,
    sorts: [],
    metaFields,
  });
  const metaName = `${language}_${pagefindHash(meta).slice(0, language.length + 8)}`;
  await writer.write(join(out, `pagefind.${metaName}.pf_meta`), meta);
  await writer.done();
  return { pages: pages.length, bytes: bytes + writer.bytes, metaName };
}

/**
 * Join the Pagefind indexes in `dirs` (each a folder Pagefind wrote) into one in `out`, which must not exist
 * yet or be empty. Pagefind's scripts and styles are taken from the first.
 */
export async function joinSearchIndexes(dirs: readonly string[], out: string, chunkSize = CHUNK_SIZE): Promise<JoinedIndex> {
  if (dirs.length === 0) throw new PagefindFormatError('no index to join');
  const entries = dirs.map(readEntry);
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(dirs[0] ?? '')) {
    const path = join(dirs[0] ?? '', name);
    if (statSync(path).isFile() && !name.endsWith('.pf_meta') && name !== 'pagefind-entry.json') copyFileSync(path, join(out, name));
  }
  const languages = [...new Set(entries.flatMap((entry) => Object.keys(entry.languages)))].sort();
  const joined: Entry = {
    version: entries[0]?.version ?? '',
    languages: {},
    ...(entries[0]?.include_characters ? { include_characters: entries[0].include_characters } : {}),
  };
  let pages = 0;
  let indexBytes = 0;
  for (const language of languages) {
    const having = dirs.map((dir, i) => ({ dir, entry: entries[i]! })).filter(({ entry }) => entry.languages[language]);
    const result = await joinLanguage(
      language,
      having.map(({ dir }) => dir),
      having.map(({ entry }) => entry),
      out,
      chunkSize,
    );
    joined.languages[language] = { hash: result.metaName, wasm: having[0]?.entry.languages[language]?.wasm ?? null, page_count: result.pages };
    pages += result.pages;
    indexBytes += result.bytes;
  }
  await writeFile(join(out, 'pagefind-entry.json'), JSON.stringify(joined));
  return { pages, indexBytes };
}
