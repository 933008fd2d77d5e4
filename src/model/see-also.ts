/**
 * "See also" written in an article's body: a `## See also` heading followed by
 * a list of wiki links. It renders like the frontmatter `seeAlso` list (each
 * link with its target's description), and the frontmatter entries are merged
 * into it, so an article never shows two "See also" sections.
 */
import { BUNDLED_UI_STRINGS } from '../shared/ui-strings.ts';
import type { HeadingInfo } from './parse-article.ts';

/** The heading texts that start a body "See also" section (any case): "See also" in each language the engine ships. */
const SEE_ALSO_HEADINGS = new Set(
  Object.values(BUNDLED_UI_STRINGS).flatMap((table) => (table['article.seeAlso'] ? [table['article.seeAlso'].toLowerCase()] : [])),
);

/** True for the text of a "See also" heading: `See also`, `Siehe auch`. */
export function isSeeAlsoHeading(text: string): boolean {
  return SEE_ALSO_HEADINGS.has(text.trim().toLowerCase());
}

/** True when the article's body has a level-2 "See also" section. */
export function hasSeeAlsoSection(headings: readonly HeadingInfo[]): boolean {
  return headings.some((h) => h.depth === 2 && isSeeAlsoHeading(h.text));
}
