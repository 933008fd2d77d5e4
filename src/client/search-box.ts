/**
 * The header search box, loaded on its first focus (search-trigger.ts): results
 * as you type, arrow keys to move, Enter to open, Escape to close. It follows
 * the ARIA combobox pattern (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 * focus stays in the box and `aria-activedescendant` names the active result.
 */
import stylesheet from '../styles/search.css?url';
import { loadPagefind } from './search-pagefind.ts';
import { addStylesheet, optionElement } from './search-render.ts';
import { isSearchable, resultView, searchPause, writeSearchState } from './search-results.ts';
import { SEARCH_PAGE } from '../shared/search-scope.ts';
import { uiStrings } from './ui-strings.ts';

const t = uiStrings();

/** The name of the performance measure taken each time results are drawn. */
export const RESULTS_DRAWN = 'search: keystroke to results drawn';

/** Results shown under the box; the search page shows the rest. */
const SHOWN = 5;

/**
 * How long the reader must pause typing before the box fetches results it has not shown before. Each
 * keystroke still searches at once (Pagefind fetches the index chunks of the words typed so far, which
 * the final word mostly reuses), but the excerpts of the results of half-typed words, a request per result,
 * are not fetched: a first query costs about what the finished words need. Results already fetched are
 * drawn at once.
 */
const FETCH_PAUSE_MS = 120;
// A last word of one or two Latin letters also waits for a pause before it is searched at all (`searchPause`).

export function attachSearchBox(form: HTMLFormElement, input: HTMLInputElement): void {
  const list = form.querySelector<HTMLElement>('[role="listbox"]');
  const status = form.querySelector<HTMLElement>('[role="status"]');
  if (!list || !status) return;
  const styled = addStylesheet(stylesheet);
  const pagefind = loadPagefind();
  let options: HTMLElement[] = [];
  let active = -1;
  let latest = 0;
  /** Results whose excerpt has been fetched once: drawn again without waiting. */
  const fetched = new Set<string>();

  const setOpen = (open: boolean) => {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
  };

  const setActive = (index: number) => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      option.scrollIntoView({ block: 'nearest' });
      input.setAttribute('aria-activedescendant', option.id);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const allResultsOption = (query: string, count: number) => {
    const li = document.createElement('li');
    li.id = 'search-option-all';
    li.className = 'search-option search-option-all';
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    const link = document.createElement('a');
    link.href = SEARCH_PAGE + writeSearchState({ query, tags: [] });
    link.tabIndex = -1;
    link.textContent = count > SHOWN ? t('search.allResults', { count, query }) : t('search.searchPage', { query });
    li.append(link);
    return li;
  };

  /** `keystroke` is the input event's time; the measure lets bench/ and DevTools read keystroke-to-results. */
  const update = async (keystroke: number) => {
    const query = input.value.trim();
    const mine = ++latest;
    if (!isSearchable(query)) {
      options = [];
      list.replaceChildren();
      status.textContent = '';
      setOpen(false);
      return;
    }
    const pause = searchPause(query);
    if (pause > 0) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      if (mine !== latest) return;
    }
    const [loaded] = await Promise.all([pagefind, styled]);
    const search = await loaded.search(query);
    if (mine !== latest || !search) return;
    const top = search.results.slice(0, SHOWN);
    if (top.some((r) => !fetched.has(r.id))) {
      await new Promise((resolve) => setTimeout(resolve, FETCH_PAUSE_MS));
      if (mine !== latest) return;
    }
    const views = await Promise.all(top.map(async (r) => resultView(await r.data(), 1)));
    for (const r of top) fetched.add(r.id);
    if (mine !== latest) return;
    options = views.map((view, i) => optionElement(view, `search-option-${i}`));
    if (views.length > 0) options.push(allResultsOption(query, search.results.length));
    active = -1;
    const empty = document.createElement('li');
    empty.className = 'search-empty';
    empty.textContent = t('search.noResults', { query });
    list.replaceChildren(...(options.length > 0 ? options : [empty]));
    status.textContent = t('search.results', { count: search.results.length });
    setOpen(true);
    requestAnimationFrame(() => performance.measure(RESULTS_DRAWN, { start: keystroke, end: performance.now() }));
  };

  input.addEventListener('input', (event) => void update(event.timeStamp));
  input.addEventListener('focus', () => {
    if (options.length > 0 || list.childElementCount > 0) setOpen(input.value.trim() !== '');
  });
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && options.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(wrap(active + step, options.length));
    } else if (event.key === 'Enter') {
      const href = options[active]?.querySelector('a')?.href;
      if (!open || !href) return; // without a chosen result, Enter opens the search page (the form's action)
      event.preventDefault();
      window.location.assign(href);
    } else if (event.key === 'Escape') {
      if (list.hidden) return;
      event.preventDefault();
      setOpen(false);
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (event.target instanceof Node && !form.contains(event.target)) setOpen(false);
  });
  // Words typed before this module arrived are searched now.
  void update(performance.now());
}

/** Arrow keys cycle through the results and back to the box itself (-1). */
function wrap(index: number, count: number): number {
  if (index < -1) return count - 1;
  if (index >= count) return -1;
  return index;
}
