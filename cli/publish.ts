/**
 * How `npm run build` and `npm run merge` write a site without ever losing the one there: into a fresh folder
 * beside the output folder, swapped in only when every step is done. A signal (Ctrl-C, a SIGTERM from CI or
 * `timeout`) or the end of the program that started this one ends every process the command started and
 * removes its folders; the swap itself is not interrupted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { astroLogTidier } from '../src/build/astro-log.ts';

export class Publication {
  /** The folder being built, beside the output folder so that the final rename stays on one file system. */
  readonly fresh: string;
  readonly #outDir: string;
  readonly #previous: string;
  readonly #prefix: string;
  readonly #children = new Set<ChildProcess>();
  /** Other folders this command writes (shards), removed with the fresh one. */
  readonly #scratch = new Set<string>();
  readonly #aborts = new Set<AbortController>();
  #discarded = 0;
  #swapping = false;
  #interrupted: { signal: NodeJS.Signals; why: string } | undefined;

  constructor(outDir: string) {
    this.#outDir = outDir;
    this.#prefix = `.${basename(outDir)}.building-`;
    this.fresh = join(dirname(outDir), `${this.#prefix}${process.pid}`);
    this.#previous = join(dirname(outDir), `.${basename(outDir)}.previous-${process.pid}`);
    this.#removeAbandoned();
    this.cleanUp();
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => this.interrupt(signal, signal));
    // `npm run build` runs this program through `sh -c`: a SIGTERM sent to npm reaches the shell, which ends
    // without passing it on, and this process would be left running on its own. The caller gone, stop too.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) this.interrupt('SIGTERM', 'the program that started it ended');
    }, 250).unref();
  }

  /** A folder beside the output folder for this command's own use (a shard), removed when it ends. */
  scratchFolder(name: string): string {
    const folder = join(dirname(this.#outDir), `${this.#prefix}${process.pid}-${name}`);
    rmSync(folder, { recursive: true, force: true });
    this.#scratch.add(folder);
    return folder;
  }

  /**
   * Take `folder`, a working folder inside the fresh one (Pagefind's input, the part's own files), out of the site
   * and remove it in the background: the build goes on at once (removing the hard links Pagefind read took 1.8 s
   * of a 10,000-article build, 0.1–0.2 s at 1,000). Named like a replaced site, so that a removal that was stopped
   * is finished by the next build.
   */
  readonly discard = (folder: string): void => {
    const away = join(dirname(this.#outDir), `.${basename(this.#outDir)}.previous-${process.pid}-${++this.#discarded}`);
    try {
      renameSync(folder, away);
    } catch {
      rmSync(folder, { recursive: true, force: true });
      return;
    }
    removeInBackground(away);
  };

  /** An AbortSignal that an interruption aborts (for Pagefind's processes). */
  signal(): AbortSignal {
    const controller = new AbortController();
    if (this.#interrupted) controller.abort();
    this.#aborts.add(controller);
    return controller.signal;
  }

  /**
   * Run a program (Node, with these arguments) in a process group of its own, so that whatever it starts ends
   * with it, in `cwd` if given; Astro's log is tidied (src/build/astro-log.ts). Resolves to its exit status.
   */
  run(args: string[], env: NodeJS.ProcessEnv, options: { tidy?: boolean; cwd?: string; onPartWritten?: () => void } = {}): Promise<number> {
    if (this.#interrupted) return Promise.resolve(128 + (constants.signals[this.#interrupted.signal] ?? 15));
    return new Promise((resolve) => {
      const child = spawn(process.execPath, args, {
        stdio: ['inherit', options.tidy ? 'pipe' : 'inherit', 'inherit'],
        detached: true,
        env,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      });
      this.#children.add(child);
      if (options.tidy) child.stdout?.pipe(astroLogTidier(options.onPartWritten)).pipe(process.stdout);
      child.on('error', (error) => {
        console.error(`[wiki] could not start ${args[0]}: ${error.message}`);
        resolve(1);
      });
      child.on('close', (code, signal) => {
        this.#children.delete(child);
        resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 15) : 1));
      });
    });
  }

  /** End every process and remove every folder of this command, then exit, unless the swap is under way. */
  interrupt(signal: NodeJS.Signals, why: string): void {
    if (this.#interrupted) return;
    this.#interrupted = { signal, why };
    for (const controller of this.#aborts) controller.abort();
    for (const child of this.#children) {
      if (child.pid === undefined) continue;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
      const pid = child.pid;
      setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 10_000).unref();
    }
    if (this.#children.size === 0) this.exitIfInterrupted();
  }

  /** Called between steps: an interruption that came meanwhile ends the command here. */
  exitIfInterrupted(): void {
    if (!this.#interrupted || this.#swapping) return;
    this.cleanUp();
    console.error(`\n[wiki] The build was interrupted (${this.#interrupted.why}): ${this.#kept()}.`);
    process.exit(128 + (constants.signals[this.#interrupted.signal] ?? 15));
  }

  /** Remove the folders, say why, and exit with `status`. */
  fail(why: string, status: number): never {
    this.exitIfInterrupted();
    this.cleanUp();
    console.error(`\n[wiki] ${why}: ${this.#kept()}. Fix the errors above and build again.`);
    process.exit(status);
  }

  /** Put the fresh folder in place of the output folder. */
  swap(): void {
    this.exitIfInterrupted();
    this.#swapping = true;
    if (existsSync(this.#outDir)) renameSync(this.#outDir, this.#previous);
    renameSync(this.fresh, this.#outDir);
    this.#swapping = false;
    // The new site is in place: the old one goes in the background, not before this command ends (a rebuild of
    // 10,000 articles spent 11 s removing the last site's 40,000 files).
    if (existsSync(this.#previous)) removeInBackground(this.#previous);
    this.cleanUp();
    if (this.#interrupted) {
      console.error(`\n[wiki] Interrupted (${this.#interrupted.why}) while the finished site was put in place: the new site is in ${this.#outDir}.`);
      process.exit(128 + (constants.signals[this.#interrupted.signal] ?? 15));
    }
  }

  cleanUp(): void {
    rmSync(this.fresh, { recursive: true, force: true });
    for (const folder of this.#scratch) rmSync(folder, { recursive: true, force: true });
  }

  #kept(): string {
    return existsSync(this.#outDir) ? `the previous site in ${this.#outDir} is unchanged` : `nothing was written to ${this.#outDir}`;
  }

  /**
   * Folders of commands that were killed outright (SIGKILL, a power cut): their process is gone. Also earlier
   * sites whose removal in the background was stopped (or is still under way: removing twice is harmless).
   */
  #removeAbandoned(): void {
    const parent = dirname(this.#outDir);
    if (!existsSync(parent)) return;
    const previous = `.${basename(this.#outDir)}.previous-`;
    for (const name of readdirSync(parent)) {
      const prefix = name.startsWith(this.#prefix) ? this.#prefix : name.startsWith(previous) ? previous : undefined;
      if (!prefix) continue;
      const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
      if (!pid || pid === process.pid || isRunning(pid)) continue;
      if (prefix === previous) removeInBackground(join(parent, name));
      else rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

/** Remove `folder` in a process of its own that outlives this one: nothing waits for it. */
function removeInBackground(folder: string): void {
  const remover = spawn(process.execPath, ['-e', "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", folder], {
    detached: true,
    stdio: 'ignore',
  });
  remover.on('error', () => rmSync(folder, { recursive: true, force: true }));
  remover.unref();
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
