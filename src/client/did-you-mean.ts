/**
 * The 404 page: from the address that was not found, suggest the articles it probably meant and fill the
 * search box with the words of the address. The suggestions come from the title index, as search's do
 * (search-titles.ts): the articles whose title, id or alias the address names, begins, or misses by a typo,
 * looked up by the whole id and by its last segment (a page named without its namespace). Only the pieces
 * of the index those need are fetched, whatever the size of the wiki.
 */
import { baseNameOf, idFromUrl, normalizeId } from '../model/ids.ts';
import type { TitleMatch } from '../shared/title-index.ts';
import { titleSearch, type TitleLookup } from './search-titles.ts';

/** Suggestions shown at most. */
const SHOWN = 5;

/** The articles of several lookups, each once: named first, then begun, then a typo away. */
export function suggestionsOf(lookups: readonly TitleLookup[], limit = SHOWN): TitleMatch[] {
  const all = [...lookups.flatMap((l) => l.exact), ...lookups.flatMap((l) => l.prefixed), ...lookups.flatMap((l) => l.near)];
  return all.filter((match, i) => all.findIndex((other) => other.id === match.id) === i).slice(0, limit);
}

export async function showSuggestions(): Promise<void> {
  const section = document.getElementById('did-you-mean');
  const list = section?.querySelector('ul');
  const path = decodeURIComponent(location.pathname);
  // `/wiki/h10/` → `h10`; any other address is read as a page name, e.g. `/nvidia` → `nvidia`.
  const typed = idFromUrl(location.pathname) || normalizeId(path.replace(/^\/+|\/+$/g, '').replace(/\//g, ':'));
  const query = document.querySelector<HTMLInputElement>('#not-found-query');
  if (query && typed) query.value = typed.replace(/[:_]+/g, ' ');
  if (!section || !list || !typed) return;
  const titles = titleSearch();
  const keys = [...new Set([typed, baseNameOf(typed)])];
  const suggestions = suggestionsOf(await Promise.all(keys.map((key) => titles.lookup(key))));
  for (const suggestion of suggestions) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'wikilink';
    link.href = suggestion.url;
    link.textContent = suggestion.title;
    item.append(link);
    list.append(item);
  }
  section.hidden = suggestions.length === 0;
}
