/**
 * `astro dev`: the pages of an article deleted while the server runs keep their paths and answer 404.
 *
 * Astro matches a request to a page with the paths the page listed, then renders it with the paths listed
 * again if the content changed in between (a content change clears its cache of them). A path gone in that
 * moment makes the render throw `NoMatchingStaticPathFound`, logged as an error, where the reader should get
 * the 404 page. So a page keyed by article lists, in `astro dev`, every article read since the server started,
 * and answers 404 for those gone. A build reads the wiki once: there is never one gone.
 */
import type { PageId } from '../model/ids.ts';

/**
 * The articles read by this process (`everRead`) that a page no longer lists (`listed`: an article's id, or an
 * alias, whose redirect page has the path now), in the order they were first read.
 */
export function goneArticles(everRead: Iterable<PageId>, listed: (id: PageId) => boolean): PageId[] {
  const gone: PageId[] = [];
  for (const id of everRead) if (!listed(id)) gone.push(id);
  return gone;
}

/** The 404 page, with its status: a rewrite alone answers 200. */
export async function notFound(astro: { rewrite: (path: string) => Promise<Response> }): Promise<Response> {
  const page = await astro.rewrite('/404/');
  return new Response(page.body, { status: 404, headers: page.headers });
}
