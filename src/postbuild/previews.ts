/**
 * The small prebuilt preview of each article that link previews show (src/client/link-previews.ts): title,
 * description (else lead) and first image, at `/previews/<id path>.json`.
 *
 * A build writes these files itself, once Astro has generated the pages (src/astro/integration.ts): as
 * Astro endpoints they cost ~0.7 ms a file (5,000 articles: 3.6 s of page generation); written here, 5,000
 * take about 0.1 s. `astro dev` serves the same JSON from src/pages/previews/[...slug].json.ts.
 */
import { mkdirSync } from 'node:fs';
import type { BackgroundWrites } from '../build/background-writes.ts';
import { dirname, join } from 'node:path';
import { slugParamForId } from '../model/ids.ts';
import type { PageSummary } from '../model/wiki-data.ts';

/** The preview of one article, as its JSON file holds it. */
export function previewJson(page: PageSummary): string {
  return JSON.stringify({ title: page.title, url: page.url, description: page.description, ...(page.image ? { image: page.image } : {}) });
}

/** The file of an article's preview, relative to the site's folder (`previews/hardware/ascend_910b.json`). */
export function previewFile(page: Pick<PageSummary, 'id'>): string {
  return join('previews', `${slugParamForId(page.id)}.json`);
}

/** Write every article's preview into the built site at `outDir`, in the background (src/build/background-writes.ts); gives the number. */
export function writePreviews(writes: BackgroundWrites, outDir: string, pages: Iterable<PageSummary>): number {
  const folders = new Set<string>();
  let written = 0;
  for (const page of pages) {
    const file = join(outDir, previewFile(page));
    const folder = dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writes.write(file, previewJson(page));
    written++;
  }
  return written;
}
