/**
 * A sharded build (src/model/shards.ts) writes the site's own pages — home, special pages, tags, search, 404,
 * robots.txt — once, in its first shard, but for the pages of Special:Sources, which go round the shards; every
 * shard renders its articles and their redirects, and answers any other page with an empty body, which Astro
 * does not write.
 *
 * Each page generated is also announced to the build context, which collects a big heap's garbage before the first
 * (src/build/context.ts), and a history page's template is handed to it as Astro rendered it
 * (src/astro/history-pages.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import build from 'virtual:wiki/build';
import { templateAt } from './model/history-template.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  build.pageGenerated();
  const path = context.url.pathname;
  if (path.startsWith('/wiki/')) return next();
  if (!build.sitePage(path)) return new Response(null, { status: 204 });
  if (import.meta.env.DEV || templateAt(path) === undefined) return next();
  // A history page's template: its pages are written from it as soon as their bodies are made.
  const response = await next();
  build.pageRendered(path, await response.clone().text());
  return response;
});
