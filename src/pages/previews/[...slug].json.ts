/**
 * A small prebuilt preview of each article for link previews: title,
 * description (else lead) and first image, at `/previews/<id path>.json`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import wiki from 'virtual:wiki/data';
import { slugParamForId } from '../../lib/ids.ts';
import { summaryCacheKey } from '../../lib/page-cache-keys.ts';
import type { PageSummary } from '../../lib/wiki-data.ts';

export const getStaticPaths = (() =>
  Object.values(wiki.pages).map((page) => ({ params: { slug: slugParamForId(page.id) }, props: { page }, cacheKey: summaryCacheKey('preview', page) }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: PageSummary }> = ({ props }) => {
  const { page } = props;
  return new Response(JSON.stringify({ title: page.title, url: page.url, description: page.description, ...(page.image ? { image: page.image } : {}) }), {
    headers: { 'Content-Type': 'application/json' },
  });
};
