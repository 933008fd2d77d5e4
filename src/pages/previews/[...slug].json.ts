/**
 * Link previews in `astro dev`: the JSON of src/postbuild/previews.ts at `/previews/<id path>.json`. A build
 * generates no page here: the wiki integration writes the same files itself, faster (see that module).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import wiki from 'virtual:wiki/data';
import { slugParamForId } from '../../model/ids.ts';
import { previewJson } from '../../postbuild/previews.ts';
import type { PageSummary } from '../../model/wiki-data.ts';

export const getStaticPaths = (() =>
  import.meta.env.DEV
    ? Object.values(wiki.pages).map((page) => ({ params: { slug: slugParamForId(page.id) }, props: { page } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: PageSummary }> = ({ props }) => new Response(previewJson(props.page), { headers: { 'Content-Type': 'application/json' } });
