/**
 * What `astro dev` does not watch: the folders builds, tests and benchmarks write into. Vite watches the whole
 * project; a benchmark's generated wikis (150,000 files) took 25 s to crawl and ran out of the system's file
 * watchers, and a build beside the dev server sent it a stream of changes. The content folder is always
 * watched, wherever it is (tests keep theirs under `tests/.output/`).
 */
import { isAbsolute, relative, resolve } from 'node:path';

/** Folders of the project that only tools write (the .gitignore's, beside node_modules/ and test-results/, which Vite ignores). */
export const GENERATED_FOLDERS = ['tests/.output', 'bench/.work', 'playwright-report'];

/** Whether `path` is `folder` or inside it. */
function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A matcher for Vite's `server.watch.ignored`: true for a path inside a generated folder that neither holds the content folder nor lies in it. */
export function devWatchIgnored(options: { root: string; contentDir: string; generated: string[] }): (path: string) => boolean {
  const folders = options.generated.map((folder) => resolve(options.root, folder));
  const contentDir = resolve(options.contentDir);
  return (path) => {
    const absolute = resolve(options.root, path);
    if (within(absolute, contentDir) || within(contentDir, absolute)) return false;
    return folders.some((folder) => within(absolute, folder));
  };
}

/** The generated folders of a wiki's settings: its output and cache folders and the project's own. */
export function generatedFolders(settings: { outDir: string; cacheDir: string }): string[] {
  return [settings.outDir, settings.cacheDir, ...GENERATED_FOLDERS];
}
