/**
 * The only search code on every page, well under 1 KB: `/` focuses the header
 * box, and its first focus loads the rest (search-box.ts with its styles, then
 * Pagefind and the title index); Enter pressed before that has arrived waits for it. An article opened from a search result (its address has a query,
 * `?highlight=…`) loads the highlighter. Otherwise the page fetches nothing for search.
 */
const form = document.querySelector<HTMLFormElement>('form.search-box');
const input = form?.querySelector<HTMLInputElement>('input[role="combobox"]');

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

if (form && input) {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    event.preventDefault();
    input.focus();
  });
  let attached = false;
  let box: Promise<{ go: () => Promise<void> }> | undefined;
  const load = () =>
    (box ??= import('./search-box.ts').then(({ attachSearchBox }) => {
      attached = true;
      return attachSearchBox(form, input);
    }));
  input.addEventListener('focus', () => void load(), { once: true });
  // Enter before the box's code has arrived: it decides, once there, between the article named and the search page.
  form.addEventListener('submit', (event) => {
    if (attached) return;
    event.preventDefault();
    void load().then((loaded) => loaded.go());
  });
}

// Articles have no query in their address unless a search result led here.
if (window.location.search && document.querySelector('.article-body')) {
  void import('./search-highlight.ts').then(({ highlightFromAddress }) => highlightFromAddress());
}
