/**
 * The history the last build read, kept in the cache folder (`WIKI_CACHE_DIR/wiki-history.bin`): the commits of
 * the content folder up to the HEAD it saw, and the word diffs it made, by the pair of texts compared. Commits
 * and diffs never change, so a build reads only the commits made since and compares only new pairs. Keyed by
 * the content folder and the digest of the code that reads history (src/build/caches.ts). Saved with `node:v8`.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LoggedCommit } from '../model/history.ts';
import type { LatestChange } from './wiki-history.ts';

export interface HistoryCacheData {
  /** The content folder and the code's digest: a cache of another folder or other code is not used. */
  key: string;
  head: string | undefined;
  commits: LoggedCommit[];
  /** `<blob before>:<blob after>` → what the history page shows of that change. */
  diffs: Map<string, LatestChange>;
}

export function readHistoryCache(file: string, key: string): HistoryCacheData {
  try {
    const value = deserialize(readFileSync(file)) as Partial<HistoryCacheData>;
    if (value.key === key && Array.isArray(value.commits) && value.diffs instanceof Map)
      return { key, head: value.head, commits: value.commits, diffs: value.diffs };
  } catch {
    // No cache yet, one of another Node version, or a broken file: read the history whole.
  }
  return { key, head: undefined, commits: [], diffs: new Map() };
}

/** Write the cache whole, then put it in place, so that two builds never leave half a file. */
export function writeHistoryCache(file: string, data: HistoryCacheData): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize(data));
  renameSync(temporary, file);
}
