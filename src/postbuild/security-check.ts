/**
 * The security check of the built site: every page read as a browser would (src/postbuild/csp.ts: its policy, no
 * inline script the policy would block, no inline event handler), on two threads for a large site, and only the
 * pages whose bytes no earlier build checked (the `securityCheck` cache, src/build/caches.ts). Since it reads
 * every page, it also notes which ones the search indexes (src/postbuild/search-pages.ts).
 */
import { availableParallelism } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sharePieces, startWorker, type WorkerSession } from '../build/worker.ts';
import { checkPages, pageHash, type PagesCheck } from './csp.ts';
import { searchFacts, type SearchFacts } from './search-pages.ts';

/** From this many pages on, a worker thread checks pages beside this thread (1.3 ms a page; a worker starts in ~0.3 s). */
export const PAGES_FOR_A_WORKER = 1000;

/**
 * Pages handed out at a time to whichever thread is free: 50 pages are some 65 ms, so neither thread waits long on
 * the other at the end. (Halves, as before, left this thread idle for 0.2 s of a build of 1,000 articles: the
 * worker's half came later by the time it took to start.)
 */
const PIECE_PAGES = 50;

const startCheckWorker = (): WorkerSession<{ files: string[]; outDir: string }, PagesCheck> => startWorker(new URL('./csp-worker.ts', import.meta.url));

/** Check every page, on two threads for a large site; the results come in the order of `files` either way. */
export async function checkBuiltPages(files: string[], outDir: string, cores = availableParallelism()): Promise<PagesCheck> {
  if (files.length < PAGES_FOR_A_WORKER || cores < 2) return checkPages(files, outDir);
  const session = startCheckWorker();
  try {
    const pieces: PagesCheck[] = [];
    await sharePieces(
      files.length,
      PIECE_PAGES,
      [session],
      async (thread, start, end) => {
        pieces[start / PIECE_PAGES] = await thread.ask({ files: files.slice(start, end), outDir });
      },
      (start, end) => {
        pieces[start / PIECE_PAGES] = checkPages(files.slice(start, end), outDir);
      },
      // An empty piece is answered once the worker has loaded the check.
      { ready: (thread) => thread.ask({ files: [], outDir }) },
    );
    return {
      policies: pieces.flatMap((piece) => piece.policies),
      problems: pieces.flatMap((piece) => piece.problems),
      hashes: pieces.flatMap((piece) => piece.hashes),
      search: pieces.flatMap((piece) => piece.search),
    };
  } finally {
    session.end();
  }
}

/** The policies of pages checked by earlier builds, by the hash of their bytes (pages without a problem only). */
interface CheckedPages {
  version: string;
  /** The distinct policies. */
  policies: string[];
  /** Page hash → index in `policies`, or -1 for a page without a policy. */
  pages: Record<string, number>;
}

function readChecked(file: string, version: string): Map<string, string | null> {
  try {
    const checked = JSON.parse(readFileSync(file, 'utf8')) as CheckedPages;
    if (checked.version !== version) return new Map();
    return new Map(Object.entries(checked.pages).map(([hash, i]) => [hash, i < 0 ? null : (checked.policies[i] ?? null)]));
  } catch {
    return new Map();
  }
}

function writeChecked(file: string, version: string, pages: ReadonlyMap<string, string | null>): void {
  const policies: string[] = [];
  const index = new Map<string, number>();
  const entries: Record<string, number> = {};
  for (const [hash, policy] of pages) {
    if (policy === null) {
      entries[hash] = -1;
      continue;
    }
    if (!index.has(policy)) index.set(policy, policies.push(policy) - 1);
    entries[hash] = index.get(policy)!;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ version, policies, pages: entries } satisfies CheckedPages));
}

/**
 * `checkBuiltPages`, checking only the pages whose bytes no earlier build checked: a rebuild copies most pages
 * unchanged from the last build (astro.config.mjs), and their policies are read from `checkedFile`
 * (5,000 articles: 2.5 s of checking → a hash of each page). The policies come in the order of `files`.
 * The file is written only when no page has a problem: a page that has one is checked again next time.
 */
export async function checkSitePages(
  files: string[],
  outDir: string,
  checked: { file: string; code: string },
  cores = availableParallelism(),
): Promise<PagesCheck> {
  const { file: checkedFile, code: version } = checked;
  const known = readChecked(checkedFile, version);
  // Without a page checked before (a first build), every page is checked, and the check hashes each page as it
  // reads it: no pass over the pages before (1,000 articles: 0.17 s).
  if (known.size === 0) {
    const check = await checkBuiltPages(files, outDir, cores);
    if (check.problems.length === 0) writeChecked(checkedFile, version, new Map(check.hashes.map((hash, i) => [hash, check.policies[i] ?? null])));
    return check;
  }
  // A rebuild checks only its new pages, mostly few: `checkBuiltPages` starts a worker only if many are.
  const hashes: string[] = [];
  const search: SearchFacts[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    hashes.push(pageHash(bytes));
    search.push(searchFacts(bytes));
  }
  const fresh = files.filter((_, i) => !known.has(hashes[i]!));
  const check = await checkBuiltPages(fresh, outDir, cores);
  const found = new Map(fresh.map((file, i) => [file, check.policies[i] ?? null]));
  const policies = files.map((file, i) => (found.has(file) ? found.get(file)! : known.get(hashes[i]!)!) ?? null);
  if (check.problems.length === 0) writeChecked(checkedFile, version, new Map(hashes.map((hash, i) => [hash, policies[i]!])));
  return { policies, problems: check.problems, hashes, search };
}

/** The files under `dir` whose names end with `extension`, but for those in a folder `leaveOut` names (by its path). */
export function filesUnder(dir: string, extension: string, leaveOut?: (folder: string) => boolean): string[] {
  // The kind of each entry comes with the folder's listing: no `stat` a file (10,000 articles: 0.28 s).
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isSymbolicLink() ? statSync(full).isDirectory() : entry.isDirectory()) return leaveOut?.(full) ? [] : filesUnder(full, extension, leaveOut);
    return entry.name.endsWith(extension) ? [full] : [];
  });
}
