/**
 * `npm run build` never loses content and never replaces a good site with a bad one: a wrong output folder is
 * refused before anything is written, an empty or missing content folder is an error, a build whose process
 * ends early (exit 0 included) or is interrupted leaves the previous site, and an interruption ends every
 * process of the build and removes its folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuild, withoutVitestEnv } from '../helpers/build-site.ts';

const work = join(repoRoot, 'tests/.output/build-safety');
const content = join(work, 'content');
const site = join(work, 'site');
const cache = join(work, 'cache');
const cli = [join(repoRoot, 'cli/build.ts')];

/** Every file under `dir` with its text: what must survive a refused build untouched. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

// The site fixture holds an `{expression}` on purpose: full MDX (src/model/trust.ts).
function build(outDir: string, env: Record<string, string> = {}, contentDir = content) {
  return runBuild(cli, contentDir, outDir, cache, { WIKI_TRUST: 'trusted', ...env });
}

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  cpSync(join(repoRoot, 'tests/fixtures/site'), content, { recursive: true });
  const first = build(site);
  expect(first.status, first.output).toBe(0);
}, 240_000);

describe('the output folder', () => {
  it.each([
    ['the content folder itself', () => content, 'is the content folder'],
    ['a folder that contains the content folder', () => work, 'contains the content folder'],
    ['a folder inside the content folder', () => join(content, 'site'), 'is inside the content folder'],
    ['the checkout (WIKI_OUT_DIR=.)', () => '.', "is the engine's checkout"],
    ['a folder that contains the checkout', () => join(repoRoot, '..'), "contains the engine's checkout"],
    ["a folder inside the engine's sources", () => join(repoRoot, 'src/site'), "inside the engine's folder src/"],
  ])('is refused when it is %s, and nothing is touched', (_, outDir, reason) => {
    const before = snapshot(content);
    const result = build(outDir());
    expect(result.status).toBe(2);
    expect(result.output).toContain('The build did not start');
    expect(result.output).toContain(reason);
    expect(result.output).toContain('set WIKI_OUT_DIR to a folder of its own');
    expect(snapshot(content)).toEqual(before);
    expect(existsSync(join(repoRoot, 'src/site'))).toBe(false);
  });

  it('is refused when it holds files that are not a site this wiki built', () => {
    const other = join(work, 'notes');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'todo.txt'), 'keep me');
    const result = build(other);
    expect(result.status).toBe(2);
    expect(result.output).toContain('holds files that are not a site built by this wiki');
    expect(readFileSync(join(other, 'todo.txt'), 'utf8')).toBe('keep me');
  });

  it('is refused by `astro build` run directly too, before Astro writes anything', () => {
    const before = snapshot(content);
    const result = runBuild([join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], content, content, cache);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('is the content folder');
    expect(snapshot(content)).toEqual(before);
  });

  it('is replaced by a new build when it is a site built before', () => {
    expect(readdirSync(site)).toContain('.wiki-site');
    const result = build(site);
    expect(result.status, result.output).toBe(0);
  }, 120_000);
});

describe('the content folder', () => {
  it('missing: a clear error, and the previous site is kept', () => {
    const result = build(site, {}, join(work, 'no-such-folder'));
    expect(result.status).toBe(2);
    expect(result.output).toMatch(/the content folder .*no-such-folder does not exist: create it/);
    expect(existsSync(join(site, 'index.html'))).toBe(true);
  });

  it('without articles: an error unless WIKI_ALLOW_EMPTY=1, and the previous site is kept', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'notes.txt'), 'not an article');
    const refused = build(site, {}, empty);
    expect(refused.status).toBe(2);
    expect(refused.output).toContain('holds no article');
    expect(refused.output).toContain('WIKI_ALLOW_EMPTY=1');
    expect(existsSync(join(site, 'wiki/nvidia/index.html'))).toBe(true);

    const allowed = build(join(work, 'empty-site'), { WIKI_ALLOW_EMPTY: '1' }, empty);
    expect(allowed.status, allowed.output).toBe(0);
  }, 120_000);
});

describe('the settings', () => {
  it.each([
    ['a wiki.config.yaml that is not valid YAML', 'title: [unclosed\nlanguage: en\n', {}, 'wiki.config.yaml:2: error: wiki.config.yaml is not valid YAML'],
    [
      'an environment variable the wiki cannot read',
      'title: Wiki\n',
      { WIKI_STRICT: 'perhaps' },
      'environment variable WIKI_STRICT: error: `perhaps` is not a yes or no',
    ],
  ])('with %s, stop the build before it starts, each mistake listed with where it is and its fix, the site untouched', (_, config, env, where) => {
    const folder = join(work, 'bad-settings');
    rmSync(folder, { recursive: true, force: true });
    cpSync(content, folder, { recursive: true });
    writeFileSync(join(folder, 'wiki.config.yaml'), config);
    const before = snapshot(site);
    const result = build(site, env, folder);
    expect(result.status, result.output).toBe(2);
    expect(result.output).toContain("[wiki] The build did not start. The wiki's settings (wiki.config.yaml) have mistakes:");
    expect(result.output).toContain(where);
    // A message, not a crash: no stack trace, no object dump.
    expect(result.output).not.toMatch(/\n\s+at |diagnostics: \[|Node\.js v/);
    expect(snapshot(site)).toEqual(before);
  });
});

describe('a build that does not finish', () => {
  it('ended early with exit status 0 by an article does not replace the site', () => {
    const exiting = join(work, 'exiting');
    cpSync(content, exiting, { recursive: true });
    writeFileSync(join(exiting, 'exit.mdx'), '---\ntitle: Exit\n---\n\nBye {process.exit(0)}\n');
    const before = readFileSync(join(site, 'wiki/nvidia/index.html'), 'utf8');
    const result = build(site, { WIKI_TRUST: 'trusted' }, exiting);
    expect(result.status).toBe(1);
    expect(result.output).toContain('The build stopped before it was done');
    expect(result.output).toContain(`the previous site in ${site} is unchanged`);
    expect(readFileSync(join(site, 'wiki/nvidia/index.html'), 'utf8')).toBe(before);
    expect(readdirSync(work).filter((name) => name.includes('.building-'))).toEqual([]);
  }, 120_000);

  it('interrupted (SIGTERM to npm run build) ends Astro, removes its folder and keeps the site', async () => {
    const before = readFileSync(join(site, 'wiki/nvidia/index.html'), 'utf8');
    const npm = spawn('npm', ['run', 'build'], {
      cwd: repoRoot,
      env: { ...withoutVitestEnv(), WIKI_CONTENT_DIR: content, WIKI_OUT_DIR: site, WIKI_CACHE_DIR: cache, WIKI_TRUST: 'trusted', NO_COLOR: '1' },
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Wait until Astro is at work in the fresh folder.
    const building = () => readdirSync(work).filter((name) => name.startsWith('.site.building-'));
    const deadline = Date.now() + 60_000;
    while (building().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(building().length).toBeGreaterThan(0);
    const astroPids = () =>
      spawnSync('pgrep', ['-f', `astro.mjs build`], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean)
        .filter((pid) => {
          try {
            return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`WIKI_OUT_DIR=${join(work, '.site.building-')}`);
          } catch {
            return false;
          }
        });
    expect(astroPids().length).toBe(1);
    npm.kill('SIGTERM');
    await new Promise((resolve) => npm.on('close', resolve));
    // The build's own process notices, ends Astro and cleans up.
    const settled = Date.now() + 20_000;
    while ((astroPids().length > 0 || building().length > 0) && Date.now() < settled) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(astroPids()).toEqual([]);
    expect(building()).toEqual([]);
    expect(readFileSync(join(site, 'wiki/nvidia/index.html'), 'utf8')).toBe(before);
  }, 120_000);
});
