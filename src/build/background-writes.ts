/**
 * Files the build writes without waiting: each article's rendered HTML (src/render/article-html.ts) and each
 * link preview (src/postbuild/previews.ts). Creating a file costs this machine about 0.3 ms of the main thread
 * (1,000 articles: 0.3 s for the HTML, 0.3 s for the previews); written from Node's thread pool, they cost it
 * nothing while the build goes on. Until a file is written, `pending` gives what it will hold, and the build's
 * last step waits for every write (`done`), which reports the first that failed.
 *
 * One writer per build, held by the build context (src/build/context.ts): the loader and the post-build steps
 * write through it, the last step waits for it.
 */
import { rename, writeFile } from 'node:fs/promises';

/**
 * Files open for writing at once. Enough to keep Node's thread pool busy, and far below any limit of open files:
 * unbounded, a whole build of 20,000 articles opened one file per article and preview at once, and Astro's own
 * write of its content store then failed with EMFILE (too many open files).
 */
export const MAX_OPEN_WRITES = 64;

/** The file operations used, replaceable in tests. */
export interface WriteOperations {
  writeFile: (file: string, content: string) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
}

export class BackgroundWrites {
  readonly #io: WriteOperations;
  readonly #maxOpen: number;
  /** Writes holding a file open, and those waiting for their turn. */
  #open = 0;
  readonly #waiting: Array<() => void> = [];
  /** File → content, while its write is under way. */
  readonly #pending = new Map<string, string>();
  /** The files being written, under their temporary names. */
  readonly #temporaries = new Set<string>();
  /** File → its last write: a second write of a file starts once the first has ended, so the last one wins. */
  readonly #last = new Map<string, Promise<void>>();
  readonly #inFlight = new Set<Promise<void>>();
  /** Writes started, which numbers the temporary names. */
  #started = 0;
  #failure: Error | undefined;

  constructor(options: { maxOpen?: number; io?: WriteOperations } = {}) {
    this.#maxOpen = options.maxOpen ?? MAX_OPEN_WRITES;
    this.#io = options.io ?? { writeFile: (file, content) => writeFile(file, content), rename };
  }

  /** Run `task` once fewer than `maxOpen` others run; its turn passes to the next waiting one when it ends. */
  async #inTurn(task: () => Promise<void>): Promise<void> {
    if (this.#open < this.#maxOpen) this.#open++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#open--;
    }
  }

  /**
   * Write `content` to `file` (its folder must exist) without waiting. The file appears whole or not at all (a
   * new file renamed into place): a build that stops before the write ends leaves no half-written article HTML
   * that the next build would take for the article's (it renders a missing one again).
   */
  write(file: string, content: string): void {
    this.#pending.set(file, content);
    const temporary = `${file}.${process.pid}-${this.#started++}.tmp`;
    this.#temporaries.add(temporary);
    const write: Promise<void> = (this.#last.get(file) ?? Promise.resolve())
      .then(() => this.#inTurn(() => this.#io.writeFile(temporary, content).then(() => this.#io.rename(temporary, file))))
      .catch((error: unknown) => {
        this.#failure ??= new Error(`could not write ${file}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        // A later write of the same file keeps its own content pending.
        if (this.#pending.get(file) === content) this.#pending.delete(file);
        if (this.#last.get(file) === write) this.#last.delete(file);
        this.#temporaries.delete(temporary);
        this.#inFlight.delete(write);
      });
    this.#last.set(file, write);
    this.#inFlight.add(write);
  }

  /** Whether `path` is the temporary name of a file being written (a clean-up must leave it). */
  isBeingWritten(path: string): boolean {
    return this.#temporaries.has(path);
  }

  /** What `file` will hold once its write is done, while it is under way. */
  pending(file: string): string | undefined {
    return this.#pending.get(file);
  }

  /** Wait for every write started so far; throws the first failure. */
  async done(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
    const failure = this.#failure;
    this.#failure = undefined;
    if (failure) throw failure;
  }
}
