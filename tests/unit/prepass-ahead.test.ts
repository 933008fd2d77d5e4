import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheCodeDigest } from '../../src/build/caches.ts';
import { readAhead, waitForReadAhead } from '../../src/build/prepass-ahead.ts';
import { cachedParser, fillCache } from '../../src/content-folder/prepass-cache.ts';
import { aheadVariable, readSettings } from '../../src/content-folder/settings.ts';
import { parseArticle } from '../../src/model/parse-article.ts';
import { article } from '../helpers/index.ts';

const nvidia = article('Nvidia', 'Makes [[h100]].[^a]\n\n[^a]: [Site](https://example.org), 2024.', 'tags: [gpu]\n');
const h100 = article('H100', 'A chip of [[nvidia]].');

function folder(): { content: string; cacheFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'prepass-ahead-'));
  const content = join(dir, 'content');
  mkdirSync(join(content, 'hardware'), { recursive: true });
  writeFileSync(join(content, 'nvidia.mdx'), nvidia);
  writeFileSync(join(content, 'hardware', 'h100.mdx'), h100);
  return { content, cacheFile: join(dir, 'cache', 'wiki-prepass.bin') };
}

describe('the pre-pass read ahead by `npm run build` while Astro starts', () => {
  it("leaves every article's result in the cache, where the build's pre-pass finds them all without parsing", async () => {
    const { content, cacheFile } = folder();
    await readAhead(content, cacheFile);

    const parser = cachedParser(cacheFile, cacheCodeDigest('prepass'));
    const parse = await parser.parseAll(
      new Map([
        ['nvidia.mdx', nvidia],
        ['hardware/h100.mdx', h100],
      ]),
    );
    expect(parse('', 'nvidia.mdx')).toEqual(parseArticle(nvidia, 'nvidia.mdx'));
    expect(parse('', 'hardware/h100.mdx')).toEqual(parseArticle(h100, 'hardware/h100.mdx'));
    expect(parser.stats()).toEqual({ hits: 2, misses: 0 });
  });

  it('parses again only what changed since, so an edited article is never read from an old result', async () => {
    const { content, cacheFile } = folder();
    await readAhead(content, cacheFile);
    const edited = nvidia.replace('[[h100]]', '[[h200]]');
    writeFileSync(join(content, 'nvidia.mdx'), edited);

    const parser = cachedParser(cacheFile, cacheCodeDigest('prepass'));
    const parse = await parser.parseAll(
      new Map([
        ['nvidia.mdx', edited],
        ['hardware/h100.mdx', h100],
      ]),
    );
    const result = parse('', 'nvidia.mdx');
    parse('', 'hardware/h100.mdx');
    expect(result.ok && result.article.links.map((link) => link.target)).toEqual(['h200']);
    expect(parser.stats()).toEqual({ hits: 1, misses: 1 });
  });

  it('writes the cache again only when the folder changed: not for the same articles, and without a deleted one', async () => {
    const { content, cacheFile } = folder();
    await readAhead(content, cacheFile);
    const written = statSync(cacheFile).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await readAhead(content, cacheFile);
    expect(statSync(cacheFile).mtimeMs).toBe(written);

    rmSync(join(content, 'hardware', 'h100.mdx'));
    await readAhead(content, cacheFile);
    expect(statSync(cacheFile).mtimeMs).toBeGreaterThan(written);
    const parser = cachedParser(cacheFile, cacheCodeDigest('prepass'));
    expect(parser.parse(nvidia, 'nvidia.mdx')).toEqual(parseArticle(nvidia, 'nvidia.mdx'));
    parser.parse(h100, 'hardware/h100.mdx');
    expect(parser.stats()).toEqual({ hits: 1, misses: 1 });
  });

  it('fills the cache with the same results when a worker thread parses some of the articles (a large wiki)', async () => {
    const { cacheFile } = folder();
    const many = new Map(Array.from({ length: 150 }, (_, i): [string, string] => [`a${i}.mdx`, article(`A ${i}`, `Links [[a${(i + 1) % 150}]].`)]));
    await fillCache(cacheFile, cacheCodeDigest('prepass'), new Map(many), 1);
    const parser = cachedParser(cacheFile, cacheCodeDigest('prepass'));
    for (const [file, text] of many) expect(parser.parse(text, file), file).toEqual(parseArticle(text, file));
    expect(parser.stats()).toEqual({ hits: 150, misses: 0 });
  });

  it('never fails the build: a folder it cannot read is reported, and the pre-pass reads the articles itself', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(readAhead(join(tmpdir(), 'no-such-wiki-folder'), join(tmpdir(), 'x', 'wiki-prepass.bin'))).resolves.toBeUndefined();
      expect(errors.mock.calls.flat().join('\n')).toMatch(/reading the articles ahead of Astro failed .*Astro's pre-pass reads them/);
    } finally {
      errors.mockRestore();
    }
  });

  it('is waited for until its marker is written, and only by a child of the process reading ahead', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'prepass-ahead-')), 'done');
    let done = false;
    const waiting = waitForReadAhead({ pid: 1, marker }, () => true).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    writeFileSync(marker, '');
    await waiting;
    expect(done).toBe(true);

    // A variable left in a shell, or `astro build` run by hand: nothing to wait for.
    await expect(waitForReadAhead({ pid: 1, marker: join(tmpdir(), 'never-written') })).resolves.toBeUndefined();
  });

  it('is named to Astro by `npm run build` in WIKI_PREPASS_AHEAD, with its pid', () => {
    const ahead = { pid: 4321, marker: '/tmp/wiki prepass:ahead' };
    const root = mkdtempSync(join(tmpdir(), 'prepass-ahead-'));
    expect(readSettings({ WIKI_PREPASS_AHEAD: aheadVariable(ahead) }, root).prepassAhead).toEqual(ahead);
    expect(readSettings({}, root).prepassAhead).toBeUndefined();
  });
});

describe('the pre-pass cache file', () => {
  it('is not written again when it would hold the same results (a rebuild with nothing changed, or a read ahead)', async () => {
    const { content, cacheFile } = folder();
    await readAhead(content, cacheFile);
    const written = statSync(cacheFile).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));

    const same = cachedParser(cacheFile, cacheCodeDigest('prepass'));
    same.parse(nvidia, 'nvidia.mdx');
    same.parse(h100, 'hardware/h100.mdx');
    same.save();
    expect(statSync(cacheFile).mtimeMs).toBe(written);

    // One article fewer: the file is written again, without it.
    const fewer = cachedParser(cacheFile, cacheCodeDigest('prepass'));
    fewer.parse(nvidia, 'nvidia.mdx');
    fewer.save();
    expect(statSync(cacheFile).mtimeMs).toBeGreaterThan(written);
    const after = cachedParser(cacheFile, cacheCodeDigest('prepass'));
    after.parse(h100, 'hardware/h100.mdx');
    expect(after.stats()).toEqual({ hits: 0, misses: 1 });
  });
});
