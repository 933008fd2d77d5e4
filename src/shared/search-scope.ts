/**
 * What the search covers, shared by the index (`src/postbuild/search-index.ts`)
 * and the highlight on the target page (`search-highlight.ts`), so that a word
 * is highlighted exactly where it can be found.
 *
 * Pagefind indexes only elements inside `data-pagefind-body` (the article on
 * article pages); these selectors drop the parts of an article readers do not
 * search for. Every word left out also makes the index chunks smaller.
 */
export const NOT_SEARCHED: ReadonlyArray<{ selector: string; why: string }> = [
  { selector: '.toc', why: 'the table of contents repeats the headings, which are indexed where they stand' },
  { selector: '.breadcrumbs', why: 'namespaces are navigation, not content' },
  { selector: '.article-meta', why: '"Last updated" and its date' },
  { selector: '.heading-anchor', why: 'the "#" link after each heading' },
  { selector: '.see-also', why: 'titles of other pages; they are found on their own pages' },
  { selector: '.references', why: 'the References list: titles of sources, publishers and URLs' },
  { selector: 'section[data-footnotes]', why: 'footnotes, where the References list is not built from them' },
  { selector: 'sup.reference', why: 'citation marks, "[1]"' },
  { selector: 'a[data-footnote-ref]', why: 'footnote call numbers' },
];

/** The query parameter that carries the searched words to the article. */
export const HIGHLIGHT_PARAM = 'highlight';

/** The search page, `/search/?q=…&tag=…`. */
export const SEARCH_PAGE = '/search/';
