/**
 * The pre-pass, remembered across builds: each article's parse result kept
 * under a hash of its file name, its text and the code of the pre-pass itself
 * (`version`: its modules and the installed packages), so a rebuild parses only what changed. Saved with
 * `node:v8` serialization, which keeps dates, maps and sets as they were.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableParallelism } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { ARTICLE_EXTENSION } from '../model/ids.ts';
import { parseArticle, type ParseResult } from '../model/parse-article.ts';
import { askWorker } from '../build/worker.ts';

export type ArticleParser = (source: string, file: string) => ParseResult;

export interface CachedParser {
  parse: ArticleParser;
  /**
   * Parse, ahead of `parse`, the articles of `sources` (file → text) that the cache does not hold, on every
   * core: worker threads take their share while this thread parses the rest.
   */
  prefetch: (sources: ReadonlyMap<string, string>) => Promise<void>;
  /** Write the results used by this build (entries of deleted or changed files are dropped). */
  save: () => void;
  stats: () => { hits: number; misses: number };
}

function readCache(file: string): Map<string, ParseResult> {
  try {
    const value: unknown = deserialize(readFileSync(file));
    return value instanceof Map ? (value as Map<string, ParseResult>) : new Map();
  } catch {
    // No cache yet, or one from another Node version: parse everything.
    return new Map();
  }
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

/** Parse `items` in a worker thread (prepass-worker.ts). */
function parseInWorker(items: Array<[file: string, source: string]>): Promise<ParseResult[]> {
  return askWorker(new URL('./prepass-worker.ts', import.meta.url), items);
}

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
  const keyOf = (source: string, file: string) => createHash('sha256').update(version).update('\0').update(file).update('\0').update(source).digest('hex');
  /** Parsed by `prefetch` in this build: not hits. */
  const prefetched = new Map<string, ParseResult>();
  return {
    parse: (source, file) => {
      const key = keyOf(source, file);
      const known = previous.get(key);
      if (known) hits++;
      const result = known ?? prefetched.get(key) ?? parseOwned(source, file);
      used.set(key, result);
      return result;
    },
    prefetch: async (sources) => {
      const missing: Array<[key: string, file: string, source: string]> = [];
      for (const [file, source] of sources) {
        if (!file.endsWith(ARTICLE_EXTENSION)) continue;
        const key = keyOf(source, file);
        if (!previous.has(key)) missing.push([key, file, source]);
      }
      const workers = workerCount(missing.length);
      if (workers === 0) return;
      // Contiguous shares, the main thread's last, so that each thread parses similar amounts of text.
      const share = Math.ceil(missing.length / (workers + 1));
      const jobs = Array.from({ length: workers }, (_, i) => missing.slice(i * share, (i + 1) * share));
      const pending = jobs.map((job) => parseInWorker(job.map(([, file, source]) => [file, source])));
      for (const [key, file, source] of missing.slice(workers * share)) prefetched.set(key, parseOwned(source, file));
      const results = await Promise.all(pending);
      jobs.forEach((job, j) => job.forEach(([key], i) => prefetched.set(key, results[j]![i]!)));
    },
    save: () => {
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, serialize(used));
    },
    stats: () => ({ hits, misses: used.size - hits }),
  };
}
