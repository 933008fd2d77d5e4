import { describe, expect, it } from 'vitest';
import type { PageId } from '../../src/model/ids.ts';
import type { Source } from '../../src/model/references-index.ts';
import { pageCount, SOURCES_PER_PAGE, sourcesPageAt, sourcesPageOf, sourcesPageUrl } from '../../src/model/sources-paging.ts';
import { sourcesListHtml } from '../../src/render/sources-pages.ts';
import { BUNDLED_UI_STRINGS, translator } from '../../src/shared/ui-strings.ts';

const en = translator(BUNDLED_UI_STRINGS['en']!, 'en');
const de = translator(BUNDLED_UI_STRINGS['de']!, 'de');

const pages = {
  'hardware/h100': { title: 'H100 <SXM>', url: '/wiki/hardware/h100/' },
  seed: { title: "Nvidia & Huawei's chips", url: '/wiki/seed/' },
};

function source(over: Partial<Source>): Source {
  return { id: 'x', title: 'A source', text: '', citedBy: [], count: 0, ...over };
}

describe('Special:Sources in pages', () => {
  it('takes one page for an empty list and SOURCES_PER_PAGE sources to a page', () => {
    expect(SOURCES_PER_PAGE).toBe(500);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(500)).toBe(1);
    expect(pageCount(501)).toBe(2);
    expect(pageCount(110_432)).toBe(221);
    expect(pageCount(7, 3)).toBe(3);
  });

  it('has the first page at /special/sources/ and the others under it', () => {
    expect(sourcesPageUrl(1)).toBe('/special/sources/');
    expect(sourcesPageUrl(2)).toBe('/special/sources/2/');
    expect(sourcesPageUrl(221)).toBe('/special/sources/221/');
  });

  it('finds the page of a source and the page at an address', () => {
    expect([0, 499, 500, 1200].map(sourcesPageOf)).toEqual([1, 1, 2, 3]);
    expect(sourcesPageAt('/special/sources/')).toBe(1);
    expect(sourcesPageAt('/special/sources/12/')).toBe(12);
    for (const other of [
      '/special/sources/0/',
      '/special/sources/x/',
      '/special/sources',
      '/special/sources/2',
      '/special/all-pages/',
      '/wiki/special/sources/',
    ]) {
      expect(sourcesPageAt(other)).toBeUndefined();
    }
  });

  it('writes each source with its link, domain, text and the articles citing it, escaped', () => {
    const html = sourcesListHtml(
      [
        source({
          title: 'Notes from "Inside" <China>',
          url: 'https://example.org/a?b=1&c="2"',
          domain: 'example.org',
          text: 'Interconnects, 2026 & later',
          citedBy: [
            { page: 'seed' as PageId, count: 4 },
            { page: 'hardware/h100' as PageId, count: 1 },
          ],
          count: 5,
        }),
      ],
      pages,
      en,
    );
    expect(html).toBe(
      '<li><cite><a href="https://example.org/a?b=1&amp;c=&quot;2&quot;" rel="noopener noreferrer">Notes from &quot;Inside&quot; &lt;China&gt;</a></cite>' +
        '<span class="reference-domain"> (example.org)</span><span class="source-text"> – Interconnects, 2026 &amp; later</span>' +
        '<span class="source-cited-by">Cited 5 times in <a class="wikilink" href="/wiki/seed/">Nvidia &amp; Huawei&#39;s chips</a> (4), ' +
        '<a class="wikilink" href="/wiki/hardware/h100/">H100 &lt;SXM&gt;</a></span></li>',
    );
  });

  it('writes a source without an address as its title, and leaves out an article it does not know', () => {
    const html = sourcesListHtml(
      [
        source({
          title: 'A printed book',
          citedBy: [
            { page: 'gone' as PageId, count: 2 },
            { page: 'seed' as PageId, count: 1 },
          ],
          count: 1234,
        }),
      ],
      pages,
      de,
    );
    expect(html).toBe(
      '<li><cite>A printed book</cite><span class="source-cited-by">1.234-mal zitiert in <a class="wikilink" href="/wiki/seed/">Nvidia &amp; Huawei&#39;s chips</a></span></li>',
    );
  });
});
