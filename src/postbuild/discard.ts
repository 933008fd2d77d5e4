/**
 * How a build removes a working folder it is done with (Pagefind's input, a part's own files): at once, by default,
 * or out of the way and in the background, as `npm run build` does (cli/publish.ts `Publication.discard`).
 */
import { rmSync } from 'node:fs';

export type Discard = (folder: string) => void;

export const removeNow: Discard = (folder) => rmSync(folder, { recursive: true, force: true });
