/**
 * Articles are rendered from satteri's reading of their Markdown (src/plugins/remark-satteri-parse.ts), not
 * remark's: the pages must be byte for byte the ones remark's reading gives, with the same headings, images
 * and errors. Held here over the real content, every fixture site, a generated wiki and corner cases.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticleRenderer, renderJob } from '../../src/integrations/article-renderer.ts';
import { needsRemark, satteriTree } from '../../src/lib/satteri-reader.ts';
import { article } from '../helpers/index.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { markdown, renderedSites, wikiForRendering } from '../helpers/render-wiki.ts';

/** Corner cases, as one small wiki whose links resolve. */
function cornerWiki(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corner-'));
  const pages: Record<string, string> = {
    target: article('Target', '## Memory\n\nThe target.'),
    links: article('Links', 'See [[target]], [[target|Text]], [[target#Memory|the memory]], [[Target#memory]], [[missing page]] and [[ target ]]s.\n\nGlued [[target]][[links]], **bold [[target|T]]**, ~~struck [[target]]~~, `[[code]]`, \\[[escaped]].'),
    table: article('Table', '| chip | maker |\n|:---|---:|\n| [[target\\|T]] | [[links]] |\n| `x` | **y** |'),
    notes: article('Notes', 'Claim.[^a] Again.[^a] Other.[^b] Missing.[^none]\n\n[^a]: See [[target]] and [Site](https://example.org), 2024.\n[^b]: [Other](https://example.com/x?q=1&r=2).'),
    blocks: article('Blocks', '> Quoted [[target]].\n\n- item\n  - nested [[links|two]]\n1. one\n2. two\n\n- [ ] task\n- [x] done\n\n```python\nprint("[[not a link]]")\n```\n\n***\n\nSetext\n---\n\n## Same\n\n## Same\n\nLine  \nbreak\\\nagain'),
    prose: article('Prose', 'Entities &amp; &copy; AT&T; www.example.org and https://example.org/path; 5 \\< 6; 华为的[[target|昇腾]]芯片。"Quotes" -- dashes... and ![image](https://example.org/a.png "t").\n\n    indented text\n\nA [ref] and [full][ref].\n\n[ref]: https://example.org "Title"'),
    nested: article('Nested', 'A [label with [[target]] link](https://example.org).'),
  };
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, `${name}.mdx`), text);
  return dir;
}

const sites: Array<[string, () => string]> = [...renderedSites(5), ['corner cases', cornerWiki]];

describe('pages rendered from satteri’s reading are the pages remark’s reading gives', () => {
  it.each(sites)('%s', async (_, contentDir) => {
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
  }, 60_000);

  it('gives the error remark gives for an article neither can read', async () => {
    const { wiki } = wikiForRendering(join(repoRoot, 'tests/fixtures/site'));
    const job = { file: join(wiki.contentDir, 'broken.mdx'), body: 'Text {unclosed', frontmatter: { title: 'Broken' } };
    const bySatteri = await renderJob(await createArticleRenderer(markdown, () => wiki, 'satteri'), job);
    expect(bySatteri).toMatchObject({ ok: false });
    expect(bySatteri).toEqual(await renderJob(await createArticleRenderer(markdown, () => wiki, 'remark'), job));
  });
});
