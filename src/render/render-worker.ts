/**
 * A worker thread of the article loader: renders the articles it is sent with the same renderer as the main
 * thread (article-renderer.ts) and sends back the outcomes, in order.
 */
import { parentPort } from 'node:worker_threads';
import { createArticleRenderer, renderJob, type MarkdownSettings, type RenderJob, type RenderOutcome, type WikiForRendering } from './article-renderer.ts';

export interface RenderRequest {
  markdown: MarkdownSettings;
  wiki: WikiForRendering;
  jobs: RenderJob[];
}

parentPort?.once('message', async ({ markdown, wiki, jobs }: RenderRequest) => {
  const renderer = await createArticleRenderer(markdown, () => wiki);
  const outcomes: RenderOutcome[] = [];
  for (const job of jobs) outcomes.push(await renderJob(renderer, job));
  parentPort?.postMessage(outcomes);
});
