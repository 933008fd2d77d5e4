/** The sitemap the build writes: every page but redirects and Random article, in address order, dated, split at 45,000. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftOutOfSitemap, SITEMAP_ENTRY_LIMIT, writeSitemap } from '../../src/postbuild/sitemap.ts';

describe('the sitemap', () => {
  it('leaves out alias redirects, Random article and the 404 page', () => {
    const redirects = new Set(['/wiki/hw/old_name/']);
    expect(
      ['/wiki/hw/old_name/', '/special/random/', '/404/', '/wiki/new/', '/special/all-pages/'].filter((path) => !leftOutOfSitemap(path, redirects)),
    ).toEqual(['/wiki/new/', '/special/all-pages/']);
  });

  it('lists each page once, in address order, articles with the date of their last change', () => {
    const out = mkdtempSync(join(tmpdir(), 'sitemap-'));
    expect(
      writeSitemap(out, 'https://wiki.example.org', [{ path: '/wiki/b/' }, { path: '/' }, { path: '/wiki/a&b/', lastmod: '2026-05-01' }, { path: '/wiki/b/' }]),
    ).toBe(3);
    const urlset = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
    expect([...urlset.matchAll(/<url>(.*?)<\/url>/g)].map(([, url]) => url)).toEqual([
      '<loc>https://wiki.example.org/</loc>',
      '<loc>https://wiki.example.org/wiki/a&amp;b/</loc><lastmod>2026-05-01</lastmod>',
      '<loc>https://wiki.example.org/wiki/b/</loc>',
    ]);
    expect(readFileSync(join(out, 'sitemap-index.xml'), 'utf8')).toContain(
      '<sitemap><loc>https://wiki.example.org/sitemap-0.xml</loc><lastmod>2026-05-01</lastmod></sitemap>',
    );
  });

  it('starts a new file every 45,000 addresses, all named in the index', () => {
    const out = mkdtempSync(join(tmpdir(), 'sitemap-'));
    const entries = Array.from({ length: SITEMAP_ENTRY_LIMIT + 2 }, (_, i) => ({ path: `/wiki/a${String(i).padStart(6, '0')}/` }));
    writeSitemap(out, 'https://wiki.example.org', entries);
    expect(readdirSync(out).sort()).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']);
    expect(readFileSync(join(out, 'sitemap-1.xml'), 'utf8').match(/<url>/g)).toHaveLength(2);
    expect(readFileSync(join(out, 'sitemap-index.xml'), 'utf8').match(/<sitemap>/g)).toHaveLength(2);
  });
});
