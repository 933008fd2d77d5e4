/**
 * Chinese and Japanese words, for search. Pagefind splits text into words at spaces and punctuation, and
 * segments Chinese only on pages whose language is Chinese: on the wiki's English pages an unbroken run such
 * as 总部位于深圳的科技公司 would be one word, and 深圳 inside it could not be found. So the index is built
 * from a copy of each page where such runs are split into words with spaces (`spaceCjkWords`, by the
 * dictionary segmenter of `Intl.Segmenter`, in src/postbuild/search-index.ts), the search box and page split
 * the reader's words the same way, and excerpts drop those spaces again for display (`joinCjkWords`).
 * Shared by the build (Node) and the browser, which segment alike (both ICU).
 */

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const CJK_RUN = new RegExp(`[${CJK}]{2,}`, 'gu');
/** A space the index copy put between two CJK characters, possibly at the edge of a `<mark>`. */
const SPACE_BETWEEN = new RegExp(`(?<=[${CJK}](?:</?mark>)?) (?=(?:</?mark>)?[${CJK}])`, 'gu');

let segmenter: Intl.Segmenter | undefined;

/** `text` with each run of Chinese or Japanese characters split into its words by spaces: 位于深圳 → 位于 深圳. */
export function spaceCjkWords(text: string): string {
  return text.replace(CJK_RUN, (run) => {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    return Array.from(segmenter.segment(run), (part) => part.segment).join(' ');
  });
}

/** Undo `spaceCjkWords` for display: no space between two Chinese or Japanese characters (`<mark>` tags allowed around them). */
export function joinCjkWords(text: string): string {
  return text.replace(SPACE_BETWEEN, '');
}
