/**
 * The copies of pages that Astro's incremental build keeps (`experimental.incrementalBuild`), kept as hard links.
 *
 * Astro writes every page it generates a second time into the cache folder, in a tree of folders like the site's,
 * and copies it back into the next build's site when the page's cacheKey has not changed. A first build of 1,000
 * articles thus created 1,020 files and 1,038 folders more and wrote 53 MB more: 7.4–7.8% of its time (5 pairs
 * with the copies written and not, bench/RESULTS.md), most of it this machine's file system allocating files.
 *
 * Here the cache holds each page as a second name of the file Astro wrote into the site (a hard link), all in one
 * folder (`wiki-pages/`, named by a hash of the page's path), and a page restored into the next site is linked
 * back the same way: no page is written twice, and no folder is made for the copies. Where a link cannot be made
 * (the cache on another file system), the page is copied as Astro does.
 *
 * A page and its copy are then one file. The build never rewrites a page in place (the search index's CJK spacing
 * writes a new file, src/postbuild/search-index.ts), but a tool run over the published site might: so each copy's
 * size and time of last write are kept with it (`wiki-pages/stamps.json`), and a copy that no longer has them is not
 * restored: Astro renders that page again.
 *
 * This replaces four methods of Astro's `IncrementalBuildCache` (astro/dist/core/build/incremental.js), an
 * experimental part of Astro: if a later Astro moves or renames them, `keepPageCopiesAsLinks` says so and
 * Astro keeps its own copies (tests/build/incremental-build.test.ts checks that the links are made).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Discard } from '../postbuild/discard.ts';

/** The folder of the copies, in the cache folder. */
export const PAGE_COPIES = 'wiki-pages';
const STAMPS = 'stamps.json';

/** What Astro passes the methods: its settings, of which the output and cache folders are read. */
interface AstroSettings {
  config: { outDir: URL; cacheDir: URL };
}

interface CacheMethods {
  writeOutputFile(settings: AstroSettings, outputFile: string, body: string | Uint8Array): Promise<void>;
  restoreOutputFile(settings: AstroSettings, outputFile: string, destination: URL): Promise<boolean>;
  deleteOutputFile(settings: AstroSettings, outputFile: string): Promise<void>;
  writeManifest(settings: AstroSettings): void;
}

/** A copy's size and time of last write, as recorded when it was made (a link changes neither). */
type Stamp = [size: number, written: number];

/** The file that keeps the copy of the page at `outputFile` (relative to the site's folder). */
export function pageCopyFile(cacheDir: string, outputFile: string): string {
  return join(cacheDir, PAGE_COPIES, `${createHash('sha1').update(outputFile).digest('hex')}${extname(outputFile)}`);
}

const stampOf = (stats: { size: number; mtimeMs: number }): Stamp => [stats.size, Math.round(stats.mtimeMs)];

/**
 * Put `from` at `to` as a second name of the same file, or a copy where that cannot be. On this thread: a link is a
 * few microseconds, less than handing it to Node's thread pool (1,020 pages: 18 ms, against 120 ms).
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      copyFileSync(from, to);
      return;
    }
  }
  // The copy of an earlier build.
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Told of each page restored (its path relative to the site's folder, and the file): the build of this process that
 * called `keepPageCopiesAsLinks` last (Astro builds one site at a time in a process).
 */
let restoredOfBuild: ((outputFile: string, page: string) => void) | undefined;

/**
 * Make Astro's incremental build keep its copies of pages as links (see above), for the rest of this process. Gives
 * false, changing nothing, if this Astro has no such methods. `discard` removes the copies Astro kept in its own
 * layout (`dist/` in the cache folder) by earlier builds. `restored` is told of each page restored instead of
 * rendered (a history template's pages are written from it, src/astro/history-pages.ts).
 */
export async function keepPageCopiesAsLinks(discard: Discard, restored?: (outputFile: string, page: string) => void): Promise<boolean> {
  restoredOfBuild = restored;
  let prototype: CacheMethods;
  try {
    const module = (await import(new URL('./core/build/incremental.js', import.meta.resolve('astro')).href)) as {
      IncrementalBuildCache?: { prototype: CacheMethods };
    };
    if (!module.IncrementalBuildCache) return false;
    prototype = module.IncrementalBuildCache.prototype;
  } catch {
    return false;
  }
  const methods = ['writeOutputFile', 'restoreOutputFile', 'deleteOutputFile', 'writeManifest'] as const;
  if (methods.some((name) => typeof prototype[name] !== 'function')) return false;
  if ((prototype as { keptAsLinks?: boolean }).keptAsLinks) return true;

  const writeManifest = prototype.writeManifest;
  /** Per cache folder: the stamps of the last build's copies, and those of this build's. */
  const builds = new Map<string, { previous: Map<string, Stamp>; next: Map<string, Stamp> }>();
  const build = (settings: AstroSettings) => {
    const cacheDir = fileURLToPath(settings.config.cacheDir);
    let known = builds.get(cacheDir);
    if (!known) {
      const folder = join(cacheDir, PAGE_COPIES);
      mkdirSync(folder, { recursive: true });
      let previous = new Map<string, Stamp>();
      try {
        previous = new Map(Object.entries(JSON.parse(readFileSync(join(folder, STAMPS), 'utf8')) as Record<string, Stamp>));
      } catch {
        // No copies yet, or their stamps were lost: none is restored.
      }
      // The copies of builds before this change, in Astro's layout.
      if (existsSync(join(cacheDir, 'dist'))) discard(join(cacheDir, 'dist'));
      known = { previous, next: new Map() };
      builds.set(cacheDir, known);
    }
    return { cacheDir, ...known };
  };

  Object.assign(prototype, {
    keptAsLinks: true,
    async writeOutputFile(settings: AstroSettings, outputFile: string, body: string | Uint8Array) {
      const { cacheDir, next } = build(settings);
      const copy = pageCopyFile(cacheDir, outputFile);
      const page = fileURLToPath(new URL(outputFile, settings.config.outDir));
      try {
        linkOrCopy(page, copy);
      } catch {
        // The page is not where Astro wrote it: the copy is written as Astro would.
        await writeFile(copy, body);
      }
      next.set(outputFile, stampOf(statSync(copy)));
    },
    async restoreOutputFile(settings: AstroSettings, outputFile: string, destination: URL) {
      const { cacheDir, previous, next } = build(settings);
      const copy = pageCopyFile(cacheDir, outputFile);
      const stamp = previous.get(outputFile);
      let now: Stamp;
      try {
        now = stampOf(statSync(copy));
      } catch {
        return false;
      }
      // Changed since it was kept (rewritten in place in a published site): rendered again.
      if (!stamp || stamp[0] !== now[0] || stamp[1] !== now[1]) return false;
      const page = fileURLToPath(destination);
      await mkdir(dirname(page), { recursive: true });
      linkOrCopy(copy, page);
      next.set(outputFile, now);
      restoredOfBuild?.(outputFile, page);
      return true;
    },
    async deleteOutputFile(settings: AstroSettings, outputFile: string) {
      await rm(pageCopyFile(build(settings).cacheDir, outputFile), { force: true });
    },
    writeManifest(this: CacheMethods, settings: AstroSettings) {
      writeManifest.call(this, settings);
      const { cacheDir, next } = build(settings);
      writeFileSync(join(cacheDir, PAGE_COPIES, STAMPS), JSON.stringify(Object.fromEntries(next)));
      builds.delete(cacheDir);
    },
  } satisfies Partial<CacheMethods> & { keptAsLinks: boolean });
  return true;
}
