/**
 * A worker thread of the article loader: renders the articles it is sent with the same renderer as the main
 * thread (article-renderer.ts) and sends back the outcomes, in order. It is first sent the wiki, then pieces of
 * articles. The wiki comes as other pages show each article (src/model/shards.ts `shownOfOthers`): rendering reads
 * the article's own text, never the links and citations the pre-pass found in it (tests/unit/render-workers.test.ts
 * renders in workers alone and compares).
 */
import { parentPort } from 'node:worker_threads';
import { createArticleRenderer, renderJob, type MarkdownSettings, type RenderJob, type RenderOutcome, type WikiForRendering } from './article-renderer.ts';

/** The first message: how to render, and the wiki. Answered with `true` once the renderer is ready. */
export interface RenderSetup {
  markdown: MarkdownSettings;
  wiki: WikiForRendering;
}

/** Every later message: articles to render. Answered with their outcomes. */
export interface RenderPiece {
  jobs: RenderJob[];
}

let ready: ReturnType<typeof createArticleRenderer> | undefined;
let queue: Promise<unknown> = Promise.resolve();

async function answer(message: RenderSetup | RenderPiece): Promise<true | RenderOutcome[]> {
  if ('markdown' in message) {
    const { wiki } = message;
    ready = createArticleRenderer(message.markdown, () => wiki);
    await ready;
    return true;
  }
  if (!ready) throw new Error('a render worker was sent articles before the wiki');
  const renderer = await ready;
  const outcomes: RenderOutcome[] = [];
  for (const job of message.jobs) outcomes.push(await renderJob(renderer, job));
  return outcomes;
}

// One message at a time, so that the answers go back in the order the messages came.
parentPort?.on('message', (message: RenderSetup | RenderPiece) => {
  queue = queue.then(() => answer(message)).then((reply) => parentPort?.postMessage(reply));
});
