/**
 * The wiki's own components: elements an article may write in JSX syntax (`<Infobox …>`, `<Figure …>`) without
 * importing anything, and without becoming code. They are known elements of the rendering pipeline, turned
 * into HTML like Markdown is, so an article that uses only these (with literal attributes) stays on the fast
 * path and is allowed in a wiki that does not trust its articles with code (the `safe` trust level).
 */

import { WIKI_LISTS } from './wiki-lists.ts';

/** The names of the wiki's own components, as written in articles; the lists a page may embed are src/model/wiki-lists.ts. */
export const WIKI_COMPONENTS = ['Infobox', 'Figure', ...WIKI_LISTS] as const;

export type WikiComponentName = (typeof WIKI_COMPONENTS)[number];

export function isWikiComponent(name: string | null | undefined): name is WikiComponentName {
  return (WIKI_COMPONENTS as readonly string[]).includes(name ?? '');
}
