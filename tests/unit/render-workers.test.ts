/** Articles rendered in a worker thread come out exactly as those rendered on the main thread. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderArticles, renderWorkerCount } from '../../src/astro/article-loader.ts';
import type { RenderJob, RenderOutcome, WikiForRendering } from '../../src/render/article-renderer.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { markdown, wikiForRendering } from '../helpers/render-wiki.ts';

const wikiOf = (folder: string) => wikiForRendering(join(repoRoot, 'tests/fixtures', folder));

/** Every outcome, in the order `renderArticles` hands them over, which must be the order of the jobs. */
async function renderAll(jobs: RenderJob[], wiki: WikiForRendering, workers: number, thisThread = true): Promise<RenderOutcome[]> {
  const outcomes: RenderOutcome[] = [];
  const inOrder = (at: number, outcome: RenderOutcome) => outcomes.push(at === outcomes.length ? outcome : { ok: false, message: `out of order: ${at}` });
  // Pieces of one article, so that a few articles are shared among the threads.
  await renderArticles({ count: jobs.length, at: (i) => jobs[i]! }, markdown, wiki, inOrder, { workers, pieceSize: 1, thisThread });
  return outcomes;
}

describe('rendering on every core', () => {
  it.each([
    [50, 2, 0],
    [1000, 2, 0],
    [3999, 2, 0],
    [4000, 2, 1],
    [5000, 1, 0],
    [5000, 16, 1],
    [20000, 16, 3],
  ])('%i articles on %i cores: %i worker threads besides the main one', (count, cores, workers) => {
    expect(renderWorkerCount(count, cores)).toBe(workers);
  });

  it.each([
    [6250, 50000, 0],
    [12500, 50000, 0],
    [25000, 50000, 1],
    [5000, 5000, 1],
  ])('%i articles of a wiki of %i on 2 cores: %i worker threads (none for less than half the wiki)', (count, pages, workers) => {
    expect(renderWorkerCount(count, 2, pages)).toBe(workers);
  });

  it.each([
    ['references', 'class="reference"'],
    ['site', 'class="wikilink'],
    ['reading', 'class="language-'],
  ])(
    'renders the %s fixture in a worker exactly as on the main thread, in order',
    async (folder, marker) => {
      const { wiki, jobs } = wikiOf(folder);
      const main = await renderAll(jobs, wiki, 0);
      // Two workers alone, each sent the wiki without the links and citations of its articles; then the workers and
      // the main thread together: every article as the main thread renders it, in its place.
      const inWorkers = await renderAll(jobs, wiki, 2, false);
      const shared = await renderAll(jobs, wiki, 2);
      expect(main.every((outcome) => outcome.ok)).toBe(true);
      expect(inWorkers).toEqual(main);
      expect(shared).toEqual(main);
      expect(main).toHaveLength(jobs.length);
      expect(main.map((outcome) => (outcome.ok ? outcome.code : '')).join('\n')).toContain(marker);
    },
    90_000,
  );

  it('reports an article that cannot be rendered, from a worker too', async () => {
    const { wiki, jobs } = wikiOf('site');
    const broken = [...jobs, { file: join(wiki.contentDir, 'broken.mdx'), body: 'Text {unclosed', frontmatter: { title: 'Broken' } }];
    const outcomes = await renderAll(broken, wiki, 1);
    expect(outcomes.at(-1)).toMatchObject({ ok: false });
    const fromWorker = await renderAll([broken.at(-1)!, ...jobs], wiki, 1, false);
    expect(fromWorker[0]).toMatchObject({ ok: false, message: expect.stringContaining('end of file') });
  }, 90_000);
});

describe('rendering hands over each article as it is done', () => {
  it('stops at the first article whose outcome is refused, naming it, and renders no further piece', async () => {
    const { wiki, jobs } = wikiOf('site');
    expect(jobs.length).toBeGreaterThan(2);
    const taken: number[] = [];
    const refuse = (at: number) => {
      taken.push(at);
      if (at === 1) throw new Error(`refused ${at}`);
    };
    await expect(renderArticles({ count: jobs.length, at: (i) => jobs[i]! }, markdown, wiki, refuse, { workers: 1, pieceSize: 1 })).rejects.toThrow(
      'refused 1',
    );
    expect(taken).toEqual([0, 1]);
  }, 90_000);
});
