/**
 * The header search box, loaded on its first focus (search-trigger.ts): as you type, the articles the
 * words name ("Go to", from the title index: search-titles.ts), a "Did you mean" for a typo, then the
 * full-text results; arrow keys to move, Enter to open (on a query that is an article's title or alias,
 * that article, as Wikipedia's "Go"), Escape to close. It follows the ARIA combobox pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): focus stays in the box and
 * `aria-activedescendant` names the active option.
 */
import stylesheet from '../styles/search.css?url';
import { sideOfBox } from './results-side.ts';
import { loadPagefind } from './search-pagefind.ts';
import { addStylesheet, correctionElement, goToElement, optionElement, optionLink } from './search-render.ts';
import { announcement, goToMatches, isSearchable, markedWords, pageOf, resultView, searchPause, viewsExcept, writeSearchState } from './search-results.ts';
import { titleSearch, type Correction } from './search-titles.ts';
import { SEARCH_PAGE } from '../shared/search-scope.ts';
import { uiStrings } from './ui-strings.ts';

const t = uiStrings();

/** The name of the performance measure taken each time results are drawn. */
export const RESULTS_DRAWN = 'search: keystroke to results drawn';

/** Full-text results shown under the box; the search page shows the rest. */
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

/** What the trigger (search-trigger.ts) may ask of the box once it is attached. */
export interface SearchBox {
  /** Enter with no option chosen: the article the query names, else the search page. */
  go: () => Promise<void>;
}

export function attachSearchBox(form: HTMLFormElement, input: HTMLInputElement): SearchBox {
  const list = form.querySelector<HTMLElement>('[role="listbox"]');
  const status = form.querySelector<HTMLElement>('[role="status"]');
  if (!list || !status) return { go: async () => form.submit() };
  const styled = addStylesheet(stylesheet);
  const pagefind = loadPagefind();
  const titles = titleSearch();
  /** The options, each a link with `role="option"` (search-render.ts), in the order the arrows visit them. */
  let options: HTMLAnchorElement[] = [];
  let active = -1;
  let latest = 0;
  /** Results whose excerpt has been fetched once: drawn again without waiting. */
  const fetched = new Set<string>();

  const setOpen = (open: boolean) => {
    list.hidden = !open;
    if (open)
      list.classList.toggle('search-listbox-end', sideOfBox(form.getBoundingClientRect(), list.getBoundingClientRect().width, window.innerWidth) === 'end');
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
    const option = optionLink('search-option-all', 'search-option-all', SEARCH_PAGE + writeSearchState({ query, tags: [] }));
    option.link.textContent = count > SHOWN ? t('search.allResults', { count, query }) : t('search.searchPage', { query });
    return option;
  };

  /** Search for the correction in place, as if the reader had typed it. */
  const applyCorrection = (correction: string) => {
    input.value = correction;
    input.focus();
    void update(performance.now());
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
    const [loaded, found] = await Promise.all([pagefind, titles.lookup(query), styled]);
    let search = await loaded.search(query);
    if (mine !== latest || !search) return;
    // Words that find nothing, with a correction that does: its results are shown instead (as Wikipedia does).
    let instead: Correction | undefined;
    if (search.results.length === 0) {
      const correction = await titles.correction(query, found);
      const corrected = correction && (await loaded.search(correction.query));
      if (mine !== latest) return;
      if (correction && corrected && corrected.results.length > 0) {
        search = corrected;
        instead = correction;
      }
    }
    const goTo = goToMatches(found);
    const offered = new Set(goTo.map((match) => pageOf(match.url)));
    // The results most likely drawn; one offered by name above is replaced by the next, fetched without a pause.
    if (search.results.slice(0, SHOWN).some((r) => !fetched.has(r.id))) {
      await new Promise((resolve) => setTimeout(resolve, FETCH_PAUSE_MS));
      if (mine !== latest) return;
    }
    const results = search.results;
    const { views, used, fragments } = await viewsExcept(results, offered, SHOWN, (fragment) => resultView(fragment, 1));
    for (const r of results.slice(0, used)) fetched.add(r.id);
    // The words Pagefind marked in these results are known: only the others are looked up for "Did you mean".
    const correction = instead ?? (await titles.correction(query, found, markedWords(fragments)));
    if (mine !== latest) return;
    const corrected = correction
      ? correctionElement(
          correction.query,
          SEARCH_PAGE + writeSearchState({ query: correction.query, tags: [] }),
          'search-option-correction',
          instead !== undefined,
          t,
        )
      : undefined;
    corrected?.link.addEventListener('click', (event) => {
      event.preventDefault();
      if (correction) applyCorrection(correction.query);
    });
    const exact = found.exact.length > 0;
    const goToOptions = goTo.map((match, i) => goToElement(match, `search-option-go-${i}`, t));
    const drawn = [
      // The article named exactly comes first; a correction before guesses.
      ...(exact ? goToOptions.slice(0, found.exact.length) : []),
      ...(corrected ? [corrected] : []),
      ...(exact ? goToOptions.slice(found.exact.length) : goToOptions),
      ...views.map((view, i) => optionElement(view, `search-option-${i}`)),
    ];
    if (views.length > 0) drawn.push(allResultsOption(instead?.query ?? query, results.length));
    options = drawn.map((option) => option.link);
    active = -1;
    const empty = document.createElement('li');
    empty.className = 'search-empty';
    // Inside the listbox, a list item that is not an option says why there is none.
    empty.setAttribute('role', 'none');
    empty.textContent = t('search.noResults', { query });
    list.replaceChildren(...drawn.map((option) => option.item), ...(drawn.length > 0 ? [] : [empty]));
    status.textContent = announcement(goTo, exact, correction?.query, instead !== undefined, results.length, t);
    setOpen(true);
    requestAnimationFrame(() => performance.measure(RESULTS_DRAWN, { start: keystroke, end: performance.now() }));
  };

  /** Wikipedia's "Go": Enter on a query that is exactly one article's title or alias opens that article. */
  const go = async () => {
    const { exact } = await titles.lookup(input.value.trim());
    const [only] = exact;
    if (only && exact.length === 1) window.location.assign(only.url);
    else form.submit();
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
      if (event.isComposing || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      const chosen = open ? options[active] : undefined;
      if (chosen?.id === 'search-option-correction') chosen.click();
      else if (chosen) window.location.assign(chosen.href);
      else void go();
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
  return { go };
}

/** Arrow keys cycle through the options and back to the box itself (-1). */
function wrap(index: number, count: number): number {
  if (index < -1) return count - 1;
  if (index >= count) return -1;
  return index;
}
