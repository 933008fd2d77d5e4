/**
 * Writes the title index (src/shared/title-index.ts) into the built site, `search-titles/`: every
 * article's title, id and aliases with the number of articles that link to it, in pieces by first
 * letters. Called once the pages are generated (src/astro/integration.ts); `astro dev` serves the same
 * files from src/pages/search-titles/[file].ts. They are fetched only by search and the 404 page
 * (src/client/search-titles.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WikiData } from '../model/wiki-data.ts';
import { planPieces, TITLE_INDEX_DIR, TITLE_MANIFEST, type TitleManifest, type TitleRow } from '../shared/title-index.ts';

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

/**
 * The files of the title index of `data`: file name → JSON. Pieces are named by a hash of their content, so
 * that a piece cached by a browser is never stale; `index.json` (`TITLE_MANIFEST`) names the current ones.
 */
export function titleIndexFiles(data: Pick<WikiData, 'pages' | 'backlinks'>): Map<string, string> {
  const plan = planPieces(titleRows(data));
  const files = new Map<string, string>();
  const add = (pieceRows: TitleRow[]) => {
    const json = JSON.stringify(pieceRows);
    const file = `${createHash('sha1').update(json).digest('hex').slice(0, 12)}.json`;
    files.set(file, json);
    return file;
  };
  const manifest: TitleManifest = {
    pieces: Object.fromEntries([...plan.pieces].map(([prefix, pieceRows]) => [prefix, add(pieceRows)])),
    tops: Object.fromEntries([...plan.tops].map(([prefix, pieceRows]) => [prefix, add(pieceRows)])),
  };
  files.set(TITLE_MANIFEST, JSON.stringify(manifest));
  return files;
}

/** Write the title index of `data` into the site at `outDir`, replacing any from an earlier build. */
export function writeTitleIndex(outDir: string, data: Pick<WikiData, 'pages' | 'backlinks'>): TitleIndexReport {
  const folder = folderIn(outDir);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const files = titleIndexFiles(data);
  let bytes = 0;
  for (const [file, json] of files) {
    writeFileSync(join(folder, file), json);
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
  for (const file of Object.values(manifest.pieces)) {
    for (const row of JSON.parse(readFileSync(join(folder, file), 'utf8')) as TitleRow[]) rows.set(row[0], row);
  }
  return [...rows.values()];
}
