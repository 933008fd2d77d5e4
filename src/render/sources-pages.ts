/**
 * Special:Sources in pages: every source cited in the wiki, most-cited first, SOURCES_PER_PAGE to a page, as
 * MediaWiki's special pages list at most 500 lines at a time. One page for all was 55 MB of HTML at 20,000
 * generated articles (99,500 sources): more than a browser shows, and, written by Astro one element at a time,
 * the slowest page of a build. The list is written here as a string, escaped as Astro escapes, and the pages
 * around it by Astro (src/pages/special/sources/[...page].astro); how the list is split: src/model/sources-paging.ts.
 */
import { escapeAttribute, escapeText } from '../model/history-template.ts';
import type { PageId } from '../model/ids.ts';
import type { Source } from '../model/references-index.ts';
import type { Translator } from '../shared/translate.ts';

/** What a source's "cited in" line shows of an article. */
export interface CitingPage {
  title: string;
  url: string;
}

/**
 * The `<li>` of each source, in order. Articles that cite a source but are not in `pages` (none in a built
 * wiki) are left out of its line, as before.
 */
export function sourcesListHtml(sources: readonly Source[], pages: Readonly<Record<PageId, CitingPage | undefined>>, t: Translator): string {
  let html = '';
  for (const source of sources) {
    const title = escapeText(source.title);
    html += '<li><cite>';
    html += source.url ? `<a href="${escapeAttribute(source.url)}" rel="noopener noreferrer">${title}</a>` : title;
    html += '</cite>';
    if (source.domain) html += `<span class="reference-domain"> (${escapeText(source.domain)})</span>`;
    if (source.text) html += `<span class="source-text"> – ${escapeText(source.text)}</span>`;
    html += `<span class="source-cited-by">${escapeText(t('sources.citedIn', { count: source.count }))} `;
    let first = true;
    for (const { page, count } of source.citedBy) {
      const summary = pages[page];
      if (!summary) continue;
      if (!first) html += ', ';
      first = false;
      html += `<a class="wikilink" href="${escapeAttribute(summary.url)}">${escapeText(summary.title)}</a>`;
      if (count > 1) html += ` (${count})`;
    }
    html += '</span></li>';
  }
  return html;
}
