/**
 * The search page: reads `?q=…&tag=…`, shows every result with its matching
 * sections, offers as filters the tags that have results (with counts, most
 * first: tag-filters.ts), and keeps the address in
 * step so that a search can be shared. An article whose title or alias the
 * query is comes first (search-titles.ts), and a query with a typo gets a
 * "Did you mean".
 */
import { loadPagefind } from './search-pagefind.ts';
import { drawTagOffers, tagOffers } from './tag-filters.ts';
import stylesheet from '../styles/search.css?url';
import { addStylesheet, correctionLine, resultElement } from './search-render.ts';
import {
  isSearchable,
  markedWords,
  pageOf,
  readSearchState,
  resultSummary,
  resultView,
  writeSearchState,
  type ResultView,
  type SearchState,
} from './search-results.ts';
import { fetchJson, titleSearch, type Correction } from './search-titles.ts';
import { previewUrlForId } from '../model/ids.ts';
import type { TitleMatch } from '../shared/title-index.ts';
import { SEARCH_PAGE } from '../shared/search-scope.ts';
import { uiStrings } from './ui-strings.ts';

const t = uiStrings();

/** Results drawn at once; "Show more" draws the next ones. */
const PAGE_SIZE = 20;

const form = document.querySelector<HTMLFormElement>('.search-page-form');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const filters = form?.querySelector<HTMLFieldSetElement>('.search-filters');
const summary = document.querySelector<HTMLElement>('.search-summary');
const suggestion = document.querySelector<HTMLElement>('.search-suggestion');
const list = document.querySelector<HTMLOListElement>('.search-results');

function emptyState(state: SearchState): string {
  if (state.query === '' && state.tags.length === 0) return t('search.prompt');
  if (!state.query) return t('search.noMatchTags');
  const words = `“${state.query}”`;
  return state.tags.length > 0 ? t('search.noMatchTagged', { words, tags: t.list(state.tags, 'disjunction') }) : t('search.noMatch', { words });
}

/** Every article, for a reader whose words found nothing. */
function allPagesLink(): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = '/special/all-pages/';
  link.textContent = t('search.allPagesLink');
  return link;
}

/** An article named by the query that full-text search did not return on its first page: shown from its link preview. */
async function namedView(match: TitleMatch): Promise<ResultView> {
  const preview = await fetchJson(previewUrlForId(match.id));
  const description =
    typeof preview === 'object' && preview !== null && 'description' in preview && typeof preview.description === 'string' ? preview.description : '';
  return { title: match.title, url: match.url, description, tags: [], sections: [] };
}

let latest = 0;
const styled = addStylesheet(stylesheet);
const titles = titleSearch();

async function show(state: SearchState) {
  if (!input || !filters || !summary || !list || !suggestion) return;
  const mine = ++latest;
  list.setAttribute('aria-busy', 'true');
  const [pagefind, found] = await Promise.all([loadPagefind(), state.query ? titles.lookup(state.query) : undefined, styled]);
  const all = await pagefind.filters();
  const filter = state.tags.length > 0 ? { tag: { any: state.tags } } : {};
  let search = state.query || state.tags.length > 0 ? await pagefind.search(state.query || null, { filters: filter }) : null;
  // Words that find nothing, with a correction that does: its results are shown instead (as Wikipedia does).
  const correction = found && search?.results.length === 0 ? await titles.correction(state.query, found) : undefined;
  const corrected = correction ? await pagefind.search(correction.query, { filters: filter }) : null;
  const instead = corrected && corrected.results.length > 0 ? correction : undefined;
  if (instead) search = corrected;
  if (mine !== latest) return; // a newer search replaced this one
  // The tags the words searched find articles under (counted without the tag filter), most first.
  drawTagOffers(filters, tagOffers(search?.totalFilters ?? all, state.tags, document.documentElement.lang));
  const suggest = (offered: Correction | undefined) => {
    suggestion.replaceChildren();
    suggestion.hidden = !offered;
    if (!offered) return;
    const line = correctionLine(offered.query, SEARCH_PAGE + writeSearchState({ query: offered.query, tags: state.tags }), instead !== undefined, t);
    line.querySelector('a')?.addEventListener('click', (event) => {
      event.preventDefault();
      input.value = offered.query;
      form?.requestSubmit();
    });
    suggestion.append(line);
  };
  suggest(correction);
  const results = search?.results ?? [];
  // The articles the query names come first; they are not drawn again where full-text search ranks them.
  const named = found?.exact ?? [];
  list.replaceChildren();
  document.querySelector('.search-more')?.remove();
  if (results.length === 0 && named.length === 0)
    summary.replaceChildren(emptyState(state), ...(state.query || state.tags.length > 0 ? [allPagesLink(), '.'] : []));
  else summary.textContent = resultSummary(Math.max(results.length, named.length), instead ? { ...state, query: instead.query } : state, t);
  let drawn = 0;
  /** Pages drawn first, as named by the query: not drawn again where full-text search ranks them. */
  const pinned = new Set<string>();
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  const drawMore = async () => {
    const first = drawn === 0;
    const next = results.slice(drawn, drawn + PAGE_SIZE);
    drawn += next.length;
    const fragments = await Promise.all(next.map((r) => r.data()));
    const views = fragments.map((fragment) => resultView(fragment, 3));
    if (first && found && !instead) {
      // The words Pagefind marked in the first page are known: only the others are looked up for "Did you mean".
      const offered = await titles.correction(state.query, found, markedWords(fragments));
      if (mine !== latest) return;
      suggest(offered);
    }
    if (first) {
      // Named articles that full-text search (with the chosen tags) returned on this page keep their excerpts;
      // without tags chosen, one it did not return is drawn from its preview.
      const top = named.flatMap((match) => views.find((view) => pageOf(view.url) === pageOf(match.url)) ?? []);
      const missing = state.tags.length > 0 ? [] : named.filter((match) => !top.some((view) => pageOf(view.url) === pageOf(match.url)));
      const drawnFirst = [...top, ...(await Promise.all(missing.map(namedView)))];
      for (const view of drawnFirst) pinned.add(pageOf(view.url));
      if (mine !== latest) return;
      list.append(...drawnFirst.map(resultElement));
    }
    if (mine !== latest) return;
    list.append(...views.filter((view) => !pinned.has(pageOf(view.url))).map(resultElement));
    more.textContent = t('search.showMore', { count: results.length - drawn });
    if (drawn >= results.length) more.remove();
    else list.after(more);
  };
  more.addEventListener('click', () => void drawMore());
  await drawMore();
  if (mine === latest) list.setAttribute('aria-busy', 'false');
}

if (form && input && filters) {
  const state = readSearchState(window.location.search);
  input.value = state.query;
  const submit = () => {
    const next: SearchState = {
      query: input.value.trim(),
      tags: [...filters.querySelectorAll<HTMLInputElement>('input[name="tag"]:checked')].map((box) => box.value),
    };
    history.replaceState(null, '', `${window.location.pathname}${writeSearchState(next)}`);
    void show(next);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  filters.addEventListener('change', submit);
  input.addEventListener('input', () => {
    if (input.value.trim() === '' || isSearchable(input.value)) submit();
  });
  void show(state);
  if (!state.query) input.focus();
}
