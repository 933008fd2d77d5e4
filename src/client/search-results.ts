/**
 * Turns Pagefind's result data into what a result shows: the article's title,
 * the sections where the words match (with their own links) and excerpts split
 * into plain and highlighted runs. Pure functions, tested in
 * tests/unit/search-results.test.ts.
 */
import { joinCjkWords } from '../shared/search-cjk.ts';
import { searchWords } from '../shared/search-keys.ts';
import type { PagefindFragment, PagefindResult, PagefindSubResult } from './search-pagefind.ts';
import type { TitleMatch } from '../shared/title-index.ts';
import type { Translator } from '../shared/translate.ts';
import type { TitleLookup } from './search-titles.ts';

/** A run of excerpt text; `marked` runs are the matched words. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface SectionView {
  /** The heading's text, or undefined for text before the first heading. */
  heading: string | undefined;
  url: string;
  excerpt: ExcerptPart[];
}

export interface ResultView {
  title: string;
  /** Where the result leads: the best-matching section of the article. */
  url: string;
  description: string;
  tags: string[];
  sections: SectionView[];
}

/**
 * Pagefind's excerpts are the page's text as the reader saw it (character references already decoded when
 * the page was indexed) with `<mark>` around matched words: not HTML, so nothing is decoded here again
 * (an article that shows `&lt;` shows `&lt;` in its excerpt). Splitting them into runs lets the page build
 * text nodes, never HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  // The index reads Chinese and Japanese runs split by spaces (search-cjk.ts); readers see them whole.
  excerpt = joinCjkWords(excerpt);
  excerpt.split(/(<mark>.*?<\/mark>)/s).forEach((piece) => {
    if (piece === '') return;
    const marked = piece.startsWith('<mark>');
    const text = marked ? piece.slice(6, -7) : piece;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  });
  return parts;
}

/** How well a section matches: the sum of its matched words' scores. */
function sectionScore(section: PagefindSubResult): number {
  return section.weighted_locations.reduce((sum, w) => sum + w.balanced_score, 0);
}

/** The `limit` best-matching sections, best first; ties keep page order. */
export function bestSections(sections: readonly PagefindSubResult[], limit: number): PagefindSubResult[] {
  return sections
    .map((section, order) => ({ section, order, score: sectionScore(section) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ section }) => section);
}

export function resultView(fragment: PagefindFragment, sectionLimit: number): ResultView {
  const title = joinCjkWords(fragment.meta.title ?? fragment.url);
  const sections = bestSections(fragment.sub_results, sectionLimit).map((s) => ({
    heading: s.anchor ? joinCjkWords(s.title) : undefined,
    url: s.url,
    excerpt: excerptParts(s.excerpt),
  }));
  return {
    title,
    url: sections[0]?.url ?? fragment.url,
    description: fragment.meta.description ?? '',
    tags: fragment.filters.tag ?? [],
    sections: sections.length > 0 ? sections : [{ heading: undefined, url: fragment.url, excerpt: excerptParts(fragment.excerpt) }],
  };
}

/** Articles the header box offers by name ("Go to") above the full-text results. */
export const GO_TO_SHOWN = 4;

/**
 * The articles offered by name: those the query names (all of them), then those with a name that starts
 * with it, up to `GO_TO_SHOWN`; with neither, the one a typo away.
 */
export function goToMatches(found: TitleLookup): TitleMatch[] {
  const named = [...found.exact, ...found.prefixed];
  const [near] = found.near;
  if (named.length === 0 && near) return [near];
  return named.slice(0, Math.max(GO_TO_SHOWN, found.exact.length));
}

/**
 * What the header box's status line reads out when its options change, so that a screen reader hears the
 * suggestions as well as the results: "Article Nvidia. 3 more titles. 16 results" (with neither, the count of
 * results, as before titles were offered).
 */
export function announcement(
  goTo: readonly TitleMatch[],
  exact: boolean,
  correction: string | undefined,
  instead: boolean,
  results: number,
  t: Translator,
): string {
  const parts: string[] = [];
  if (correction) parts.push(instead ? t('search.announceInstead', { correction }) : t('search.didYouMean', { correction }));
  const [first, ...more] = goTo;
  if (first && exact) parts.push(t('search.announceArticle', { title: first.title }));
  const titles = exact ? more.length : goTo.length;
  if (titles > 0) parts.push(exact ? t('search.announceMoreTitles', { count: titles }) : t('search.announceTitles', { count: titles }));
  parts.push(t('search.results', { count: results }));
  return parts.join(' ');
}

/** The page an address leads to, whatever its query, section or percent-encoding: to tell two results of one article apart. */
export function pageOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * The first `count` of Pagefind's results that are not on a page of `skip` (articles already offered by
 * title), as `view` makes them, and every fragment fetched on the way. Fragments are fetched a batch at a
 * time, only as many as needed.
 */
export async function viewsExcept<T>(
  results: readonly PagefindResult[],
  skip: ReadonlySet<string>,
  count: number,
  view: (fragment: PagefindFragment) => T,
): Promise<{ views: T[]; used: number; fragments: PagefindFragment[] }> {
  const views: T[] = [];
  const fragments: PagefindFragment[] = [];
  let used = 0;
  while (views.length < count && used < results.length) {
    const batch = results.slice(used, used + count - views.length);
    used += batch.length;
    for (const fragment of await Promise.all(batch.map((r) => r.data()))) {
      fragments.push(fragment);
      if (!skip.has(pageOf(fragment.url))) views.push(view(fragment));
    }
  }
  return { views, used, fragments };
}

/**
 * The words Pagefind marked in the excerpts of these results, as search keys: the words it found in the
 * text for the query. A query word that begins one of them was found as typed, and needs no "Did you mean".
 */
export function markedWords(fragments: readonly PagefindFragment[]): Set<string> {
  const words = new Set<string>();
  for (const fragment of fragments) {
    for (const excerpt of [fragment.excerpt, ...fragment.sub_results.map((s) => s.excerpt)]) {
      for (const part of excerptParts(excerpt)) if (part.marked) for (const word of searchWords(part.text)) words.add(word);
    }
  }
  return words;
}

/** The words of a query, as the search page's address keeps them: `?q=…&tag=…&tag=…`. */
export interface SearchState {
  query: string;
  tags: string[];
}

export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return { query: (params.get('q') ?? '').trim(), tags: params.getAll('tag').filter((t) => t !== '') };
}

export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const tag of state.tags) params.append('tag', tag);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** "3 articles match “hbm”, tagged hardware." — the line above the results. */
export function resultSummary(count: number, state: SearchState, t: Translator): string {
  const tags = t.list(state.tags, 'disjunction');
  if (!state.query) return t('search.summaryTags', { count, tags });
  return t(state.tags.length > 0 ? 'search.summaryTagged' : 'search.summary', { count, query: state.query, tags });
}

/**
 * Whether a query is worth a search as the reader types. One Latin letter
 * matches a large share of all words, and fetching their index chunk would
 * cost more than the query it leads to; one Chinese or Japanese character is
 * already a word.
 */
export function isSearchable(query: string): boolean {
  const trimmed = query.trim();
  return [...trimmed].length >= 2 || CJK.test(trimmed);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** How long the box waits for another keystroke before searching a query whose last word is short. */
export const SHORT_WORD_PAUSE_MS = 200;

/**
 * How long to wait, as the reader types, before searching `query`. A last word of one or two Latin letters
 * is most often the start of a longer one, and Pagefind would fetch the index chunks of every word that
 * starts so (at 10,000 articles, one or two chunks of ~50 KB that the finished word does not need): it is
 * searched only if the reader stops there (`memory b` waits; `AI`, typed and left, is searched after the
 * pause). A longer last word, or a Chinese or Japanese one, is searched at once.
 */
export function searchPause(query: string): number {
  const last = query.trim().split(/\s+/).at(-1) ?? '';
  return CJK.test(last) || [...last].length >= 3 ? 0 : SHORT_WORD_PAUSE_MS;
}
