/**
 * The ids an article's headings get: github-slugger's, as rehype-slug gives them (`## Memory bandwidth` →
 * `memory-bandwidth`, the second `## Notes` → `notes-1`), except that a heading never takes an id the page
 * already uses for its own parts (References, What links here, the reference list's entries) and never gets
 * an empty id (`## 😀`). One function for the pre-pass, which checks `[[page#section]]` links against these
 * ids, and for the rendering (src/render/plugins/rehype-heading-ids.ts), so that both agree.
 */
import GithubSlugger, { slug as plainSlug } from 'github-slugger';

/** Ids of the article page's own parts (src/components/*.astro, src/layouts/Base.astro). */
export const PAGE_OWN_IDS = ['content', 'search-input', 'search-listbox', 'link-preview', 'see-also-list', 'references', 'what-links-here'] as const;

/** Ids of the reference list's entries and markers, `ref-3` and `cite-ref-3-a` (src/render/plugins/rehype-references.ts). */
const REFERENCE_ID = /^(cite-)?ref-\d/;

/** The id of a heading whose text gives none (only emoji or punctuation). */
const NO_TEXT_ID = 'section';

/** A slugger for one article: call it with each heading's text, in order. */
export function headingSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  // Taken first, so that a heading `## References` becomes `references-1`.
  for (const id of PAGE_OWN_IDS) slugger.slug(id);
  return (text) => {
    const plain = plainSlug(text);
    if (plain === '') return slugger.slug(NO_TEXT_ID);
    return slugger.slug(REFERENCE_ID.test(plain) ? `${plain}-section` : text);
  };
}
