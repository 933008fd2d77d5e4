/**
 * Pagefind's index files, read and written: the format of Pagefind 1.6 (https://pagefind.app), which writes each
 * file as gzip of the signature `pagefind_dcd` followed by CBOR (minicbor's derived encoding: every struct a
 * definite-length array of its fields). Only what the wiki needs to join indexes (src/postbuild/search-bundle.ts)
 * is typed; fields it does not need are carried as they are.
 *
 * The layout, as Pagefind 1.6 writes it (pagefind/src/index/*.rs):
 * - `pagefind.<lang>_<hash>.pf_meta`: [version, pages: [[hash, word count, extra]], chunks: [[from, to, hash]],
 *   filters: [[name, hash]], sorts: [[name, page numbers]], meta fields: [name]]
 * - `index/<lang>_<hash>.pf_index`: [[[word, pages, variants]]], each page [page number, locations, meta
 *   locations], page numbers delta-encoded within a word; a variant [form, pages] likewise
 * - `filter/<lang>_<hash>.pf_filter`: [name, [[value, page numbers]]]
 * - `fragment/<lang>_<hash>.pf_fragment`: the page's JSON (url, content, meta, …)
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

/** The version of Pagefind whose format this module reads and writes. */
export const PAGEFIND_FORMAT_VERSION = '1.6.0';

/** What every file starts with, once decompressed. */
export const PAGEFIND_SIGNATURE = Buffer.from('pagefind_dcd');

/**
 * The level the files the wiki writes (the joined index's words, filters and metadata) are compressed at: zlib's
 * default. Pagefind uses the best level (flate2's `Compression::best()`), which at 10,000 articles took 6.9 s of
 * CPU for the index's 405 word files against 1.75 s, for 0.9% fewer bytes (21.97 against 22.17 MB; the metadata
 * 0.3%): the join of a 10,000-article index fell from 8.7–9.6 s to 4.4–5.1 s.
 */
export const PAGEFIND_GZIP = { level: 6 };

/** The values Pagefind's files hold. */
export type Cbor = number | string | Cbor[];

export class PagefindFormatError extends Error {
  constructor(message: string) {
    super(`search index: ${message}`);
    this.name = 'PagefindFormatError';
  }
}

// --- CBOR: unsigned and negative integers, text strings, definite-length arrays (all minicbor writes here) ---

/**
 * CBOR written into a growing byte array in place: the index of a big wiki is megabytes of small items, and
 * pushing numbers onto a JavaScript array costs more than the rest of the join together.
 */
class CborWriter {
  private bytes = new Uint8Array(4096);
  private at = 0;
  private readonly encoder = new TextEncoder();

  private room(size: number): void {
    if (this.at + size <= this.bytes.length) return;
    const larger = new Uint8Array(Math.max(this.bytes.length * 2, this.at + size));
    larger.set(this.bytes.subarray(0, this.at));
    this.bytes = larger;
  }

  head(major: number, length: number): void {
    this.room(5);
    const bytes = this.bytes;
    if (length < 24) bytes[this.at++] = (major << 5) | length;
    else if (length < 0x100) {
      bytes[this.at++] = (major << 5) | 24;
      bytes[this.at++] = length;
    } else if (length < 0x10000) {
      bytes[this.at++] = (major << 5) | 25;
      bytes[this.at++] = length >> 8;
      bytes[this.at++] = length & 0xff;
    } else if (length < 0x100000000) {
      bytes[this.at++] = (major << 5) | 26;
      bytes[this.at++] = (length >>> 24) & 0xff;
      bytes[this.at++] = (length >> 16) & 0xff;
      bytes[this.at++] = (length >> 8) & 0xff;
      bytes[this.at++] = length & 0xff;
    } else throw new PagefindFormatError(`a number too large for the index: ${length}`);
  }

  integer(item: number): void {
    if (!Number.isInteger(item)) throw new PagefindFormatError(`the index holds only whole numbers, not ${item}`);
    if (item >= 0) this.head(0, item);
    else this.head(1, -1 - item);
  }

  text(item: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit; the head is written once the length is known.
    this.room(5 + item.length * 3);
    const start = this.at;
    const length = this.encoder.encodeInto(item, this.bytes.subarray(start + 5)).written;
    this.head(3, length);
    this.bytes.copyWithin(this.at, start + 5, start + 5 + length);
    this.at += length;
  }

  /** Bytes `from` to `to` of `source`, already CBOR, as they are (copied one by one: the lists are short). */
  raw(source: Uint8Array, from: number, to: number): void {
    this.room(to - from);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = from; i < to; i++) bytes[at++] = source[i] ?? 0;
    this.at = at;
  }

  value(item: Cbor): void {
    if (typeof item === 'number') this.integer(item);
    else if (typeof item === 'string') this.text(item);
    else {
      this.head(4, item.length);
      for (const element of item) this.value(element);
    }
  }

  done(): Buffer {
    return Buffer.from(this.bytes.buffer, 0, this.at);
  }
}

export function encodeCbor(value: Cbor): Buffer {
  const writer = new CborWriter();
  writer.value(value);
  return writer.done();
}

/** CBOR read in place, item by item, for the index chunks: their word locations are skipped over, not built. */
class CborReader {
  at = 0;
  private readonly buffer: Uint8Array;
  constructor(buffer: Uint8Array) {
    this.buffer = buffer;
  }

  /** The last item's major type and its number or length, as `head` read them (fields, not an object per item). */
  major = 0;
  value = 0;

  /** Read the next item's head into `major` and `value`. */
  head(): void {
    const initial = this.buffer[this.at++];
    if (initial === undefined) throw new PagefindFormatError('the file ends in the middle of a value');
    this.major = initial >> 5;
    const info = initial & 0x1f;
    if (info < 24) {
      this.value = info;
      return;
    }
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new PagefindFormatError(`unexpected CBOR length marker ${info} at byte ${this.at - 1}`);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + (this.buffer[this.at++] ?? 0);
    this.value = value;
  }

  array(what: string): number {
    this.head();
    const { major, value } = this;
    if (major !== 4) throw new PagefindFormatError(`${what} is not a list as Pagefind ${PAGEFIND_FORMAT_VERSION} writes it`);
    return value;
  }

  integer(what: string): number {
    this.head();
    const { major, value } = this;
    if (major === 0) return value;
    if (major === 1) return -1 - value;
    throw new PagefindFormatError(`${what} is not a number as Pagefind ${PAGEFIND_FORMAT_VERSION} writes it`);
  }

  text(what: string): string {
    this.head();
    const { major, value } = this;
    if (major !== 3) throw new PagefindFormatError(`${what} is not text as Pagefind ${PAGEFIND_FORMAT_VERSION} writes it`);
    const text = Buffer.from(this.buffer.buffer, this.buffer.byteOffset + this.at, value).toString('utf8');
    this.at += value;
    return text;
  }

  /** Past the next item, whatever it holds. */
  skip(): void {
    this.head();
    const { major, value } = this;
    if (major === 0 || major === 1) return;
    if (major === 3) this.at += value;
    else if (major === 4) for (let i = 0; i < value; i++) this.skip();
    else throw new PagefindFormatError(`CBOR major type ${major} is not part of Pagefind ${PAGEFIND_FORMAT_VERSION}'s index`);
  }

  /** The next item, whole. */
  item(): Cbor {
    this.head();
    const { major, value } = this;
    switch (major) {
      case 0:
        return value;
      case 1:
        return -1 - value;
      case 3: {
        const text = Buffer.from(this.buffer.buffer, this.buffer.byteOffset + this.at, value).toString('utf8');
        this.at += value;
        return text;
      }
      case 4: {
        const items: Cbor[] = [];
        for (let i = 0; i < value; i++) items.push(this.item());
        return items;
      }
      default:
        throw new PagefindFormatError(`CBOR major type ${major} is not part of Pagefind ${PAGEFIND_FORMAT_VERSION}'s index`);
    }
  }

  /** What is being read. */
  get source(): Uint8Array {
    return this.buffer;
  }

  get ended(): boolean {
    return this.at >= this.buffer.length;
  }
}

export function decodeCbor(buffer: Uint8Array): Cbor {
  const reader = new CborReader(buffer);
  const value = reader.item();
  if (!reader.ended) throw new PagefindFormatError(`${buffer.length - reader.at} bytes left after the value`);
  return value;
}

// --- files ---

/** The payload of one of Pagefind's files (gzip, signature, then the data). */
export function readPagefindFile(bytes: Uint8Array, name: string): Buffer {
  const data = gunzipSync(bytes);
  if (!data.subarray(0, PAGEFIND_SIGNATURE.length).equals(PAGEFIND_SIGNATURE))
    throw new PagefindFormatError(`${name} is not a Pagefind ${PAGEFIND_FORMAT_VERSION} file`);
  return data.subarray(PAGEFIND_SIGNATURE.length);
}

/** Pagefind's content hash: SHA-1 in hex, each byte written without a leading zero (`format!("{:x?}")`). */
export function pagefindHash(bytes: Uint8Array): string {
  return [...createHash('sha1').update(bytes).digest()].map((byte) => byte.toString(16)).join('');
}

/**
 * Short names for hashed files, as Pagefind gives them: `<lang>_` and the first seven characters of the hash,
 * one more for as long as the name is taken by another file. Named one at a time, in the order of the files.
 */
export class ShortNames {
  private readonly taken = new Map<string, string>();
  private readonly language: string;
  constructor(language: string) {
    this.language = language;
  }

  next(hash: string): string {
    const full = `${this.language}_${hash}`;
    let length = this.language.length + 8;
    let name = full.slice(0, length);
    while (this.taken.has(name) && this.taken.get(name) !== full && length < full.length) name = full.slice(0, ++length);
    this.taken.set(name, full);
    return name;
  }
}

/** Short names of `hashes`, in their order (ShortNames). */
export function shortNames(language: string, hashes: readonly string[]): string[] {
  const names = new ShortNames(language);
  return hashes.map((hash) => names.next(hash));
}

// --- structures ---

export interface MetaPage {
  /** The name of the page's fragment (`en_1a2b3c4`). */
  hash: string;
  wordCount: number;
  /** A field Pagefind 1.6 writes after the word count, carried as it is. */
  extra: Cbor;
}

export interface MetaIndex {
  version: string;
  pages: MetaPage[];
  chunks: Array<{ from: string; to: string; hash: string }>;
  filters: Array<{ name: string; hash: string }>;
  sorts: Array<{ name: string; pages: number[] }>;
  metaFields: string[];
}

export interface WordPage {
  page: number;
  /**
   * Word positions with weight markers: the CBOR of the list as Pagefind wrote it, bytes `locationsFrom` to
   * `locationsTo` of `source` (the chunk read), carried as they are: a join never changes them, and building them
   * as numbers (or even a view per list) made half of a join's work for the garbage collector.
   */
  source: Uint8Array;
  locationsFrom: number;
  locationsTo: number;
  /** How many items `locations` holds: Pagefind sizes its chunks by them. */
  locationCount: number;
  /** Positions in metadata fields: `-(field + 1)` starts a field (an index into `metaFields`), then positions. */
  metaLocations: number[];
}

export interface IndexWord {
  word: string;
  pages: WordPage[];
  variants: Array<{ form: string; pages: WordPage[] }>;
}

const asArray = (value: Cbor | undefined, what: string): Cbor[] => {
  if (!Array.isArray(value)) throw new PagefindFormatError(`${what} is not a list as Pagefind ${PAGEFIND_FORMAT_VERSION} writes it`);
  return value;
};
const asString = (value: Cbor | undefined, what: string): string => {
  if (typeof value !== 'string') throw new PagefindFormatError(`${what} is not text as Pagefind ${PAGEFIND_FORMAT_VERSION} writes it`);
  return value;
};
const asNumber = (value: Cbor | undefined, what: string): number => {
  if (typeof value !== 'number') throw new PagefindFormatError(`${what} is not a number as Pagefind ${PAGEFIND_FORMAT_VERSION} writes it`);
  return value;
};

export function decodeMeta(payload: Uint8Array): MetaIndex {
  const [version, pages, chunks, filters, sorts, metaFields] = asArray(decodeCbor(payload), 'the metadata');
  const versionText = asString(version, 'the version');
  if (versionText !== PAGEFIND_FORMAT_VERSION) {
    throw new PagefindFormatError(
      `the index was written by Pagefind ${versionText}, and the wiki joins indexes of Pagefind ${PAGEFIND_FORMAT_VERSION} only: keep the pagefind package at ${PAGEFIND_FORMAT_VERSION}, or update src/postbuild/pagefind-format.ts to the new version's format`,
    );
  }
  return {
    version: versionText,
    pages: asArray(pages, 'the pages').map((page) => {
      const [hash, wordCount, extra = ''] = asArray(page, 'a page');
      return { hash: asString(hash, 'a page hash'), wordCount: asNumber(wordCount, 'a word count'), extra };
    }),
    chunks: asArray(chunks, 'the chunks').map((chunk) => {
      const [from, to, hash] = asArray(chunk, 'a chunk');
      return { from: asString(from, 'a chunk start'), to: asString(to, 'a chunk end'), hash: asString(hash, 'a chunk hash') };
    }),
    filters: asArray(filters, 'the filters').map((filter) => {
      const [name, hash] = asArray(filter, 'a filter');
      return { name: asString(name, 'a filter name'), hash: asString(hash, 'a filter hash') };
    }),
    sorts: asArray(sorts, 'the sorts').map((sort) => {
      const [name, pages] = asArray(sort, 'a sort');
      return { name: asString(name, 'a sort name'), pages: asArray(pages, 'sorted pages').map((page) => asNumber(page, 'a page number')) };
    }),
    metaFields: asArray(metaFields ?? [], 'the metadata fields').map((field) => asString(field, 'a metadata field')),
  };
}

export function encodeMeta(meta: MetaIndex): Buffer {
  return encodeCbor([
    meta.version,
    meta.pages.map((page) => [page.hash, page.wordCount, page.extra]),
    meta.chunks.map((chunk) => [chunk.from, chunk.to, chunk.hash]),
    meta.filters.map((filter) => [filter.name, filter.hash]),
    meta.sorts.map((sort) => [sort.name, sort.pages]),
    meta.metaFields,
  ]);
}

/** Pages of a word, with their numbers made absolute (Pagefind stores each as the difference from the one before). */
function readWordPages(reader: CborReader, what: string): WordPage[] {
  const count = reader.array(what);
  const pages: WordPage[] = [];
  let page = 0;
  for (let i = 0; i < count; i++) {
    const fields = reader.array(what);
    if (fields < 2) throw new PagefindFormatError(`${what} has ${fields} fields, not Pagefind ${PAGEFIND_FORMAT_VERSION}'s 3`);
    page += reader.integer('a page number');
    const locationsFrom = reader.at;
    const locationCount = reader.array('word locations');
    reader.at = locationsFrom;
    reader.skip();
    const locationsTo = reader.at;
    const metaLocations: number[] = [];
    if (fields > 2) {
      const metaCount = reader.array('metadata locations');
      for (let m = 0; m < metaCount; m++) metaLocations.push(reader.integer('a location'));
    }
    for (let extra = 3; extra < fields; extra++) reader.skip();
    pages.push({ page, source: reader.source, locationsFrom, locationsTo, locationCount, metaLocations });
  }
  return pages;
}

function writeWordPages(writer: CborWriter, pages: readonly WordPage[]): void {
  writer.head(4, pages.length);
  let previous = 0;
  for (const { page, source, locationsFrom, locationsTo, metaLocations } of pages) {
    writer.head(4, 3);
    writer.integer(page - previous);
    writer.raw(source, locationsFrom, locationsTo);
    writer.head(4, metaLocations.length);
    for (const location of metaLocations) writer.integer(location);
    previous = page;
  }
}

export function decodeIndexChunk(payload: Uint8Array): IndexWord[] {
  const reader = new CborReader(payload);
  const fields = reader.array('an index chunk');
  if (fields < 1) throw new PagefindFormatError('an index chunk holds no word list');
  const count = reader.array('the words');
  const words: IndexWord[] = [];
  for (let i = 0; i < count; i++) {
    const wordFields = reader.array('a word');
    const word = reader.text('a word');
    const pages = readWordPages(reader, 'the pages of a word');
    const variants: IndexWord['variants'] = [];
    if (wordFields > 2) {
      const variantCount = reader.array('the variants of a word');
      for (let v = 0; v < variantCount; v++) {
        const variantFields = reader.array('a variant');
        const form = reader.text('a variant');
        variants.push({ form, pages: readWordPages(reader, 'the pages of a variant') });
        for (let extra = 2; extra < variantFields; extra++) reader.skip();
      }
    }
    for (let extra = 3; extra < wordFields; extra++) reader.skip();
    words.push({ word, pages, variants });
  }
  for (let extra = 1; extra < fields; extra++) reader.skip();
  if (!reader.ended) throw new PagefindFormatError(`${payload.length - reader.at} bytes left after the index chunk`);
  return words;
}

export function encodeIndexChunk(words: readonly IndexWord[]): Buffer {
  const writer = new CborWriter();
  writer.head(4, 1);
  writer.head(4, words.length);
  for (const word of words) {
    writer.head(4, 3);
    writer.text(word.word);
    writeWordPages(writer, word.pages);
    writer.head(4, word.variants.length);
    for (const variant of word.variants) {
      writer.head(4, 2);
      writer.text(variant.form);
      writeWordPages(writer, variant.pages);
    }
  }
  return writer.done();
}

export function decodeFilter(payload: Uint8Array): { name: string; values: Map<string, number[]> } {
  const [name, values] = asArray(decodeCbor(payload), 'a filter');
  return {
    name: asString(name, 'a filter name'),
    values: new Map(
      asArray(values, 'filter values').map((entry) => {
        const [value, pages] = asArray(entry, 'a filter value');
        return [asString(value, 'a filter value'), asArray(pages, 'filtered pages').map((page) => asNumber(page, 'a page number'))];
      }),
    ),
  };
}

export function encodeFilter(name: string, values: ReadonlyMap<string, readonly number[]>): Buffer {
  return encodeCbor([name, [...values].map(([value, pages]) => [value, [...pages]])]);
}

/** The words' order in Pagefind's index: Rust's `String` order, byte by byte in UTF-8, which is code point order. */
export function compareWords(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
