/**
 * The title index in `astro dev`, so that the 404 page suggests articles while writing: the files of
 * src/postbuild/search-titles.ts at `/search-titles/<file>.json`. A build generates no page here: the wiki
 * integration writes the same files itself, once the pages are generated.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import wiki from 'virtual:wiki/data';
import { titleIndexFiles } from '../../postbuild/search-titles.ts';

export const getStaticPaths = (() =>
  import.meta.env.DEV
    ? [...titleIndexFiles(wiki)].map(([file, json]) => ({ params: { file: file.replace(/\.json$/, '') }, props: { json } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ json: string }> = ({ props }) => new Response(props.json, { headers: { 'Content-Type': 'application/json' } });
