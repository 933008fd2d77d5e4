/**
 * The title index in `astro dev`, so that the 404 page suggests articles while writing: the files of
 * src/postbuild/search-titles.ts at `/search-titles/<file>.json`. A build generates no page here: the wiki
 * integration writes the same files itself, once the pages are generated.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import build from 'virtual:wiki/build';
import wiki from 'virtual:wiki/data';
import { withGonePaths } from '../../astro/dev-paths.ts';
import { titleIndexFiles } from '../../postbuild/search-titles.ts';

export const getStaticPaths = (() => {
  if (!import.meta.env.DEV) return [];
  const paths = [...titleIndexFiles(wiki)].map(([file, json]) => ({ params: { file: file.replace(/\.json$/, '') }, props: { json } }));
  // A piece of the index gone while the server runs keeps its path (src/astro/dev-paths.ts).
  return withGonePaths(build.listedPaths('search-titles/[file].json'), paths, { json: undefined });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ json: string | undefined }> = ({ props }) =>
  props.json === undefined ? new Response(null, { status: 404 }) : new Response(props.json, { headers: { 'Content-Type': 'application/json' } });
