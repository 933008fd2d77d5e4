/** Articles rendered in a worker thread come out exactly as those rendered on the main thread. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderArticles, renderWorkerCount } from '../../src/astro/article-loader.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { markdown, wikiForRendering } from '../helpers/render-wiki.ts';

const wikiOf = (folder: string) => wikiForRendering(join(repoRoot, 'tests/fixtures', folder));

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
    ['references', 'class="reference"'],
    ['site', 'class="wikilink'],
    ['reading', 'class="language-'],
  ])(
    'renders the %s fixture in a worker exactly as on the main thread, in order',
    async (folder, marker) => {
      const { wiki, jobs } = wikiOf(folder);
      const main = await renderArticles(jobs, markdown, wiki, 0);
      // Two workers take a share each, the main thread the rest: every article in its place.
      const shared = await renderArticles(jobs, markdown, wiki, 2);
      expect(main.every((outcome) => outcome.ok)).toBe(true);
      expect(shared).toEqual(main);
      expect(main).toHaveLength(jobs.length);
      expect(main.map((outcome) => (outcome.ok ? outcome.code : '')).join('\n')).toContain(marker);
    },
    90_000,
  );

  it('reports an article that cannot be rendered, from a worker too', async () => {
    const { wiki, jobs } = wikiOf('site');
    const broken = [...jobs, { file: join(wiki.contentDir, 'broken.mdx'), body: 'Text {unclosed', frontmatter: { title: 'Broken' } }];
    const outcomes = await renderArticles(broken, markdown, wiki, 1);
    expect(outcomes.at(-1)).toMatchObject({ ok: false });
    const fromWorker = await renderArticles([broken.at(-1)!, ...jobs], markdown, wiki, 1);
    expect(fromWorker[0]).toMatchObject({ ok: false });
  }, 90_000);
});
