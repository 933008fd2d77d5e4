import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/parse-article.ts';
import { cachedParser } from '../../src/lib/prepass-cache.ts';
import { article } from '../helpers/index.ts';

const source = article('Nvidia', 'Makes [[h100]] and [[cuda|CUDA]].[^a]\n\n## History\n\n[^a]: [Site](https://example.org), 2024.', 'updated: 2026-11-29\ntags: [gpu]\n');

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'prepass-'));
  const lib = join(dir, 'lib');
  mkdirSync(lib);
  writeFileSync(join(lib, 'parse-article.ts'), 'version 1');
  return { file: join(dir, 'cache', 'prepass.bin'), lib };
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
    writeFileSync(join(lib, 'parse-article.ts'), 'version 2');
    const second = cachedParser(file, lib);
    second.parse(source, 'nvidia.mdx');
    expect(second.stats()).toEqual({ hits: 0, misses: 1 });

    writeFileSync(file, 'not a cache');
    const third = cachedParser(file, lib);
    expect(third.parse(source, 'nvidia.mdx')).toEqual(parseArticle(source, 'nvidia.mdx'));
    expect(third.stats()).toEqual({ hits: 0, misses: 1 });
  });
});
