/**
 * The search page's tag filters: only the tags the words searched would find articles under, each with how
 * many, most first, so that a wiki of a hundred tags does not offer a hundred boxes marked "(0)". A tag the
 * reader has ticked stays offered whatever its count, so that it can be unticked.
 */
import type { FilterCounts } from './search-pagefind.ts';

export interface TagOffer {
  tag: string;
  count: number;
  checked: boolean;
}

/**
 * The tags to offer, most results first, then A–Z (in the page's language); `counts` are Pagefind's counts for
 * the words searched without the tag filter (its `totalFilters`), or of the whole wiki before any search.
 */
export function tagOffers(counts: FilterCounts, chosen: readonly string[], language?: string): TagOffer[] {
  const byTag = counts.tag ?? {};
  const tags = new Set([...Object.keys(byTag).filter((tag) => (byTag[tag] ?? 0) > 0), ...chosen]);
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  return [...tags]
    .map((tag) => ({ tag, count: byTag[tag] ?? 0, checked: chosen.includes(tag) }))
    .sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
}

/**
 * Draw `offers` as checkboxes in `fieldset`, keeping focus on the box the reader was on, and hide the fieldset
 * when there is nothing to offer.
 */
export function drawTagOffers(fieldset: HTMLFieldSetElement, offers: readonly TagOffer[]): void {
  const focused = fieldset.ownerDocument.activeElement;
  const focusedTag = focused instanceof HTMLInputElement && fieldset.contains(focused) ? focused.value : undefined;
  const legend = fieldset.querySelector('legend');
  const labels = offers.map(({ tag, count, checked }) => {
    const label = fieldset.ownerDocument.createElement('label');
    const box = fieldset.ownerDocument.createElement('input');
    box.type = 'checkbox';
    box.name = 'tag';
    box.value = tag;
    box.checked = checked;
    const number = fieldset.ownerDocument.createElement('span');
    number.className = 'count';
    number.textContent = `(${count})`;
    label.append(box, ` ${tag} `, number);
    return label;
  });
  fieldset.replaceChildren(...(legend ? [legend] : []), ...labels);
  fieldset.hidden = labels.length === 0;
  if (focusedTag !== undefined) fieldset.querySelector<HTMLInputElement>(`input[value="${CSS.escape(focusedTag)}"]`)?.focus();
}
