/**
 * Turns Pagefind's result data into what a result shows: the article's title,
 * the sections where the words match (with their own links) and excerpts split
 * into plain and highlighted runs. Pure functions, tested in
 * tests/unit/search-results.test.ts.
 */
import { joinCjkWords } from '../shared/search-cjk.ts';
import type { PagefindFragment, PagefindSubResult } from './search-pagefind.ts';
import type { Translator } from '../shared/translate.ts';

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
