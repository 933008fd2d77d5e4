/**
 * A sharded build (src/model/shards.ts) writes the site's own pages — home, special pages, tags, search, 404,
 * robots.txt — once, in its first shard; the other shards render only articles and their redirects, and answer
 * every other page with an empty body, which Astro does not write.
 */
import { defineMiddleware } from 'astro:middleware';
import build from 'virtual:wiki/build';

export const onRequest = defineMiddleware((context, next) => {
  if (build.sitePages || context.url.pathname.startsWith('/wiki/')) return next();
  return new Response(null, { status: 204 });
});
