/** Link previews as a build writes them: one JSON file per article, at the path the reader's script fetches. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previewUrlForId, type PageId } from '../../src/model/ids.ts';
import { BackgroundWrites } from '../../src/build/background-writes.ts';
import { previewFile, previewJson, writePreviews } from '../../src/postbuild/previews.ts';
import type { PageSummary } from '../../src/model/wiki-data.ts';

const summary = (id: string, more: Partial<PageSummary> = {}): PageSummary => ({
  id: id as PageId,
  title: id,
  url: `/wiki/${id.replaceAll(':', '/')}/`,
  file: `${id.replaceAll(':', '/')}.mdx`,
  description: `About ${id}.`,
  tags: ['tag'],
  aliases: [],
  seeAlso: [],
  ...more,
});

const out = mkdtempSync(join(tmpdir(), 'wiki-previews-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('link previews', () => {
  it('hold the title, address, description and first image, and nothing else', () => {
    expect(JSON.parse(previewJson(summary('nvidia', { title: 'Nvidia', image: { src: '/_astro/a.webp', alt: 'A chip' }, updated: '2026-01-01' })))).toEqual({
      title: 'Nvidia',
      url: '/wiki/nvidia/',
      description: 'About nvidia.',
      image: { src: '/_astro/a.webp', alt: 'A chip' },
    });
    expect(JSON.parse(previewJson(summary('huawei')))).not.toHaveProperty('image');
  });

  it('are written where the reader fetches them, namespaces as folders, non-ASCII ids as they are', async () => {
    const pages = [summary('nvidia'), summary('hardware:ascend_910b'), summary('hardware:chips:h100'), summary('华为')];
    const writes = new BackgroundWrites();
    expect(writePreviews(writes, out, pages)).toBe(4);
    // Written in the background: the build's last step waits for them.
    await writes.done();
    for (const page of pages) {
      // The address the link-preview script fetches, decoded, is the file's path.
      expect(decodeURIComponent(previewUrlForId(page.id))).toBe(`/${previewFile(page)}`);
      expect(readFileSync(join(out, previewFile(page)), 'utf8')).toBe(previewJson(page));
    }
    expect(readdirSync(join(out, 'previews')).sort()).toEqual(['hardware', 'nvidia.json', '华为.json']);
  });
});
