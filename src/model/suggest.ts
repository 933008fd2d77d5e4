/**
 * "Did you mean": the articles whose ids (or aliases) are closest to a
 * mistyped id. Pure; the 404 page runs it in the browser over a prebuilt list.
 */

export interface SuggestionCandidate {
  /** An article id or an alias of one. */
  key: string;
  title: string;
  url: string;
}

/** Levenshtein distance between two strings (insert, delete, substitute, each 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** How far apart a typed id and a candidate key are; a key that contains the typed id (or the reverse) counts as close. */
function distance(typed: string, key: string): number {
  const base = (id: string) => id.split(':').at(-1) ?? id;
  if (key.includes(typed) || typed.includes(key)) return Math.abs(key.length - typed.length) / Math.max(key.length, 1);
  return Math.min(editDistance(typed, key), editDistance(base(typed), base(key)));
}

/**
 * Up to `limit` articles closest to `typed` (a normalised id), nearest first,
 * each article once, within a distance that grows with the length of what was typed.
 */
export function suggestPages(typed: string, candidates: readonly SuggestionCandidate[], limit = 5): SuggestionCandidate[] {
  if (typed === '') return [];
  const allowed = Math.max(2, Math.floor(typed.length / 3));
  const best = new Map<string, { candidate: SuggestionCandidate; score: number }>();
  for (const candidate of candidates) {
    const score = distance(typed, candidate.key);
    const seen = best.get(candidate.url);
    if (score <= allowed && (!seen || score < seen.score)) best.set(candidate.url, { candidate, score });
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || a.candidate.title.localeCompare(b.candidate.title))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** Every article under its id and under each alias, for the 404 page's list. */
export function suggestionCandidates(pages: ReadonlyArray<{ id: string; title: string; url: string; aliases: readonly string[] }>): SuggestionCandidate[] {
  return pages.flatMap((page) => [page.id, ...page.aliases].map((key) => ({ key, title: page.title, url: page.url })));
}
