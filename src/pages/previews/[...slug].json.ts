/**
 * Link previews in `astro dev`: the JSON of src/postbuild/previews.ts at `/previews/<id path>.json`. A build
 * generates no page here: the wiki integration writes the same files itself, faster (see that module).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import build from 'virtual:wiki/build';
import wiki from 'virtual:wiki/data';
import { goneArticles } from '../../astro/gone-articles.ts';
import { slugParamForId, type PageId } from '../../model/ids.ts';
import { previewJson } from '../../postbuild/previews.ts';
import type { PageSummary } from '../../model/wiki-data.ts';

export const getStaticPaths = (() => {
  if (!import.meta.env.DEV) return [];
  const path = (id: PageId, page: PageSummary | undefined) => ({ params: { slug: slugParamForId(id) }, props: { page } });
  // The articles deleted while the server runs keep their paths (src/astro/gone-articles.ts).
  const gone = goneArticles(build.articlesEverRead, (id) => id in wiki.pages);
  return [...Object.values(wiki.pages).map((page) => path(page.id, page)), ...gone.map((id) => path(id, undefined))];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: PageSummary | undefined }> = ({ props }) =>
  props.page ? new Response(previewJson(props.page), { headers: { 'Content-Type': 'application/json' } }) : new Response(null, { status: 404 });
