/**
 * Link previews in `astro dev`: the JSON of src/postbuild/previews.ts at `/previews/<id path>.json`. A build
 * generates no page here: the wiki integration writes the same files itself, faster (see that module).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import build from 'virtual:wiki/build';
import wiki from 'virtual:wiki/data';
import { withGonePaths } from '../../astro/dev-paths.ts';
import { slugParamForId } from '../../model/ids.ts';
import { previewJson } from '../../postbuild/previews.ts';
import type { PageSummary } from '../../model/wiki-data.ts';

export const getStaticPaths = (() => {
  if (!import.meta.env.DEV) return [];
  const paths = Object.values(wiki.pages).map((page) => ({ params: { slug: slugParamForId(page.id) }, props: { page } }));
  // An article deleted while the server runs keeps its path (src/astro/dev-paths.ts).
  return withGonePaths(build.listedPaths('previews/[...slug]'), paths, { page: undefined });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: PageSummary | undefined }> = ({ props }) =>
  props.page ? new Response(previewJson(props.page), { headers: { 'Content-Type': 'application/json' } }) : new Response(null, { status: 404 });
