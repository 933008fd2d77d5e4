/**
 * Build a content folder with the real engine (`astro build` with
 * WIKI_CONTENT_DIR), into its own output and cache folders under tests/.output/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** Variables Vitest sets for its own Vite: a build started from a test must not see them. */
const VITEST_VARIABLES = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

/**
 * The environment without Vitest's variables: under them Vite behaves as in a test (no server listens,
 * NODE_ENV=test), and Astro reads `DEV=1` as `import.meta.env.DEV` in a build.
 */
export function withoutVitestEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && !VITEST_VARIABLES.has(name)));
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
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', env: buildEnv(contentDir, outDir, cacheDir, env), timeout: 400_000 });
  return buildResult(result.status, `${result.stdout}\n${result.stderr}`, outDir);
}

/** `runBuild` without blocking, for builds that run at the same time. */
export function runBuildAsync(args: string[], contentDir: string, outDir: string, cacheDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: buildEnv(contentDir, outDir, cacheDir, env) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise(buildResult(status, output, outDir)));
  });
}

function buildEnv(contentDir: string, outDir: string, cacheDir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...withoutVitestEnv(),
    WIKI_CONTENT_DIR: contentDir,
    WIKI_OUT_DIR: outDir,
    WIKI_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    ...env,
  };
}

function buildResult(status: number | null, output: string, outDir: string): BuildResult {
  return {
    status,
    output,
    outDir,
    read: (path) => readFileSync(join(outDir, path), 'utf8'),
    exists: (path) => existsSync(join(outDir, path)),
  };
}

const astroBuild = [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'];

/** `astro build` of a content folder into tests/.output/<name>/, a fresh folder each time. */
export function buildSite(contentDir: string, name: string, env: Record<string, string> = {}): BuildResult {
  const work = join(repoRoot, 'tests/.output', name);
  rmSync(work, { recursive: true, force: true });
  return runBuild(astroBuild, contentDir, join(work, 'dist'), join(work, 'cache'), env);
}

/** `buildSite` without blocking. */
export function buildSiteAsync(contentDir: string, name: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const work = join(repoRoot, 'tests/.output', name);
  rmSync(work, { recursive: true, force: true });
  return runBuildAsync(astroBuild, contentDir, join(work, 'dist'), join(work, 'cache'), env);
}

/** Every file of a built site but the search index (its files are named by content), path → bytes. */
export function siteFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (!path.startsWith('pagefind/')) files.set(path, readFileSync(join(dir, path)));
  }
  return files;
}
