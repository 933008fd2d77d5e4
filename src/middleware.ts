/**
 * A sharded build (src/model/shards.ts) writes the site's own pages — home, special pages, tags, search, 404,
 * robots.txt — once, in its first shard, but for the pages of Special:Sources, which go round the shards; every
 * shard renders its articles and their redirects, and answers any other page with an empty body, which Astro
 * does not write.
 */
import { defineMiddleware } from 'astro:middleware';
import build from 'virtual:wiki/build';

export const onRequest = defineMiddleware((context, next) => {
  if (context.url.pathname.startsWith('/wiki/') || build.sitePage(context.url.pathname)) return next();
  return new Response(null, { status: 204 });
});
