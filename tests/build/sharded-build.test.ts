/**
 * A sharded build is the same site as a whole build: a generated wiki of a few hundred articles built whole,
 * and as three shards merged, gives identical files, byte for byte, search index included (so every query
 * returns the same pages in the same order, whichever shard indexed them). A merge refuses shards that are
 * missing, failed, or built from other content, naming them; shares are balanced and stable.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWiki, writeWiki } from '../../bench/generate.ts';
import type { PageId } from '../../src/model/ids.ts';
import { assignShards, parseShard } from '../../src/model/shards.ts';
import { pieceFile } from '../../src/shared/title-index.ts';
import { repoRoot, runBuild, type BuildResult } from '../helpers/build-site.ts';

const work = join(repoRoot, 'tests/.output/sharded-build');
const content = join(work, 'content');
const cli = (name: string) => [join(repoRoot, 'cli', name)];

function build(outDir: string, args: string[] = [], contentDir = content, cache = join(work, `cache-${relative(work, outDir)}`)): BuildResult {
  return runBuild([...cli('build.ts'), ...args], contentDir, outDir, cache, { WIKI_SITE: 'https://wiki.example.org' });
}
function merge(outDir: string, parts: string[]): BuildResult {
  return runBuild([...cli('merge.ts'), ...parts], content, outDir, join(work, 'cache-merge'));
}

/** Every file of a built site, path → bytes (base64). */
function files(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .map((path) => [relative(dir, path), readFileSync(path).toString('base64')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

const shards = [1, 2, 3].map((i) => join(work, `shard-${i}`));
let whole: BuildResult;
let merged: BuildResult;

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  writeWiki(content, generateWiki({ pages: 240, seed: 7 }));
  // A repository of its own, with one commit, so that the articles have history pages (tests/.output is ignored by
  // the engine's repository, and an ignored folder builds as outside git).
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-c', 'user.name=Ada Writer', '-c', 'user.email=ada@example.org', ...args], { cwd: content, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'The generated wiki');
  whole = build(join(work, 'whole'));
  shards.forEach((dir, i) => {
    const shard = build(dir, [`--shard=${i + 1}/3`]);
    expect(shard.status, shard.output).toBe(0);
  });
  merged = merge(join(work, 'merged'), shards);
}, 900_000);

describe('a wiki built as three shards and merged', () => {
  it('builds, shard by shard, each shard only its share of the articles', () => {
    expect(whole.status, whole.output).toBe(0);
    expect(merged.status, merged.output).toBe(0);
    const articles = shards.map((dir) => readdirSync(join(dir, 'previews'), { recursive: true }).filter((name) => String(name).endsWith('.json')).length);
    expect(articles.reduce((a, b) => a + b, 0)).toBe(240);
    for (const count of articles) expect(count).toBeGreaterThan(50);
    // The site's own pages are written once, by the first shard, and so is the title index of the whole wiki.
    expect([existsSync(join(shards[0]!, 'special/all-pages/index.html')), existsSync(join(shards[1]!, 'special/all-pages/index.html'))]).toEqual([true, false]);
    expect(shards.map((dir) => existsSync(join(dir, 'search-titles/index.json')))).toEqual([true, false, false]);
    // Articles' history pages are written from templates of 500 (src/model/history-template.ts), which go round
    // the shards from the last like the pages of Special:Sources: 240 articles, one template, in shard 3.
    const histories = shards.map((dir) =>
      existsSync(join(dir, 'special/history'))
        ? readdirSync(join(dir, 'special/history'), { recursive: true }).filter((name) => String(name).endsWith('index.html')).length
        : 0,
    );
    expect(histories).toEqual([0, 0, 240]);
    // The pages of Special:Sources go round the shards from the last: page 1 in shard 3, page 2 in shard 2, …
    const sourcesPages = shards.map((dir) =>
      existsSync(join(dir, 'special/sources'))
        ? readdirSync(join(dir, 'special/sources'), { recursive: true })
            .map(String)
            .filter((name) => name.endsWith('index.html'))
            .sort()
        : [],
    );
    expect(sourcesPages.flat().length).toBeGreaterThanOrEqual(3);
    expect(sourcesPages[2]).toContain('index.html');
    expect(sourcesPages[1]).toContain('2/index.html');
    expect(sourcesPages[0]).toContain('3/index.html');
    expect(sourcesPages[0]).not.toContain('index.html');
  });

  it('is the whole build, byte for byte, search index and sitemap included', () => {
    const a = files(whole.outDir);
    const b = files(merged.outDir);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([path, bytes]) => b.get(path) !== bytes).map(([path]) => path);
    expect(differing).toEqual([]);
    expect(a.size).toBeGreaterThan(600);
    expect([...a.keys()].filter((path) => path.startsWith('pagefind/index/')).length).toBeGreaterThan(1);
    // Search's other files: the title index ("Go to", Enter on a title) and the vocabulary of "Did you mean",
    // read from the joined index and the names of every article.
    expect([...a.keys()].filter((path) => path.startsWith('search-titles/')).length).toBeGreaterThan(1);
    expect([...a.keys()].filter((path) => path.startsWith('search-words/')).length).toBeGreaterThan(1);
    const titles = JSON.parse(readFileSync(join(merged.outDir, 'search-titles/index.json'), 'utf8')) as { pieces: string[] };
    const rows = titles.pieces.flatMap(
      (prefix) => JSON.parse(readFileSync(join(merged.outDir, 'search-titles', pieceFile('piece', prefix)), 'utf8')) as Array<[string]>,
    );
    expect(new Set(rows.map(([id]) => id)).size).toBe(240); // a row is in the piece of each of its names
    const words = JSON.parse(readFileSync(join(merged.outDir, 'search-words/index.json'), 'utf8')) as { pieces: Record<string, string> };
    const vocabulary = Object.values(words.pieces).flatMap((file) => JSON.parse(readFileSync(join(merged.outDir, 'search-words', file), 'utf8')) as string[]);
    expect(vocabulary.length).toBeGreaterThan(1000);
  });

  it('is also what `--shards=3 --jobs=2` builds on one machine, into a folder outside the checkout', () => {
    // Outside the checkout, Astro keeps a build's compiled pages in its working folder, not in the output's: the
    // shards running at once must not share it (each Astro runs in a root of its own).
    const local = build(join(mkdtempSync(join(tmpdir(), 'sharded-')), 'site'), ['--shards=3', '--jobs=2'], content, join(work, 'cache-local'));
    expect(local.status, local.output).toBe(0);
    expect(local.output).toContain('merged 3 shards: 240 articles');
    expect(files(local.outDir)).toEqual(files(whole.outDir));
  }, 600_000);
});

describe('a merge that cannot make the site', () => {
  it('names a missing shard, and writes nothing', () => {
    const result = merge(join(work, 'refused'), [shards[0]!, shards[2]!]);
    expect(result.status).toBe(1);
    expect(result.output).toContain('shard 2/3 is missing: merge all 3 shards');
    expect(existsSync(join(work, 'refused'))).toBe(false);
  });

  it('names a shard that failed or stopped (no manifest)', () => {
    const failed = join(work, 'failed-shard');
    cpSync(shards[1]!, failed, { recursive: true });
    rmSync(join(failed, '.wiki-part'), { recursive: true });
    const result = merge(join(work, 'refused'), [shards[0]!, failed, shards[2]!]);
    expect(result.status).toBe(1);
    expect(result.output).toContain(`${failed} is not a finished part of a build`);
  });

  it('refuses shards of different content revisions', () => {
    const edited = join(work, 'content-edited');
    cpSync(content, edited, { recursive: true });
    const first = readdirSync(join(edited, 'hardware')).find((name) => name.endsWith('.mdx'))!;
    writeFileSync(join(edited, 'hardware', first), `${readFileSync(join(edited, 'hardware', first), 'utf8')}\nOne more sentence.\n`);
    const other = build(join(work, 'shard-2-edited'), ['--shard=2/3'], edited);
    expect(other.status, other.output).toBe(0);
    const result = merge(join(work, 'refused'), [shards[0]!, join(work, 'shard-2-edited'), shards[2]!]);
    expect(result.status).toBe(1);
    expect(result.output).toContain('was built from other content than');
    expect(result.output).toContain('build every shard from the same commit');
  }, 300_000);
});

describe('shares of the articles', () => {
  const sizes = (count: number, seed = 1) =>
    new Map(Array.from({ length: count }, (_, i) => [`a${String(i).padStart(4, '0')}` as PageId, 500 + ((i * 7919 + seed) % 4000)]));

  it('are balanced by size: no shard holds more than its n-th plus one article', () => {
    const map = sizes(1000);
    const assignment = assignShards(map, 4);
    const totals = [1, 2, 3, 4].map((shard) => [...assignment].filter(([, s]) => s === shard).reduce((sum, [id]) => sum + (map.get(id) ?? 0), 0));
    const whole = totals.reduce((a, b) => a + b, 0);
    for (const total of totals) expect(Math.abs(total - whole / 4)).toBeLessThan(4500);
  });

  it('are stable: adding an article moves at most a few others', () => {
    const before = sizes(1000);
    const after = new Map(before).set('a0500x' as PageId, 2000);
    const a = assignShards(before, 4);
    const b = assignShards(after, 4);
    const moved = [...a].filter(([id, shard]) => b.get(id) !== shard).length;
    expect(moved).toBeLessThanOrEqual(6);
  });

  it('are written --shard=i/n, as Playwright and Vitest write them', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(undefined)).toBeUndefined();
    for (const bad of ['0/3', '4/3', '2', 'a/b']) expect(() => parseShard(bad)).toThrow(/write `--shard=i\/n` with 1 ≤ i ≤ n/);
  });
});

describe('a shard folder', () => {
  it('holds the parts merge needs, and every site page once across shards', () => {
    for (const dir of shards) expect(statSync(join(dir, '.wiki-part/part.json')).isFile()).toBe(true);
    const manifest = JSON.parse(readFileSync(join(shards[1]!, '.wiki-part/part.json'), 'utf8')) as { shard: { index: number; count: number }; steps: string[] };
    expect(manifest.shard).toEqual({ index: 2, count: 3 });
    expect(manifest.steps).toContain('search');
  });
});
