import { createArticleRenderer, renderJob } from './src/render/article-renderer.ts';
import { markdown, renderedSites, wikiForRendering } from './tests/helpers/render-wiki.ts';
const sites = renderedSites(7);
const corner = sites.find(([n]) => n === 'corner cases')!;
const { wiki, jobs } = wikiForRendering(corner[1]());
const r = await createArticleRenderer(markdown, () => wiki);
for (const job of jobs) {
  (globalThis as any)[Symbol.for('rehype-raw.always')] = true;
  const o = await renderJob(r, job);
  (globalThis as any)[Symbol.for('rehype-raw.always')] = false;
  const o2 = await renderJob(r, job);
  console.log(job.file.split('/').pop(), o.ok ? 'ok' : 'FAIL ' + o.message.slice(0, 600), o2.ok ? 'ok' : 'FAIL2 ' + o2.message.slice(0, 300), o.ok && o2.ok && o.code === o2.code ? 'same' : 'DIFF');
}
