/**
 * `npm run build`: build the site into a fresh folder beside the output folder and put it in place only when
 * every step of the build is done (the pages, previews, sitemap, security check and search index), so that a
 * failed, stopped or interrupted build leaves the previous site intact and servable. WIKI_OUT_DIR still names
 * the output folder; arguments are passed on to `astro build`.
 *
 * Ctrl-C or a SIGTERM (from CI, `timeout`, a process manager) ends Astro and Pagefind with the build and
 * removes the fresh folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';
import { astroLogTidier } from '../src/build/astro-log.ts';
import { BUILD_RECEIPT, missingBuildSteps } from '../src/build/build-receipt.ts';
import { checkBuildFolders, FolderError } from '../src/content-folder/folders.ts';
import { readSettings } from '../src/content-folder/settings.ts';
import { buildSearchIndex, SEARCH_INDEX_AFTER_BUILD } from '../src/postbuild/search-index.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const settings = readSettings(process.env, root);
const { outDir } = settings;

try {
  checkBuildFolders({ ...settings, root });
} catch (error) {
  if (!(error instanceof FolderError)) throw error;
  console.error(`[wiki] The build did not start: ${error.message}`);
  process.exit(2);
}

// Siblings of the output folder, so that the final rename stays on one file system.
const prefix = `.${basename(outDir)}.building-`;
const fresh = join(dirname(outDir), `${prefix}${process.pid}`);
const receipt = `${fresh}.receipt`;
const previous = join(dirname(outDir), `.${basename(outDir)}.previous-${process.pid}`);

/** Folders of builds that were killed outright (SIGKILL, a power cut): their process is gone. */
function removeAbandonedBuilds(): void {
  if (!existsSync(dirname(outDir))) return;
  for (const name of readdirSync(dirname(outDir))) {
    const pid = Number(/^(\d+)(\.receipt)?$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '')?.[1]);
    if (!pid || isRunning(pid)) continue;
    rmSync(join(dirname(outDir), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function cleanUp(): void {
  rmSync(fresh, { recursive: true, force: true });
  rmSync(receipt, { force: true });
}

function failed(why: string, status: number): never {
  cleanUp();
  const kept = existsSync(outDir) ? `the previous site in ${outDir} is unchanged` : `nothing was written to ${outDir}`;
  console.error(`\n[wiki] ${why}: ${kept}. Fix the errors above and build again.`);
  process.exit(status);
}

// An interruption ends every process of the build, then removes its folder; the swap itself is not interrupted.
let astro: ChildProcess | undefined;
const indexing = new AbortController();
let swapping = false;
let interrupted: NodeJS.Signals | undefined;
/** How the interruption is named to the reader. */
let interruption = '';
function interrupt(signal: NodeJS.Signals, why: string = signal): void {
  if (interrupted) return;
  interrupted = signal;
  interruption = why;
  indexing.abort();
  if (astro?.pid !== undefined && astro.exitCode === null && astro.signalCode === null) {
    // Astro runs in a process group of its own (detached), so that whatever it started ends with it.
    try {
      process.kill(-astro.pid, signal);
    } catch {
      // Already gone.
    }
    const stubborn = setTimeout(() => {
      try {
        if (astro?.pid !== undefined) process.kill(-astro.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 10_000);
    stubborn.unref();
  }
  if (!astro || astro.exitCode !== null || astro.signalCode !== null) finishInterrupted();
}
function finishInterrupted(): void {
  if (!interrupted || swapping) return;
  cleanUp();
  console.error(`\n[wiki] The build was interrupted (${interruption}): ${existsSync(outDir) ? `the previous site in ${outDir} is unchanged` : `nothing was written to ${outDir}`}.`);
  process.exit(128 + (constants.signals[interrupted] ?? 15));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, interrupt);
// `npm run build` runs this script through `sh -c`: a SIGTERM sent to npm reaches the shell, which ends without
// passing it on, and this process is left running on its own. The caller gone, the build is interrupted too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) interrupt('SIGTERM', 'the program that started it ended');
}, 250).unref();

removeAbandonedBuilds();
cleanUp();
const status = await new Promise<number | null>((resolve) => {
  // --disable-warning: rehype-citation's bundle imports Node's deprecated `punycode` (timlrx/rehype-citation#64).
  astro = spawn(process.execPath, ['--disable-warning=DEP0040', join(root, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
    detached: true,
    // Astro's output goes through astroLogTidier: its colours stay when this process writes to a terminal.
    env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}), WIKI_OUT_DIR: fresh, [SEARCH_INDEX_AFTER_BUILD]: '1', [BUILD_RECEIPT]: receipt },
  });
  astro.stdout?.pipe(astroLogTidier()).pipe(process.stdout);
  astro.on('error', (error) => {
    console.error(`[wiki] could not start Astro: ${error.message}`);
    resolve(1);
  });
  astro.on('close', (code, signal) => resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 15) : 1)));
});
finishInterrupted();
if (status !== 0) failed('The build failed', status ?? 1);

// Exit status 0 is not enough: something may have ended Astro's process early (build-receipt.ts).
const missing = missingBuildSteps(receipt);
if (missing.length > 0) failed(`The build stopped before it was done (Astro exited with status 0, but these steps never ran: ${missing.join(', ')}; something ended its process early, such as code in an article)`, 1);

// The search index, once Astro's process has ended (see SEARCH_INDEX_AFTER_BUILD).
try {
  const search = await buildSearchIndex(fresh, indexing.signal);
  console.log(`[wiki] search index: ${search.pages} articles, ${Math.round(search.indexBytes / 1024)} KB of index data in pagefind/`);
} catch (error) {
  finishInterrupted();
  console.error(error instanceof Error ? error.message : String(error));
  failed('The search index could not be built', 1);
}
finishInterrupted();

swapping = true;
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(fresh, outDir);
swapping = false;
rmSync(previous, { recursive: true, force: true });
rmSync(receipt, { force: true });
if (interrupted) {
  console.error(`\n[wiki] Interrupted (${interruption}) while the finished site was put in place: the new site is in ${outDir}.`);
  process.exit(128 + (constants.signals[interrupted] ?? 15));
}
console.log(`[wiki] The site is in ${outDir}.`);
