import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/model/parse-article.ts';
import { cachedParser } from '../../src/content-folder/prepass-cache.ts';
import { article } from '../helpers/index.ts';

const source = article(
  'Nvidia',
  'Makes [[h100]] and [[cuda|CUDA]].[^a]\n\n## History\n\n[^a]: [Site](https://example.org), 2024.',
  'updated: 2026-11-29\ntags: [gpu]\n',
);

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'prepass-'));
  return { file: join(dir, 'cache', 'prepass.bin'), lib: 'code-1' };
}

describe('pre-pass cache (rebuilds parse only changed articles)', () => {
  it('gives back, on the next build, exactly what parseArticle gives, dates included, without parsing again', () => {
    const { file, lib } = fresh();
    const first = cachedParser(file, lib);
    first.parse(source, 'nvidia.mdx');
    first.save();
    expect(first.stats()).toEqual({ hits: 0, misses: 1 });

    const second = cachedParser(file, lib);
    const result = second.parse(source, 'nvidia.mdx');
    expect(second.stats()).toEqual({ hits: 1, misses: 0 });
    expect(result).toEqual(parseArticle(source, 'nvidia.mdx'));
    expect(result.ok && result.article.frontmatter.updated).toBeInstanceOf(Date);
  });

  it('parses again an article whose text or file name changed, and forgets entries no build used', () => {
    const { file, lib } = fresh();
    const first = cachedParser(file, lib);
    first.parse(source, 'nvidia.mdx');
    first.parse(article('Old'), 'old.mdx');
    first.save();

    const second = cachedParser(file, lib);
    const edited = second.parse(source.replace('[[h100]]', '[[h200]]'), 'nvidia.mdx');
    second.parse(source, 'renamed.mdx');
    second.save();
    expect(second.stats()).toEqual({ hits: 0, misses: 2 });
    expect(edited.ok && edited.article.links.map((l) => l.target)).toEqual(['h200', 'cuda']);

    const third = cachedParser(file, lib);
    third.parse(article('Old'), 'old.mdx');
    expect(third.stats()).toEqual({ hits: 0, misses: 1 });
  });

  it('starts afresh when the pre-pass code changes, or the cache file is damaged', () => {
    const { file, lib } = fresh();
    const first = cachedParser(file, lib);
    first.parse(source, 'nvidia.mdx');
    first.save();
    const second = cachedParser(file, 'code-2');
    second.parse(source, 'nvidia.mdx');
    expect(second.stats()).toEqual({ hits: 0, misses: 1 });

    writeFileSync(file, 'not a cache');
    const third = cachedParser(file, lib);
    expect(third.parse(source, 'nvidia.mdx')).toEqual(parseArticle(source, 'nvidia.mdx'));
    expect(third.stats()).toEqual({ hits: 0, misses: 1 });
  });
});

describe('the pre-pass cache version', () => {
  it('is the digest of every module the pre-pass runs, so that a change to any of them parses every article again', async () => {
    const { moduleGraph } = await import('../../src/build/code-digest.ts');
    const { CACHES } = await import('../../src/build/caches.ts');
    const model = join(import.meta.dirname, '../../src/model');
    // What parse-article.ts imports, read independently with TypeScript's own pre-processor.
    const ts = (await import('typescript')).default;
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8')).importedFiles) if (fileName.startsWith('.')) visit(join(file, '..', fileName));
    };
    visit(join(model, 'parse-article.ts'));
    expect(seen.size).toBeGreaterThan(4);
    expect(moduleGraph(CACHES.prepass.code.map((url) => url.pathname))).toEqual([...seen].sort());
  });
});

describe('pre-pass on every core', () => {
  it.each([
    [50, 2, 0],
    [1999, 2, 0],
    [2000, 2, 1],
    [5000, 1, 0],
    [5000, 8, 3],
    [3000, 8, 2],
  ])('%i articles on %i cores: %i worker threads besides the main one', async (count, cores, workers) => {
    const { workerCount } = await import('../../src/content-folder/prepass-cache.ts');
    expect(workerCount(count, cores)).toBe(workers);
  });

  it('parses missing articles in worker threads with the same results as parseArticle, errors included, and lets each text go', async () => {
    const { file, lib } = fresh();
    const sources = new Map<string, string>();
    // Enough for a worker thread on two cores or more (workerCount).
    for (let i = 0; i < 2000; i++) sources.set(`a${i}.mdx`, article(`Article ${i}`, `Text ${i} links [[a${i + 1}]].\n\n## Part ${i}`, 'updated: 2026-11-29\n'));
    sources.set('broken.mdx', '---\ntitle: [unclosed\n---\n');
    sources.set('references.bib', '@misc{x, title={X}}');
    const texts = new Map(sources);
    const parser = cachedParser(file, lib);
    const parse = await parser.parseAll(sources);
    for (const [name, text] of texts) {
      if (!name.endsWith('.mdx')) continue;
      // The text was taken; the result is found by the file.
      expect(sources.get(name), name).toBe('');
      expect(parse('', name), name).toEqual(parseArticle(text, name));
    }
    // A bibliography is not an article: its text stays for the references.
    expect(sources.get('references.bib')).toBe('@misc{x, title={X}}');
    // Parsed by parseAll, in this build: none came from the cache.
    expect(parser.stats()).toEqual({ hits: 0, misses: 2001 });
    parser.save();

    // The next build finds every article in the cache, written a record at a time.
    const next = cachedParser(file, lib);
    const again = new Map(texts);
    const cached = await next.parseAll(again);
    expect(cached('', 'a7.mdx')).toEqual(parseArticle(texts.get('a7.mdx')!, 'a7.mdx'));
    for (const name of texts.keys()) if (name.endsWith('.mdx') && name !== 'a7.mdx') cached('', name);
    expect(next.stats()).toEqual({ hits: 2001, misses: 0 });
  });

  it('stops with the error of a worker thread that fails', async () => {
    const { startWorker } = await import('../../src/build/worker.ts');
    const script = new URL(
      'data:text/javascript,' +
        encodeURIComponent(
          "import { parentPort } from 'node:worker_threads'; parentPort.on('message', (n) => { if (n > 1) throw new Error('broken ' + n); parentPort.postMessage(n * 2); });",
        ),
    );
    const worker = startWorker<number, number>(script);
    try {
      expect(await worker.ask(1)).toBe(2);
      await expect(worker.ask(2)).rejects.toThrow('broken 2');
      await expect(worker.ask(1)).rejects.toThrow('broken 2');
    } finally {
      worker.end();
    }
  });
});
