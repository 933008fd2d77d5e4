/**
 * The 404 page: from the address that was not found, suggest the closest
 * articles (over the prebuilt list in the page) and fill the search box with
 * the words of the address.
 */
import { idFromUrl, normalizeId } from '../model/ids.ts';
import { suggestPages, type SuggestionCandidate } from '../model/suggest.ts';

function isCandidate(value: unknown): value is SuggestionCandidate {
  return typeof value === 'object' && value !== null && 'key' in value && 'title' in value && 'url' in value;
}

export function showSuggestions(): void {
  const section = document.getElementById('did-you-mean');
  const list = section?.querySelector('ul');
  let parsed: unknown = [];
  try {
    parsed = JSON.parse(section?.dataset['candidates'] ?? '[]');
  } catch {
    parsed = [];
  }
  const candidates = Array.isArray(parsed) ? parsed.filter(isCandidate) : [];
  const path = decodeURIComponent(location.pathname);
  // `/wiki/h10/` → `h10`; any other address is read as a page name, e.g. `/nvidia` → `nvidia`.
  const typed = idFromUrl(location.pathname) || normalizeId(path.replace(/^\/+|\/+$/g, '').replace(/\//g, ':'));
  const query = document.querySelector<HTMLInputElement>('#not-found-query');
  if (query && typed) query.value = typed.replace(/[:_]+/g, ' ');
  const suggestions = suggestPages(typed, candidates);
  if (!section || !list || suggestions.length === 0) return;
  for (const suggestion of suggestions) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'wikilink';
    link.href = suggestion.url;
    link.textContent = suggestion.title;
    item.append(link);
    list.append(item);
  }
  section.hidden = false;
}
