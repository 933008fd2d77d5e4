/**
 * Settings read from the environment, in one place.
 * - WIKI_CONTENT_DIR: the folder of articles to build (default `content/`).
 * - WIKI_OUT_DIR: where the site is written (default `dist/`).
 * - WIKI_STRICT=1: red links fail the build.
 * - WIKI_SITE: the public address of the site, for canonical links and the sitemap.
 * - WIKI_CACHE_DIR: Astro's cache (content store), so that builds of different folders do not mix.
 * - WIKI_ALLOW_EMPTY=1: a content folder without articles builds an empty site instead of failing.
 * - WIKI_SHARD=i/n: render the i-th of n shares of the articles (set by `npm run build -- --shard=i/n`).
 * - WIKI_ASTRO_ROOT: the folder Astro keeps its `.astro/` state in (set by cli/build.ts, one per content folder
 *   and shard, so that builds of several folders or shards can run at once in one checkout).
 * - WIKI_CITATION_STYLE: how `[@key]` entries are written: a CSL style bundled with rehype-citation
 *   (`vancouver`, the numeric default; `apa`, `harvard1`, `chicago`, `mla`) or a path to a `.csl` file.
 * - WIKI_TRUST: what articles may hold (src/model/trust.ts): `safe` (the default) allows Markdown, HTML
 *   elements and the wiki's own components, and no code; `trusted` allows full MDX, whose code runs at build time.
 */
import { resolve } from 'node:path';
import { parseShard, type Shard } from '../model/shards.ts';
import { parseTrustLevel, type TrustLevel } from '../model/trust.ts';

export interface WikiSettings {
  contentDir: string;
  /** Astro's public folder (its default, `public/`): files served as they are, such as `/media/…`. */
  publicDir: string;
  outDir: string;
  strict: boolean;
  site: string;
  cacheDir: string;
  citationStyle: string;
  /** A content folder without articles is an error unless this is set (src/content-folder/folders.ts). */
  allowEmpty: boolean;
  /** The share of the articles this build renders; undefined for a whole build. */
  shard: Shard | undefined;
  /** Astro's project root when it is not the checkout (src/ and public/ stay the checkout's). */
  astroRoot: string | undefined;
  /** What articles may hold: `safe` (no code) or `trusted` (full MDX). */
  trust: TrustLevel;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): WikiSettings {
  return {
    contentDir: resolve(root, env.WIKI_CONTENT_DIR || 'content'),
    publicDir: resolve(root, 'public'),
    outDir: resolve(root, env.WIKI_OUT_DIR || 'dist'),
    strict: env.WIKI_STRICT === '1' || env.WIKI_STRICT === 'true',
    site: env.WIKI_SITE || 'http://localhost:4321',
    cacheDir: resolve(root, env.WIKI_CACHE_DIR || 'node_modules/.astro'),
    citationStyle: env.WIKI_CITATION_STYLE || 'vancouver',
    allowEmpty: env.WIKI_ALLOW_EMPTY === '1' || env.WIKI_ALLOW_EMPTY === 'true',
    shard: parseShard(env.WIKI_SHARD),
    astroRoot: env.WIKI_ASTRO_ROOT ? resolve(root, env.WIKI_ASTRO_ROOT) : undefined,
    trust: parseTrustLevel(env.WIKI_TRUST),
  };
}
