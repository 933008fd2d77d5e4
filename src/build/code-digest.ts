/**
 * A digest of the code that produces a cache's content: the entry modules and every module of this checkout
 * they import, transitively (static and dynamic imports, and worker scripts named with
 * `new URL('./x.ts', import.meta.url)`), plus the installed packages (package-lock.json). A cache keyed by it is
 * stale as soon as any of that code changes, with no list of modules or version number to keep by hand.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, parse } from 'es-module-lexer';

/** Worker threads and other modules loaded by address rather than imported. */
const MODULE_URL = /new URL\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/** The checkout's root: the folder of package.json above this module. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The relative specifiers a module imports or loads. */
function localSpecifiers(source: string): string[] {
  initSync();
  const [imports] = parse(source);
  const specifiers = imports.map((entry) => entry.n).filter((name): name is string => name !== undefined && name.startsWith('.'));
  for (const match of source.matchAll(MODULE_URL)) specifiers.push(match[2] ?? '');
  return specifiers.map((specifier) => specifier.replace(/\?.*$/, ''));
}

/** Every module of the checkout that `entries` reach, as absolute paths, sorted. */
export function moduleGraph(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (!/\.(ts|mts|js|mjs)$/.test(file)) return;
    for (const specifier of localSpecifiers(readFileSync(file, 'utf8'))) visit(resolve(dirname(file), specifier));
  };
  for (const entry of entries) visit(entry);
  return [...seen].sort();
}

const digests = new Map<string, string>();

/** The digest of the code reached from `entries` (module URLs or paths) and of the installed packages; computed once per process. */
export function codeDigest(...entries: Array<URL | string>): string {
  const files = entries.map((entry) => (entry instanceof URL ? fileURLToPath(entry) : entry));
  const key = files.join('\0');
  const known = digests.get(key);
  if (known) return known;
  const hash = createHash('sha256');
  for (const file of moduleGraph(files)) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  const digest = hash.digest('base64url');
  digests.set(key, digest);
  return digest;
}

/**
 * The digest of the whole engine: every file of `src/`, the Astro config and the installed packages. Shards of
 * one site must be built by the same engine (src/postbuild/site-parts.ts).
 */
export function engineDigest(): string {
  const known = digests.get('\0engine');
  if (known) return known;
  const hash = createHash('sha256');
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, join(ROOT, 'astro.config.mjs'), join(ROOT, 'package-lock.json')]) {
    if (existsSync(file)) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  const digest = hash.digest('base64url');
  digests.set('\0engine', digest);
  return digest;
}
