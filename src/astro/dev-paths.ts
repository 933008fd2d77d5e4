/**
 * `astro dev`: a page's paths never shrink while the server runs; a path gone from the wiki answers 404.
 *
 * Astro matches a request to a page with the paths the page listed, then renders it with the paths listed again if
 * the content changed in between (a content change clears its cache of them). A path gone in that moment (an article
 * deleted, a tag no article has any more, a page of Special:Sources fewer) makes the render throw
 * `NoMatchingStaticPathFound`, logged as an error, where the reader should get the 404 page. So in `astro dev` each
 * page with paths of its own lists every path it has listed since the server started, marking those gone, and
 * answers 404 for them. A build lists its paths once: there is never one gone.
 */

export type Params = Record<string, string | undefined>;

/** The paths a page has listed in this server, by `pathKey` (kept by the build context, one map per page). */
export type ListedPaths = Map<string, Params>;

/** One entry of what `getStaticPaths` gives. */
export interface StaticPath<Props> {
  params: Params;
  props: Props;
}

/** A path's params as one string: a page's params have the same names in the same order. */
const pathKey = (params: Params) => JSON.stringify(params);

/**
 * `paths`, and every path listed before (`listed`, which this updates) that `paths` lack, with the props `gone`.
 * `elsewhere`: whether another page lists the path now (an article's id that has become an alias, whose redirect
 * page is at the same address): that one is left to it.
 */
export function withGonePaths<Props, Gone>(
  listed: ListedPaths,
  paths: Array<StaticPath<Props>>,
  gone: Gone,
  elsewhere: (params: Params) => boolean = () => false,
): Array<StaticPath<Props> | StaticPath<Gone>> {
  const now = new Set<string>();
  for (const { params } of paths) {
    const key = pathKey(params);
    now.add(key);
    listed.set(key, params);
  }
  const kept: Array<StaticPath<Props> | StaticPath<Gone>> = [...paths];
  for (const [key, params] of listed) if (!now.has(key) && !elsewhere(params)) kept.push({ params, props: gone });
  return kept;
}

/** The 404 page, with its status: a rewrite alone answers 200. */
export async function notFound(astro: { rewrite: (path: string) => Promise<Response> }): Promise<Response> {
  const page = await astro.rewrite('/404/');
  return new Response(page.body, { status: 404, headers: page.headers });
}
