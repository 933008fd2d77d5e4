/**
 * One content folder at a time per project.
 *
 * Astro writes the map from articles to their compiled modules into the
 * project's `.astro/` folder (content-modules.mjs), whatever the cache
 * folder: two builds (or a build and a dev server) of *different* content
 * folders in one checkout would read each other's map and fail, or publish the
 * wrong articles. So every build, sync and dev server registers the content
 * folder it works on here, and waits while another live process works on a
 * different one. Processes on the same folder write the same map and run side
 * by side.
 *
 * Holders are files `<pid>.json` in `.astro/wiki-lock/`; the check-and-register
 * step is made atomic by a `mkdir` mutex. A holder whose process has died
 * (killed, crashed) is removed by whoever finds it.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LockHolder {
  pid: number;
  contentDir: string;
  command: string;
}

export interface ProjectLockOptions {
  /** The project's `.astro/` folder. */
  dotAstroDir: string;
  contentDir: string;
  command: string;
  /** Called once, when the first wait begins, with the process being waited for. */
  onWait?: (holder: LockHolder) => void;
  /** Poll interval while waiting (ms). */
  pollMs?: number;
  /** Give up after this long (ms) with an error that names the holder. */
  timeoutMs?: number;
}

/** A mutex left by a process killed between mkdir and rmdir is stale after this long. */
const STALE_MUTEX_MS = 10_000;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolders(dir: string): LockHolder[] {
  const holders: LockHolder[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = join(dir, name);
    let holder: LockHolder | undefined;
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    } catch {
      holder = undefined;
    }
    if (holder && typeof holder.pid === 'number' && alive(holder.pid)) holders.push(holder);
    else rmSync(file, { force: true });
  }
  return holders;
}

/** Run `body` while holding the mutex; false when another process holds it. */
function withMutex<T>(mutex: string, body: () => T): { ok: true; value: T } | { ok: false } {
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(mutex).mtimeMs > STALE_MUTEX_MS) rmSync(mutex, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by its owner.
    }
    return { ok: false };
  }
  try {
    return { ok: true, value: body() };
  } finally {
    rmSync(mutex, { recursive: true, force: true });
  }
}

/**
 * Register this process as working on `contentDir`, waiting first while a live
 * process works on another folder. Resolves to the release function, which is
 * also called when the process exits.
 */
export async function acquireProjectLock(options: ProjectLockOptions): Promise<() => void> {
  const dir = join(options.dotAstroDir, 'wiki-lock');
  const mutex = join(options.dotAstroDir, 'wiki-lock.mutex');
  mkdirSync(dir, { recursive: true });
  const self: LockHolder = { pid: process.pid, contentDir: options.contentDir, command: options.command };
  const ownFile = join(dir, `${process.pid}.json`);
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  let waitingFor: LockHolder | undefined;

  for (;;) {
    const attempt = withMutex(mutex, () => {
      const other = readHolders(dir).find((holder) => holder.pid !== process.pid && holder.contentDir !== options.contentDir);
      if (!other) writeFileSync(ownFile, JSON.stringify(self));
      return other;
    });
    if (attempt.ok && !attempt.value) break;
    if (attempt.ok && attempt.value && waitingFor?.pid !== attempt.value.pid) {
      waitingFor = attempt.value;
      options.onWait?.(attempt.value);
    }
    if (Date.now() > deadline) {
      const holder = waitingFor ? `\`astro ${waitingFor.command}\` (pid ${waitingFor.pid}) on ${waitingFor.contentDir}` : 'another process';
      throw new Error(`gave up waiting for ${holder}: stop it, or build from a separate checkout of the project`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rmSync(ownFile, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return release;
}
