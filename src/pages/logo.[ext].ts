/**
 * The wiki's logo (`logo:` in wiki.config.yaml, a file of the content folder) at `/logo.<ext>`, so that it is
 * served with the site and needs nothing in public/. No page without a logo.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { buildContext } from '../build/registry.ts';

const TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  ico: 'image/x-icon',
};

export const getStaticPaths = (() => {
  const logo = buildContext().settings.logo;
  const ext = logo ? (/\.([a-z]+)$/i.exec(logo)?.[1] ?? '').toLowerCase() : '';
  return logo && ext ? [{ params: { ext }, props: { file: logo } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }, { ext: string }> = ({ props, params }) =>
  new Response(readFileSync(props.file), { headers: { 'Content-Type': TYPES[params.ext] ?? 'application/octet-stream' } });
