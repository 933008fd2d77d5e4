/** What the main page shows, computed from the wiki's data. */
import type { PageId } from './ids.ts';
import type { PageSummary } from './wiki-data.ts';

/** The article the main page features. */
export const FEATURED_ARTICLE = 'nvidia_vs_huawei_for_ai_compute' as PageId;

/** Articles grouped by tag, tags A–Z, titles A–Z; untagged articles under "Other". */
export function pagesByTag(pages: PageSummary[]): Array<{ tag: string; pages: PageSummary[] }> {
  const groups = new Map<string, PageSummary[]>();
  for (const page of pages) {
    for (const tag of page.tags.length > 0 ? page.tags : ['Other']) {
      groups.set(tag, [...(groups.get(tag) ?? []), page]);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b)))
    .map(([tag, list]) => ({ tag, pages: list.sort((a, b) => a.title.localeCompare(b.title)) }));
}
