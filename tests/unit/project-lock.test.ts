/** Builds of different content folders in one checkout take turns; builds of the same folder do not wait. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireProjectLock, type LockHolder } from '../../src/build/project-lock.ts';

let dotAstro: string;
const children: ChildProcess[] = [];

/** A live process to stand for another build. */
function otherProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

function registerHolder(holder: LockHolder) {
  mkdirSync(join(dotAstro, 'wiki-lock'), { recursive: true });
  writeFileSync(join(dotAstro, 'wiki-lock', `${holder.pid}.json`), JSON.stringify(holder));
}

beforeEach(() => {
  dotAstro = mkdtempSync(join(tmpdir(), 'wiki-lock-'));
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  rmSync(dotAstro, { recursive: true, force: true });
});

describe('the project lock', () => {
  it('registers this process and removes its entry on release', async () => {
    const release = await acquireProjectLock({ dotAstroDir: dotAstro, contentDir: '/a', command: 'build' });
    expect(readdirSync(join(dotAstro, 'wiki-lock'))).toEqual([`${process.pid}.json`]);
    release();
    expect(readdirSync(join(dotAstro, 'wiki-lock'))).toEqual([]);
  });

  it('does not wait for a live process on the same content folder', async () => {
    const other = otherProcess();
    registerHolder({ pid: other.pid!, contentDir: '/a', command: 'dev' });
    const release = await acquireProjectLock({ dotAstroDir: dotAstro, contentDir: '/a', command: 'build', timeoutMs: 1000 });
    expect(readdirSync(join(dotAstro, 'wiki-lock')).sort()).toEqual([`${other.pid}.json`, `${process.pid}.json`].sort());
    release();
  });

  it('waits while a live process works on another content folder, saying which, and goes on when it ends', async () => {
    const other = otherProcess();
    registerHolder({ pid: other.pid!, contentDir: '/b', command: 'build' });
    const waitedFor: LockHolder[] = [];
    let acquired = false;
    const pending = acquireProjectLock({ dotAstroDir: dotAstro, contentDir: '/a', command: 'build', pollMs: 20, onWait: (h) => waitedFor.push(h) }).then(
      (release) => {
        acquired = true;
        return release;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(acquired).toBe(false);
    expect(waitedFor).toEqual([{ pid: other.pid, contentDir: '/b', command: 'build' }]);

    other.kill();
    await new Promise((resolve) => other.once('exit', resolve));
    const release = await pending;
    expect(acquired).toBe(true);
    // The dead process's entry was cleared by the waiter.
    expect(existsSync(join(dotAstro, 'wiki-lock', `${other.pid}.json`))).toBe(false);
    release();
  });

  it('ignores the entry of a process that died without releasing', async () => {
    const other = otherProcess();
    const pid = other.pid!;
    other.kill();
    await new Promise((resolve) => other.once('exit', resolve));
    registerHolder({ pid, contentDir: '/b', command: 'build' });
    const release = await acquireProjectLock({ dotAstroDir: dotAstro, contentDir: '/a', command: 'build', timeoutMs: 1000 });
    expect(readdirSync(join(dotAstro, 'wiki-lock'))).toEqual([`${process.pid}.json`]);
    release();
  });

  it('gives up after the timeout with an error naming the process to stop', async () => {
    const other = otherProcess();
    registerHolder({ pid: other.pid!, contentDir: '/b', command: 'dev' });
    await expect(acquireProjectLock({ dotAstroDir: dotAstro, contentDir: '/a', command: 'build', pollMs: 20, timeoutMs: 200 })).rejects.toThrow(
      `gave up waiting for \`astro dev\` (pid ${other.pid}) on /b: stop it, or build from a separate checkout of the project`,
    );
  });

  it('breaks a mutex left behind by a killed process', async () => {
    mkdirSync(join(dotAstro, 'wiki-lock.mutex'));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dotAstro, 'wiki-lock.mutex'), old, old);
    const release = await acquireProjectLock({ dotAstroDir: dotAstro, contentDir: '/a', command: 'build', pollMs: 20, timeoutMs: 2000 });
    expect(existsSync(join(dotAstro, 'wiki-lock.mutex'))).toBe(false);
    release();
  });
});
