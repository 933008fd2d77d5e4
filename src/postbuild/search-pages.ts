/**
 * Which built pages the search indexes, told from their bytes: the article pages, which mark their body with
 * `data-pagefind-body` (Pagefind leaves every other page out once one page has it). The security check reads
 * every page the build wrote (src/postbuild/security-check.ts) and notes these facts as it goes, so that the
 * search's indexing need not read the whole site again (10,000 articles: 1.6 s of one thread before Pagefind).
 */
import type { SearchPage } from '../model/site-files.ts';

/** What the search needs of a page: null for a page it does not index; `cjk` as in `SearchPage`. */
export type SearchFacts = { bytes: number; cjk: boolean } | null;

const BODY_MARK = Buffer.from('data-pagefind-body');

export function searchFacts(bytes: Buffer): SearchFacts {
  return bytes.includes(BODY_MARK) ? { bytes: bytes.length, cjk: mayHoldCjk(bytes) } : null;
}

/**
 * Whether `bytes` may hold a character from U+3000 to U+9FFF (kana, CJK ideographs): a byte that starts one in
 * UTF-8 (0xE3–0xE9), each looked for by Node's native search, without decoding the page (1,000 pages: 60 ms less
 * than a regular expression over them read as Latin-1).
 */
function mayHoldCjk(bytes: Buffer): boolean {
  for (let lead = 0xe3; lead <= 0xe9; lead++) if (bytes.includes(lead)) return true;
  return false;
}

/** `files` (paths relative to the site's folder) with their facts: the pages to index, sorted by path. */
export function searchPagesOf(files: readonly string[], facts: readonly SearchFacts[]): SearchPage[] {
  const pages: SearchPage[] = [];
  files.forEach((path, i) => {
    const fact = facts[i];
    if (fact) pages.push({ path, bytes: fact.bytes, ...(fact.cjk ? { cjk: true as const } : {}) });
  });
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
