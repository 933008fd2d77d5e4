/**
 * The content folder, read once per build: the only scan of it. Every file inside the folder is listed;
 * articles and bibliographies are read as UTF-8 text. What cannot be published as it is, is said, never
 * skipped in silence: a file that is not UTF-8 (with its line), a symbolic link that leads outside the
 * folder (its file would be published from elsewhere), back into a folder that holds it, or nowhere, and
 * articles under a hidden name (`.draft.mdx`, `.private/`), which are not published.
 */
import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostics.ts';
import { ARTICLE_EXTENSION } from '../model/ids.ts';
import { buildPageIndex, BIBLIOGRAPHY_EXTENSION, DATA_EXTENSION, type IndexOptions, type PageIndex } from '../model/page-index.ts';
import { parseArticle, type ParseResult } from '../model/parse-article.ts';
import { withoutByteOrderMark } from '../model/satteri-reader.ts';

export interface ContentFolder {
  /** Every file of the folder, by path relative to it with `/` separators: the text of articles, bibliographies and chart data, '' for other files. */
  sources: Map<string, string>;
  /** What was not read, or is not published, with the reason and the fix. */
  diagnostics: Diagnostic[];
}

/** Folders of tools that are never content, skipped without a word. */
const TOOL_FOLDERS = new Set(['.git', '.hg', '.svn']);

/** Whether the text of `file` is read: articles, bibliographies and the data of charts. */
function isText(file: string): boolean {
  return file.endsWith(ARTICLE_EXTENSION) || file.endsWith(BIBLIOGRAPHY_EXTENSION) || file.toLowerCase().endsWith(DATA_EXTENSION);
}

/**
 * The text of a file read as UTF-8, without a byte-order mark (which editors on Windows write, and which would
 * otherwise be the first character of the frontmatter), or where it stops being UTF-8.
 */
export function decodeUtf8(bytes: Buffer): { ok: true; text: string } | { ok: false; line: number; column: number; message: string } {
  if (isUtf8(bytes)) return { ok: true, text: withoutByteOrderMark(bytes.toString('utf8')) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, line: 1, column: 1, message: 'the file is UTF-16, not UTF-8: save it as UTF-8 (in most editors: Save with Encoding → UTF-8)' };
  }
  // Lines end at 0x0A, which is never part of a longer UTF-8 sequence.
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
    if (!isUtf8(slice)) {
      const decoded = slice.toString('utf8');
      const column = decoded.indexOf('\uFFFD') + 1;
      const offset = Buffer.byteLength(decoded.slice(0, Math.max(column - 1, 0)));
      const byte = slice[offset] ?? 0;
      return {
        ok: false,
        line,
        column: Math.max(column, 1),
        message: `the file is not valid UTF-8 here (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}): it was saved in another encoding, such as Latin-1 or Windows-1252; save it as UTF-8, and check the characters of this line`,
      };
    }
    if (end === -1) return { ok: false, line, column: 1, message: 'the file is not valid UTF-8: save it as UTF-8' };
    start = end + 1;
  }
}

/** The code of a file-system error (`ELOOP`, `ENOENT`, …), or its message. */
function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** The articles (`.mdx` files) under a hidden folder, relative to it; symbolic links are not followed. */
function articlesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    let names: string[];
    try {
      names = readdirSync(current);
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(current, name);
      const stat = lstatSync(full, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(full);
      else if (stat?.isFile() && name.endsWith(ARTICLE_EXTENSION)) found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** Read every file of the content folder `dir`. */
export function readContentFolder(dir: string): ContentFolder {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const error = (file: string, message: string, line?: number, column?: number) =>
    diagnostics.push({ severity: 'error', file, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}), message });
  const warn = (file: string, message: string) => diagnostics.push({ severity: 'warning', file, message });
  const root = realpathSync(dir);
  const inside = (real: string) => real === root || real.startsWith(root + sep);

  const readFile = (full: string, file: string) => {
    if (!isText(file)) {
      sources.set(file, '');
      return;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch (reason) {
      error(file, `the file cannot be read (${codeOf(reason)}): check its permissions`);
      return;
    }
    const decoded = decodeUtf8(bytes);
    if (decoded.ok) sources.set(file, decoded.text);
    else error(file, decoded.message, decoded.line, decoded.column);
  };

  /** `ancestors`: the real paths of the folders being walked, so that a link back into one is found. */
  const walk = (current: string, prefix: string, ancestors: string[]) => {
    let names: string[];
    try {
      names = readdirSync(current).sort();
    } catch (reason) {
      error(prefix || '.', `the folder cannot be read (${codeOf(reason)}): check its permissions`);
      return;
    }
    for (const name of names) {
      const full = join(current, name);
      const file = prefix ? `${prefix}/${name}` : name;
      if (name.startsWith('.')) {
        hidden(full, file, name);
        continue;
      }
      let stat = lstatSync(full, { throwIfNoEntry: false });
      if (!stat) continue;
      let real = full;
      if (stat.isSymbolicLink()) {
        try {
          real = realpathSync(full);
        } catch (reason) {
          const code = codeOf(reason);
          if (code === 'ELOOP')
            error(file, 'this symbolic link leads round in a loop of links and never to a file: remove it, or point it at a file of the content folder');
          else if (code === 'ENOENT')
            error(file, 'this symbolic link leads to nothing (its target does not exist): remove it, or point it at a file of the content folder');
          else error(file, `this symbolic link cannot be followed (${code}): remove it`);
          continue;
        }
        if (!inside(real)) {
          error(
            file,
            `this symbolic link leads outside the content folder (to ${real}), whose files the build does not publish: copy what it should publish into the content folder, or remove the link`,
          );
          continue;
        }
        stat = statSync(full);
      }
      if (stat.isDirectory()) {
        if (ancestors.includes(real)) {
          error(file, 'this symbolic link leads back to a folder that holds it, so the folder would never end: remove it');
          continue;
        }
        walk(full, file, [...ancestors, real]);
      } else if (stat.isFile()) {
        readFile(full, file);
      } else {
        warn(file, 'not published: it is not a file or a folder (a device, pipe or socket): remove it from the content folder');
      }
    }
  };

  /** Names starting with `.` are hidden by convention (editors' and tools' files): not published, and any article among them said. */
  const hidden = (full: string, file: string, name: string) => {
    if (TOOL_FOLDERS.has(name)) return;
    const stat = lstatSync(full, { throwIfNoEntry: false });
    if (stat?.isFile() && name.endsWith(ARTICLE_EXTENSION)) {
      warn(file, `not published: its name starts with \`.\`, which hides it; rename it to \`${name.replace(/^\.+/, '')}\` to publish it`);
    } else if (stat?.isDirectory()) {
      const articles = articlesUnder(full);
      if (articles.length > 0) {
        const listed = articles.slice(0, 3).join(', ') + (articles.length > 3 ? ', …' : '');
        warn(
          `${file}/`,
          `not published: ${articles.length} article${articles.length === 1 ? '' : 's'} (${listed}) in a folder whose name starts with \`.\`, which hides it; rename the folder to \`${name.replace(/^\.+/, '')}\` to publish ${articles.length === 1 ? 'it' : 'them'}`,
        );
      }
    }
  };

  walk(root, '', [root]);
  return { sources, diagnostics };
}

/** The text of the file `path` as the folder's reading gives it (UTF-8, no byte-order mark), or undefined. */
export function readText(path: string): string | undefined {
  try {
    const decoded = decodeUtf8(readFileSync(path));
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/** Every file of the content folder (relative path → text; other files than articles, bibliographies and chart data → ''). */
export function readSources(dir: string): Map<string, string> {
  return readContentFolder(dir).sources;
}

/** Every file of the content folder that is read or published, relative, sorted. */
export function listFiles(dir: string): string[] {
  return [...readContentFolder(dir).sources.keys()];
}

/** Read the content folder and build the page index; `parse` may be a cached `parseArticle` (prepass-cache.ts). */
export function loadPageIndex(contentDir: string, parse: (source: string, file: string) => ParseResult = parseArticle, options: IndexOptions = {}): PageIndex {
  const folder = readContentFolder(contentDir);
  return buildPageIndex(folder.sources, parse, { ...options, diagnostics: [...folder.diagnostics, ...(options.diagnostics ?? [])] });
}
