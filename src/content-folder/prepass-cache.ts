/**
 * The pre-pass, remembered across builds: each article's parse result kept
 * under a hash of its file name, its text and the code of the pre-pass itself
 * (`version`: its modules and the installed packages), so a rebuild parses only what changed. Saved with
 * `node:v8` serialization, which keeps dates, maps and sets as they were.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableParallelism } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { ARTICLE_EXTENSION } from '../model/ids.ts';
import { parseArticle, type ParseResult } from '../model/parse-article.ts';
import { sharePieces, startWorker } from '../build/worker.ts';

export type ArticleParser = (source: string, file: string) => ParseResult;

export interface CachedParser {
  parse: ArticleParser;
  /**
   * Parse every article of `sources` (file → text): from the cache, or on every core (worker threads take pieces
   * while this thread parses others). Each article's text is taken out of `sources` (left as `''`) as soon as its
   * result is known, so that a big wiki's texts and their results are never all held at once: at 50,000 articles,
   * ~500 MB of texts. Returns the parser for the page index, which finds these articles' results by their file.
   */
  parseAll: (sources: Map<string, string>) => Promise<ArticleParser>;
  /** Write the results used by this build (entries of deleted or changed files are dropped), unless the file holds just these. */
  save: () => void;
  stats: () => { hits: number; misses: number };
}

/**
 * The cache file: this line, then one record per article, each its length (4 bytes) and `[key, result]` through
 * V8's serializer. Records, not one serialized map, so that it is written a piece at a time: the map of 50,000
 * articles serialized at once was a buffer of 400 MB beside the results themselves.
 */
const HEADER = Buffer.from('wiki-prepass 2\n');

function readCache(file: string): Map<string, ParseResult> {
  const cache = new Map<string, ParseResult>();
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const header = Buffer.alloc(HEADER.length);
    if (readSync(fd, header) !== HEADER.length || !header.equals(HEADER)) return cache;
    // A record at a time, not the whole file at once: at 50,000 articles the file is some 400 MB, which would be
    // held beside the results read from it.
    const length = Buffer.alloc(4);
    let record = Buffer.alloc(1 << 16);
    while (readSync(fd, length) === 4) {
      const size = length.readUInt32LE(0);
      if (record.length < size) record = Buffer.alloc(Math.max(size, record.length * 2));
      if (readSync(fd, record, 0, size, null) !== size) throw new Error('the cache file ends inside a record');
      const [key, result] = deserialize(record.subarray(0, size)) as [string, ParseResult];
      cache.set(key, result);
    }
    return cache;
  } catch {
    // No cache yet, one from another Node version, or a damaged one: parse everything.
    return new Map();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write `entries` as the cache file, through a file beside it, so that an interrupted build leaves the last one. */
function writeCache(file: string, entries: Map<string, ParseResult>): void {
  writeRecords(
    file,
    (function* () {
      for (const entry of entries) yield serialize(entry);
    })(),
  );
}

/** Write the cache file from its records, each `[key, result]` through V8's serializer. */
function writeRecords(file: string, records: Iterable<Buffer>): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    let pending: Buffer[] = [HEADER];
    let bytes = HEADER.length;
    const flush = () => {
      writeSync(fd, Buffer.concat(pending, bytes));
      pending = [];
      bytes = 0;
    };
    for (const record of records) {
      const length = Buffer.alloc(4);
      length.writeUInt32LE(record.length);
      pending.push(length, record);
      bytes += 4 + record.length;
      if (bytes > 4 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** An article's key in the cache: its file name, its text and the pre-pass's code. */
function cacheKey(version: string, file: string, source: string): string {
  return createHash('sha256').update(version).update('\0').update(file).update('\0').update(source).digest('hex');
}

/**
 * `parseArticle`, its result holding strings of its own. Parsed in this thread, a result's strings (link targets,
 * headings, the lead) are slices of the article's text, and V8 keeps the whole text alive for each slice: at
 * 10,000 articles, 100 MB of texts nothing reads again, for the whole build. A copy through V8's serializer
 * (as a worker's results and the cache's come) owns its strings; it costs ~50 µs an article.
 */
function parseOwned(source: string, file: string): ParseResult {
  return deserialize(serialize(parseArticle(source, file))) as ParseResult;
}

/** Below this many articles to parse per thread, starting a worker (~0.7 s to load the parser) costs more than it saves (~1 ms an article). */
const MIN_ARTICLES_PER_WORKER = 1000;

/**
 * Articles parsed per request to a worker, and by this thread between looks at the workers' replies (~0.1 s of
 * parsing): small enough that a worker holds little and this thread hands out the next piece in time.
 */
const PIECE = 100;

/** How many worker threads share a pre-pass of `count` articles with the main thread. */
export function workerCount(count: number, cores = availableParallelism()): number {
  return Math.max(0, Math.min(cores - 1, Math.floor(count / MIN_ARTICLES_PER_WORKER) - 1, 3));
}

/**
 * `parseArticle`, with results kept in `cacheFile` between builds. `version`: the digest of the pre-pass's code
 * (src/build/caches.ts), part of every key, so that results of other code are never used.
 */
export function cachedParser(cacheFile: string, version: string): CachedParser {
  const previous = readCache(cacheFile);
  const used = new Map<string, ParseResult>();
  let hits = 0;
  const keyOf = (source: string, file: string) => cacheKey(version, file, source);
  const parse: ArticleParser = (source, file) => {
    const key = keyOf(source, file);
    const known = previous.get(key);
    if (known) hits++;
    const result = known ?? parseOwned(source, file);
    used.set(key, result);
    return result;
  };
  return {
    parse,
    parseAll: async (sources) => {
      /** The results of `parseAll`'s articles by file, with their keys. */
      const byFile = new Map<string, { key: string; result: ParseResult; hit: boolean }>();
      const done = (key: string, file: string, result: ParseResult, hit = false) => {
        byFile.set(file, { key, result, hit });
        sources.set(file, '');
      };
      const missing: Array<[key: string, file: string]> = [];
      for (const [file, source] of sources) {
        if (!file.endsWith(ARTICLE_EXTENSION)) continue;
        const key = keyOf(source, file);
        const known = previous.get(key);
        if (known) done(key, file, known, true);
        else missing.push([key, file]);
      }
      await parseMissing(missing, sources, workerCount(missing.length), parseOwned, done);
      return (source, file) => {
        const found = byFile.get(file);
        if (!found) return parse(source, file);
        if (found.hit) hits++;
        used.set(found.key, found.result);
        return found.result;
      };
    },
    // Not written again when it would hold the same results: a rebuild with nothing changed, or a build whose
    // articles `npm run build` read ahead into it (src/build/prepass-ahead.ts).
    save: () => {
      if (used.size !== previous.size || [...used.keys()].some((key) => !previous.has(key))) writeCache(cacheFile, used);
    },
    stats: () => ({ hits, misses: used.size - hits }),
  };
}

/**
 * The read ahead's pre-pass (src/build/prepass-ahead.ts): parse every article of `sources` (file → text) that the
 * cache at `cacheFile` lacks, and write the cache with every article's result, unless it holds just these. Only
 * the file is wanted here, so each result goes through V8's serializer once, into its record, and is let go:
 * `cachedParser`, whose results are used, copies each through the serializer to own its strings, holds it, and
 * serializes it again for the file. Texts are taken out of `sources` as they are parsed, as `parseAll` does.
 * `workers`: worker threads beside this one (by default, as `parseAll` starts them: for large wikis).
 */
export async function fillCache(cacheFile: string, version: string, sources: Map<string, string>, workers?: number): Promise<void> {
  const previous = readCache(cacheFile);
  const records: Buffer[] = [];
  const missing: Array<[key: string, file: string]> = [];
  let kept = 0;
  for (const [file, source] of sources) {
    if (!file.endsWith(ARTICLE_EXTENSION)) continue;
    const key = cacheKey(version, file, source);
    const known = previous.get(key);
    if (known) {
      records.push(serialize([key, known]));
      kept++;
      sources.set(file, '');
    } else missing.push([key, file]);
  }
  if (missing.length === 0 && kept === previous.size) return;
  await parseMissing(missing, sources, workers ?? workerCount(missing.length), parseArticle, (key, file, result) => {
    records.push(serialize([key, result]));
    sources.set(file, '');
  });
  writeRecords(cacheFile, records);
}

/**
 * Parse the `missing` articles of `sources` on every core: pieces handed out in order to whichever thread is free,
 * `workers` worker threads (whose results come through V8's serializer, owning their strings) and this one
 * (`here`). `parsed` gets each result.
 */
async function parseMissing(
  missing: ReadonlyArray<[key: string, file: string]>,
  sources: ReadonlyMap<string, string>,
  workers: number,
  here: (source: string, file: string) => ParseResult,
  parsed: (key: string, file: string, result: ParseResult) => void,
): Promise<void> {
  const threads = Array.from({ length: workers }, () =>
    startWorker<Array<[file: string, source: string]>, ParseResult[]>(new URL('./prepass-worker.ts', import.meta.url)),
  );
  try {
    await sharePieces(
      missing.length,
      PIECE,
      threads,
      async (worker, start, end) => {
        const items = missing.slice(start, end);
        const results = await worker.ask(items.map(([, file]) => [file, sources.get(file) ?? '']));
        items.forEach(([key, file], i) => parsed(key, file, results[i]!));
      },
      (start, end) => {
        for (const [key, file] of missing.slice(start, end)) parsed(key, file, here(sources.get(file) ?? '', file));
      },
    );
  } finally {
    for (const thread of threads) thread.end();
  }
}
