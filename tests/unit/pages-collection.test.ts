/**
 * Before the first page of a build is generated, a big heap is collected (src/build/context.ts `pageGenerated`,
 * called by the middleware for every page): once per build, never in `astro dev`.
 */
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as CollectGarbage from '../../src/build/collect-garbage.ts';

vi.mock('../../src/build/collect-garbage.ts', async (original) => ({
  ...(await original<typeof CollectGarbage>()),
  collectGarbageOverBig: vi.fn(),
}));

const { BIG_HEAP_AT_PAGES, collectGarbageOverBig } = await import('../../src/build/collect-garbage.ts');
const { createBuildContext } = await import('../../src/build/context.ts');
const { readSettings } = await import('../../src/content-folder/settings.ts');
const { repoRoot } = await import('../helpers/build-site.ts');

const newContext = () => createBuildContext(readSettings({ WIKI_CONTENT_DIR: join(repoRoot, 'tests/fixtures/site') }, repoRoot));

describe('the collection before the pages', () => {
  beforeEach(() => vi.mocked(collectGarbageOverBig).mockClear());

  it('runs once, before the first page a build generates, with the threshold for that moment', () => {
    const context = newContext();
    context.startBuild();
    context.pageGenerated();
    context.pageGenerated();
    context.pageGenerated();
    expect(collectGarbageOverBig).toHaveBeenCalledTimes(1);
    expect(collectGarbageOverBig).toHaveBeenCalledWith(BIG_HEAP_AT_PAGES);
  });

  it('never runs for pages served by `astro dev`, where no build starts', () => {
    const context = newContext();
    for (let i = 0; i < 5; i++) context.pageGenerated();
    expect(collectGarbageOverBig).not.toHaveBeenCalled();
  });
});
