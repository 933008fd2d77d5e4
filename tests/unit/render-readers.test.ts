/**
 * Articles are rendered from satteri's reading of their Markdown (src/render/plugins/remark-satteri-parse.ts), not
 * remark's: the pages must be byte for byte the ones remark's reading gives, with the same headings, images
 * and errors. Held here over the real content, every fixture site, a generated wiki and corner cases.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticleRenderer, renderJob } from '../../src/render/article-renderer.ts';
import { needsRemark, satteriTree } from '../../src/model/satteri-reader.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { markdown, renderedSites, wikiForRendering } from '../helpers/render-wiki.ts';

const sites = renderedSites(5);

describe('pages rendered from satteri’s reading are the pages remark’s reading gives', () => {
  it.each(sites)(
    '%s',
    async (_, contentDir) => {
      const { wiki, jobs } = wikiForRendering(contentDir());
      const bySatteri = await createArticleRenderer(markdown, () => wiki, 'satteri');
      const byRemark = await createArticleRenderer(markdown, () => wiki, 'remark');
      let readBySatteri = 0;
      for (const job of jobs) {
        const expected = await renderJob(byRemark, job);
        expect(expected.ok, job.file).toBe(true);
        expect(await renderJob(bySatteri, job), job.file).toEqual(expected);
        try {
          if (!needsRemark(satteriTree(job.body))) readBySatteri++;
        } catch {
          // left to remark
        }
      }
      // Most articles are plain Markdown: the comparison is satteri's reading against remark's, not remark's with itself.
      expect(readBySatteri).toBeGreaterThanOrEqual(Math.ceil(jobs.length / 2));
    },
    60_000,
  );

  it('gives the error remark gives for an article neither can read', async () => {
    const { wiki } = wikiForRendering(join(repoRoot, 'tests/fixtures/site'));
    const job = { file: join(wiki.contentDir, 'broken.mdx'), body: 'Text {unclosed', frontmatter: { title: 'Broken' } };
    const bySatteri = await renderJob(await createArticleRenderer(markdown, () => wiki, 'satteri'), job);
    expect(bySatteri).toMatchObject({ ok: false });
    expect(bySatteri).toEqual(await renderJob(await createArticleRenderer(markdown, () => wiki, 'remark'), job));
  });
});
