/**
 * The pre-pass, remembered across builds: each article's parse result kept
 * under a hash of its file name, its text and the code of the pre-pass itself
 * (its modules and the installed packages), so a rebuild parses only what changed. Saved with
 * `node:v8` serialization, which keeps dates, maps and sets as they were.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { parseArticle, type ParseResult } from './parse-article.ts';

export type ArticleParser = (source: string, file: string) => ParseResult;

export interface CachedParser {
  parse: ArticleParser;
  /** Write the results used by this build (entries of deleted or changed files are dropped). */
  save: () => void;
  stats: () => { hits: number; misses: number };
}

/** The modules of the pre-pass (parse-article.ts and what it imports): a change to any starts the cache afresh. */
const PREPASS_MODULES = ['parse-article.ts', 'references.ts', 'schema.ts', 'unsafe-content.ts', 'wiki-link-node.ts', 'diagnostics.ts'];

/** A hash of the pre-pass's code and of the installed packages (package-lock.json beside src/, when there is one). */
function codeVersion(libDir: string): string {
  const hash = createHash('sha256');
  const files = [...PREPASS_MODULES.map((name) => join(libDir, name)), join(libDir, '../../package-lock.json')];
  for (const file of files) if (existsSync(file)) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
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

/** `parseArticle`, with results kept in `cacheFile` between builds. */
export function cachedParser(cacheFile: string, libDir = dirname(fileURLToPath(import.meta.url))): CachedParser {
  const version = codeVersion(libDir);
  const previous = readCache(cacheFile);
  const used = new Map<string, ParseResult>();
  let hits = 0;
  return {
    parse: (source, file) => {
      const key = createHash('sha256').update(version).update('\0').update(file).update('\0').update(source).digest('hex');
      const known = previous.get(key);
      if (known) hits++;
      const result = known ?? parseArticle(source, file);
      used.set(key, result);
      return result;
    },
    save: () => {
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, serialize(used));
    },
    stats: () => ({ hits, misses: used.size - hits }),
  };
}
