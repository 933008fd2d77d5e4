/**
 * A sharded build (src/model/shards.ts) writes the site's own pages — home, special pages, tags, search, 404,
 * robots.txt — once, in its first shard, but for the pages of Special:Sources, which go round the shards; every
 * shard renders its articles and their redirects, and answers any other page with an empty body, which Astro
 * does not write.
 *
 * Each page generated is also announced to the build context, which collects a big heap's garbage before the first
 * (src/build/context.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import build from 'virtual:wiki/build';

export const onRequest = defineMiddleware((context, next) => {
  build.pageGenerated();
  if (context.url.pathname.startsWith('/wiki/') || build.sitePage(context.url.pathname)) return next();
  return new Response(null, { status: 204 });
});
