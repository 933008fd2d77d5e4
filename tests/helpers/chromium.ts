/**
 * The Chromium the browser tests drive (Playwright is told never to download one): CHROMIUM_PATH, else
 * Debian's /usr/bin/chromium, else `chromium` (or `chromium-browser`, `google-chrome`) on PATH. When none is
 * there, a root shell on Debian installs Debian's package; anyone else is stopped at once with the one command
 * to run, not a browser-launch error minutes later.
 *
 * Used by playwright.config.ts, and run by `npm test` before anything else: `node tests/helpers/chromium.ts`.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface ChromiumSearch {
  env: NodeJS.ProcessEnv;
  /** Fixed places to look, in order. */
  places: string[];
  /** Names to look for on PATH, in order. */
  names: string[];
  /** May the package be installed (root, with apt-get)? */
  canInstall: boolean;
  /** Install Debian's package; true when it worked. */
  install: () => boolean;
}

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export const INSTALL_COMMAND = 'sudo apt-get install -y chromium';

export class MissingChromium extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingChromium';
    this.stack = `${this.name}: ${message}`;
  }
}

/** The path of the browser, or undefined. */
export function findChromium(search: Pick<ChromiumSearch, 'env' | 'places' | 'names'>): string | undefined {
  const chosen = search.env['CHROMIUM_PATH'];
  if (chosen) {
    if (!executable(chosen))
      throw new MissingChromium(`CHROMIUM_PATH is ${chosen}, which is not a program that can be run: set it to the path of Chromium or Chrome, or unset it`);
    return chosen;
  }
  return search.places.find(executable) ?? search.names.map((name) => onPath(name, search.env)).find((path) => path !== undefined);
}

/** The browser's path: found, or installed (root on Debian); else a MissingChromium error saying what to run. */
export function chromiumPath(search: ChromiumSearch = defaultSearch()): string {
  const found = findChromium(search);
  if (found) return found;
  if (search.canInstall) {
    console.error("[tests] Chromium is not installed: installing Debian's package for the browser tests (apt-get install chromium) …");
    if (search.install()) {
      const installed = findChromium(search);
      if (installed) return installed;
    }
  }
  throw new MissingChromium(
    `the browser tests need Chromium, and none was found (CHROMIUM_PATH, ${search.places.join(', ')}, or ${search.names.join(', ')} on PATH). Install it:\n\n  ${INSTALL_COMMAND}\n\nor set CHROMIUM_PATH to a Chromium or Chrome you have.`,
  );
}

export function defaultSearch(env: NodeJS.ProcessEnv = process.env): ChromiumSearch {
  return {
    env,
    places: ['/usr/bin/chromium'],
    names: ['chromium', 'chromium-browser', 'google-chrome'],
    canInstall: process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && env['WIKI_NO_INSTALL'] !== '1',
    install: () => {
      const quiet = { stdio: 'inherit' as const, env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
      return spawnSync('apt-get', ['update', '-qq'], quiet).status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], quiet).status === 0;
    },
  };
}

// `node tests/helpers/chromium.ts`: find or install the browser before any test runs, or stop with the command.
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`[tests] browser tests will drive ${chromiumPath()}`);
  } catch (error) {
    console.error(`[tests] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
