/**
 * Writes the title index (src/shared/title-index.ts) into the built site, `search-titles/`: every
 * article's title, id and aliases with the number of articles that link to it, in pieces by first
 * letters. Written once the pages are generated (src/astro/integration.ts), by the part of the build that writes
 * the site's own pages (a whole build, or the first shard, whose files a merge keeps); `astro dev` serves the
 * same files from src/pages/search-titles/[file].json.ts. They are fetched only by search and the 404 page
 * (src/client/search-titles.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackgroundWrites } from '../build/background-writes.ts';
import type { WikiData } from '../model/wiki-data.ts';
import { pieceFile, planPieces, TITLE_INDEX_DIR, TITLE_MANIFEST, type TitleManifest, type TitleRow } from '../shared/title-index.ts';

/** Each article as the index stores it; `links` counts the distinct articles that link to it. */
export function titleRows(data: Pick<WikiData, 'pages' | 'backlinks'>): TitleRow[] {
  return Object.values(data.pages)
    .map((page): TitleRow => [page.id, page.title, new Set((data.backlinks[page.id] ?? []).map((link) => link.from)).size, ...page.aliases])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

export interface TitleIndexReport {
  articles: number;
  pieces: number;
  bytes: number;
}

const folderIn = (outDir: string) => join(outDir, TITLE_INDEX_DIR);

/** The files of the title index of `data`: file name → JSON, `index.json` (`TITLE_MANIFEST`) among them. */
export function titleIndexFiles(data: Pick<WikiData, 'pages' | 'backlinks'>): Map<string, string> {
  const plan = planPieces(titleRows(data));
  const files = new Map<string, string>();
  for (const [prefix, rows] of plan.pieces) files.set(pieceFile('piece', prefix), JSON.stringify(rows));
  for (const [prefix, rows] of plan.tops) files.set(pieceFile('top', prefix), JSON.stringify(rows));
  const version = createHash('sha1');
  for (const [file, json] of files) version.update(file).update('\0').update(json).update('\0');
  const manifest: TitleManifest = { version: version.digest('hex').slice(0, 12), pieces: [...plan.pieces.keys()], tops: [...plan.tops.keys()] };
  files.set(TITLE_MANIFEST, JSON.stringify(manifest));
  return files;
}

/**
 * Write the title index of `data` into the site at `outDir`, replacing any from an earlier build, in the
 * background (src/build/background-writes.ts): the build's last step waits for the files.
 */
export function writeTitleIndex(writes: BackgroundWrites, outDir: string, data: Pick<WikiData, 'pages' | 'backlinks'>): TitleIndexReport {
  const folder = folderIn(outDir);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const files = titleIndexFiles(data);
  let bytes = 0;
  for (const [file, json] of files) {
    writes.write(join(folder, file), json);
    bytes += Buffer.byteLength(json);
  }
  return { articles: Object.keys(data.pages).length, pieces: files.size - 1, bytes };
}

/** Every row of the title index written in the site at `outDir` (none when there is none), for the vocabulary. */
export function readTitleRows(outDir: string): TitleRow[] {
  const folder = folderIn(outDir);
  let manifest: TitleManifest;
  try {
    manifest = JSON.parse(readFileSync(join(folder, TITLE_MANIFEST), 'utf8')) as TitleManifest;
  } catch {
    return [];
  }
  const rows = new Map<string, TitleRow>();
  for (const prefix of manifest.pieces) {
    for (const row of JSON.parse(readFileSync(join(folder, pieceFile('piece', prefix)), 'utf8')) as TitleRow[]) rows.set(row[0], row);
  }
  return [...rows.values()];
}
