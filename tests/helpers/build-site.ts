/**
 * Build a content folder with the real engine (`astro build` with
 * WIKI_CONTENT_DIR), into its own output and cache folders under tests/.output/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** The environment without Vitest's variables: under them Vite behaves as in a test (no server listens, NODE_ENV=test). */
export function withoutVitestEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'),
  );
}

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, as a writer would read them. */
  output: string;
  outDir: string;
  /** Read a built file, relative to the output folder. */
  read: (path: string) => string;
  exists: (path: string) => boolean;
}

/**
 * Run a build command (arguments to Node) with the wiki's settings for one
 * content folder, and read what it wrote to `outDir`.
 */
export function runBuild(args: string[], contentDir: string, outDir: string, cacheDir: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    env: {
      ...withoutVitestEnv(),
      WIKI_CONTENT_DIR: contentDir,
      WIKI_OUT_DIR: outDir,
      WIKI_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...env,
    },
    timeout: 400_000,
  });
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    outDir,
    read: (path) => readFileSync(join(outDir, path), 'utf8'),
    exists: (path) => existsSync(join(outDir, path)),
  };
}

/** `astro build` of a content folder into tests/.output/<name>/, a fresh folder each time. */
export function buildSite(contentDir: string, name: string, env: Record<string, string> = {}): BuildResult {
  const work = join(repoRoot, 'tests/.output', name);
  rmSync(work, { recursive: true, force: true });
  return runBuild([join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], contentDir, join(work, 'dist'), join(work, 'cache'), env);
}
