/**
 * The search page: reads `?q=…&tag=…`, shows every result with its matching
 * sections, offers the tags as filters with counts, and keeps the address in
 * step so that a search can be shared.
 */
import { loadPagefind, type FilterCounts } from './search-pagefind.ts';
import stylesheet from '../styles/search.css?url';
import { addStylesheet, resultElement } from './search-render.ts';
import { isSearchable, readSearchState, resultSummary, resultView, writeSearchState, type SearchState } from './search-results.ts';
import { uiStrings } from './ui-strings.ts';

const t = uiStrings();

/** Results drawn at once; "Show more" draws the next ones. */
const PAGE_SIZE = 20;

const form = document.querySelector<HTMLFormElement>('.search-page-form');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const filters = form?.querySelector<HTMLFieldSetElement>('.search-filters');
const summary = document.querySelector<HTMLElement>('.search-summary');
const list = document.querySelector<HTMLOListElement>('.search-results');

/** One checkbox per tag of the wiki, made once so that focus stays where the reader left it. */
function tagBoxes(fieldset: HTMLFieldSetElement, all: FilterCounts, chosen: readonly string[]) {
  if (fieldset.querySelector('input')) return;
  for (const tag of Object.keys(all.tag ?? {}).sort((a, b) => a.localeCompare(b))) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'tag';
    box.value = tag;
    box.checked = chosen.includes(tag);
    const count = document.createElement('span');
    count.className = 'count';
    label.append(box, ` ${tag} `, count);
    fieldset.append(label);
  }
  fieldset.hidden = !fieldset.querySelector('input');
}

/** How many results each tag would give for the words searched. */
function tagCounts(fieldset: HTMLFieldSetElement, counts: FilterCounts) {
  for (const box of fieldset.querySelectorAll<HTMLInputElement>('input[name="tag"]')) {
    const count = box.parentElement?.querySelector('.count');
    if (count) count.textContent = `(${counts.tag?.[box.value] ?? 0})`;
  }
}

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

let latest = 0;
const styled = addStylesheet(stylesheet);

async function show(state: SearchState) {
  if (!input || !filters || !summary || !list) return;
  const mine = ++latest;
  const [pagefind] = await Promise.all([loadPagefind(), styled]);
  const all = await pagefind.filters();
  const filter = state.tags.length > 0 ? { tag: { any: state.tags } } : {};
  const search = state.query || state.tags.length > 0 ? await pagefind.search(state.query || null, { filters: filter }) : null;
  if (mine !== latest) return; // a newer search replaced this one
  tagBoxes(filters, all, state.tags);
  tagCounts(filters, search?.totalFilters ?? all);
  const results = search?.results ?? [];
  list.replaceChildren();
  document.querySelector('.search-more')?.remove();
  if (results.length === 0) summary.replaceChildren(emptyState(state), ...(state.query || state.tags.length > 0 ? [allPagesLink(), '.'] : []));
  else summary.textContent = resultSummary(results.length, state, t);
  let drawn = 0;
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  const drawMore = async () => {
    const next = results.slice(drawn, drawn + PAGE_SIZE);
    drawn += next.length;
    const views = await Promise.all(next.map(async (r) => resultView(await r.data(), 3)));
    if (mine !== latest) return;
    list.append(...views.map(resultElement));
    more.textContent = t('search.showMore', { count: results.length - drawn });
    if (drawn >= results.length) more.remove();
    else list.after(more);
  };
  more.addEventListener('click', () => void drawMore());
  await drawMore();
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
