import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWiki, writeWiki } from './bench/generate.ts';
import { createArticleRenderer, renderJob } from './src/render/article-renderer.ts';
import { markdown, wikiForRendering } from './tests/helpers/render-wiki.ts';
for (const components of [false, true, false, true]) {
  const dir = mkdtempSync(join(tmpdir(), 'gen-'));
  writeWiki(dir, generateWiki({ pages: 400, components }));
  let t = performance.now();
  const { wiki, jobs } = wikiForRendering(dir);
  const pre = performance.now() - t;
  const r = await createArticleRenderer(markdown, () => wiki);
  for (const job of jobs.slice(0, 50)) await renderJob(r, job);
  t = performance.now();
  let fail = 0;
  for (const job of jobs) { const o = await renderJob(r, job); if (!o.ok) { fail++; if (fail < 2) console.log(o.message.slice(0, 300)); } }
  console.log(components ? 'components' : 'plain     ', 'prepass+index', pre.toFixed(0), 'ms; render per article', ((performance.now() - t) / jobs.length).toFixed(2), 'ms', 'fails', fail);
}
