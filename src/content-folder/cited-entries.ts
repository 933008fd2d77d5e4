/**
 * The CSL-JSON files rehype-citation reads while rendering (it takes bibliographies by path), written by each
 * build into the cache folder (src/build/caches.ts, WORK_FILES) from the BibTeX files parsed by
 * src/model/bibliography.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cslItems, type BibEntry, type Bibliography } from '../model/bibliography.ts';

/**
 * A file name for `name` (made of an id or a path): itself, or its hash when it is longer than file systems
 * allow with room to spare (255 bytes), as a long id with namespaces can be.
 */
function fileName(name: string): string {
  return `${Buffer.byteLength(name) > 200 ? createHash('sha1').update(name).digest('hex') : name}.json`;
}

/**
 * rehype-citation reads bibliographies from files, by path: give it each
 * BibTeX file as the CSL-JSON parsed here, once per build, so that a file is
 * parsed once and comments cannot break it. Returns file → JSON path.
 */
export function writeBibliographyCache(bibliographies: Iterable<Bibliography>, dir: string): Map<string, string> {
  mkdirSync(dir, { recursive: true });
  const paths = new Map<string, string>();
  for (const bib of bibliographies) {
    const path = join(dir, fileName(bib.file.replace(/[^\w.-]+/g, '_')));
    writeFileSync(path, JSON.stringify(cslItems([bib])));
    paths.set(bib.file, path);
  }
  return paths;
}

/**
 * rehype-citation builds a CSL engine from every item it is given, for every
 * article: give each article only the entries it cites (four times faster
 * with the wiki's 33-entry references.bib). Returns article → JSON path.
 */
export function writeCitedEntries<Id extends string>(cited: ReadonlyMap<Id, BibEntry[]>, dir: string): Map<Id, string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = new Map<Id, string>();
  for (const [page, entries] of cited) {
    if (entries.length === 0) continue;
    const path = join(dir, fileName(page.replace(/[^\p{L}\p{N}_.-]+/gu, '--')));
    writeFileSync(path, JSON.stringify(cslItems([{ file: page, entries: new Map(entries.map((e) => [e.key, e])) }])));
    paths.set(page, path);
  }
  return paths;
}
