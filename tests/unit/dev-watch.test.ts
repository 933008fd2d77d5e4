/** What `astro dev` leaves unwatched: generated folders, never the content folder, wherever that is. */
import { describe, expect, it } from 'vitest';
import { devWatchIgnored, generatedFolders } from '../../src/astro/dev-watch.ts';

const root = '/project';

describe('the dev server’s watch list', () => {
  const ignored = devWatchIgnored({
    root,
    contentDir: '/project/content',
    generated: generatedFolders({ outDir: '/project/dist', cacheDir: '/project/node_modules/.astro' }),
  });

  it('ignores what builds, tests and benchmarks write', () => {
    for (const path of [
      '/project/dist',
      '/project/dist/wiki/cuda/index.html',
      '/project/bench/.work/wiki-5000/content/a.mdx',
      '/project/tests/.output/site/dist/index.html',
      '/project/playwright-report/index.html',
      'tests/.output/x',
    ])
      expect(ignored(path), path).toBe(true);
  });

  it('watches the code, the content and everything else', () => {
    for (const path of [
      '/project',
      '/project/src/pages/index.astro',
      '/project/content/cuda.mdx',
      '/project/astro.config.mjs',
      '/project/bench/run.ts',
      '/project/tests/unit/a.test.ts',
      '/project/distant/file.ts',
      '/project/.astro/settings.json',
    ])
      expect(ignored(path), path).toBe(false);
  });

  it('watches a content folder kept inside a generated folder, and the folders that lead to it', () => {
    const inTests = devWatchIgnored({
      root,
      contentDir: '/project/tests/.output/dev/content',
      generated: generatedFolders({ outDir: '/project/dist', cacheDir: '/project/tests/.output/dev/cache' }),
    });
    expect(inTests('/project/tests/.output/dev/content/cuda.mdx')).toBe(false);
    expect(inTests('/project/tests/.output/dev/content')).toBe(false);
    expect(inTests('/project/tests/.output/dev')).toBe(false);
    expect(inTests('/project/tests/.output')).toBe(false);
    expect(inTests('/project/tests/.output/dev/cache/data-store.json')).toBe(true);
    expect(inTests('/project/tests/.output/site/dist/index.html')).toBe(true);
    expect(inTests('/project/tests/.output/dev/content-old/a.mdx')).toBe(true);
  });
});
