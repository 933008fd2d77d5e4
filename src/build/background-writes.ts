/**
 * Files the build writes without waiting: each article's rendered HTML (src/render/article-html.ts) and
 * each link preview (src/postbuild/previews.ts). Creating a file costs this machine about 0.3 ms of the main thread
 * (1,000 articles: 0.3 s for the HTML, 0.3 s for the previews); written from Node's thread pool, they cost it
 * nothing while the build goes on. Until a file is written, `pendingContent` gives what it will hold, and the
 * build's last step waits for every write (`backgroundWritesDone`), which reports the first that failed.
 *
 * Shared by the whole process (src/build/process-shared.ts): the loader writes, the integration waits.
 */
import { rename, writeFile } from 'node:fs/promises';
import { processShared } from './process-shared.ts';

interface Writes {
  /** File → content, while its write is under way. */
  pending: Map<string, string>;
  /** The files being written, under their temporary names. */
  temporaries: Set<string>;
  /** File → its last write: a second write of a file starts once the first has ended, so the last one wins. */
  last: Map<string, Promise<void>>;
  /** Writes started, which numbers the temporary names (one count for every copy of this module). */
  started: number;
  inFlight: Set<Promise<void>>;
  failure?: Error;
}

function writes(): Writes {
  return processShared<Writes>('wiki:background-writes', () => ({ pending: new Map(), temporaries: new Set(), last: new Map(), started: 0, inFlight: new Set() }));
}

/**
 * Write `content` to `file` (its folder must exist) without waiting. The file appears whole or not at all (a
 * new file renamed into place): a build that stops before the write ends leaves no half-written article
 * HTML that the next build would take for the article's (it renders a missing one again).
 */
export function writeInBackground(file: string, content: string): void {
  const state = writes();
  state.pending.set(file, content);
  const temporary = `${file}.${process.pid}-${state.started++}.tmp`;
  state.temporaries.add(temporary);
  const write: Promise<void> = (state.last.get(file) ?? Promise.resolve())
    .then(() => writeFile(temporary, content))
    .then(() => rename(temporary, file))
    .catch((error: unknown) => {
      state.failure ??= new Error(`could not write ${file}: ${error instanceof Error ? error.message : String(error)}`);
    })
    .finally(() => {
      // A later write of the same file keeps its own content pending.
      if (state.pending.get(file) === content) state.pending.delete(file);
      if (state.last.get(file) === write) state.last.delete(file);
      state.temporaries.delete(temporary);
      state.inFlight.delete(write);
    });
  state.last.set(file, write);
  state.inFlight.add(write);
}

/** Whether `path` is the temporary name of a file this process is writing (a clean-up must leave it). */
export function isBeingWritten(path: string): boolean {
  return writes().temporaries.has(path);
}

/** What `file` will hold once its write is done, while it is under way. */
export function pendingContent(file: string): string | undefined {
  return writes().pending.get(file);
}

/** Wait for every write started so far; throws the first failure. */
export async function backgroundWritesDone(): Promise<void> {
  const state = writes();
  while (state.inFlight.size > 0) await Promise.all(state.inFlight);
  if (state.failure) {
    const failure = state.failure;
    delete state.failure;
    throw failure;
  }
}
