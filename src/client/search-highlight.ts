/**
 * Marks the searched words (`?highlight=word&highlight=…`, added to result links
 * by Pagefind) in the article body with Pagefind's highlighter (mark.js,
 * https://pagefind.app/docs/highlighting/), skipping the parts that are not
 * searched, and brings the first mark into view when the address names no section.
 */
import stylesheet from '../styles/search-highlight.css?url';
import { PAGEFIND_BUNDLE } from './search-pagefind.ts';
import { addStylesheet } from './search-render.ts';
import { HIGHLIGHT_PARAM, NOT_SEARCHED } from '../shared/search-scope.ts';

interface PagefindHighlightOptions {
  highlightParam: string;
  markContext: string;
  addStyles: boolean;
  markOptions: { className: string; exclude: string[] };
}

type PagefindHighlight = new (options: PagefindHighlightOptions) => unknown;

export async function highlightFromAddress(): Promise<void> {
  const words = new URLSearchParams(window.location.search).getAll(HIGHLIGHT_PARAM).filter((w) => w !== '');
  if (words.length === 0) return;
  void addStylesheet(stylesheet);
  const module = (await import(/* @vite-ignore */ `${PAGEFIND_BUNDLE}pagefind-highlight.js`)) as { default: PagefindHighlight };
  // The highlighter reads the words from the address itself.
  new module.default({
    highlightParam: HIGHLIGHT_PARAM,
    markContext: '.article-body',
    addStyles: false,
    markOptions: { className: 'search-hit', exclude: NOT_SEARCHED.flatMap(({ selector }) => [selector, `${selector} *`]) },
  });
  const first = document.querySelector('.article-body .search-hit');
  if (first && !window.location.hash) first.scrollIntoView({ block: 'center' });
}
