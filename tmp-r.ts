import { createArticleRenderer, renderJob } from './src/render/article-renderer.ts';
import { markdown, wikiForRendering } from './tests/helpers/render-wiki.ts';
import { writeFileSync } from 'node:fs';
const { wiki, jobs } = wikiForRendering('/work/wt/components/tests/fixtures/components');
for (const p of wiki.index.pages.values()) console.log(p.id, 'markdownOnly', p.article.markdownOnly, 'links', p.article.links.map(l => `${l.target}@${l.line}`).join(' '), 'calls', p.article.citations.calls.length, p.article.citations.citations.length);
const r = await createArticleRenderer(markdown, () => wiki);
for (const job of jobs) {
  const out = await renderJob(r, job);
  if (!out.ok) { console.log('FAIL', job.file, out.message); continue; }
  writeFileSync('/tmp/c15/' + job.file.split('/').pop() + '.html', out.code);
  console.log(job.file, out.code.length, (out.metadata.frontmatter as any).references?.map((r: any) => r.number + ':' + r.html.slice(0, 40)));
}
