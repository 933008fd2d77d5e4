/**
 * "See also" written in an article's body: a `## See also` heading followed by
 * a list of wiki links. It renders like the frontmatter `seeAlso` list (each
 * link with its target's description), and the frontmatter entries are merged
 * into it, so an article never shows two "See also" sections.
 */
import type { HeadingInfo } from './parse-article.ts';

/** The heading text that starts a body "See also" section (any case). */
const SEE_ALSO_HEADING = /^see also$/i;

/** True for the text of a "See also" heading. */
export function isSeeAlsoHeading(text: string): boolean {
  return SEE_ALSO_HEADING.test(text.trim());
}

/** True when the article's body has a level-2 "See also" section. */
export function hasSeeAlsoSection(headings: readonly HeadingInfo[]): boolean {
  return headings.some((h) => h.depth === 2 && isSeeAlsoHeading(h.text));
}
