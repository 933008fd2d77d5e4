/**
 * The wiki's own components: elements an article may write in JSX syntax (`<Infobox …>`, `<Figure …>`) without
 * importing anything, and without becoming code. They are known elements of the rendering pipeline, turned
 * into HTML like Markdown is, so an article that uses only these (with literal attributes) stays on the fast
 * path and is allowed in a wiki that does not trust its articles with code (the `safe` trust level).
 */

import { WIKI_LISTS } from './wiki-lists.ts';

/** The components the pipeline turns into blocks of the page (src/model/wiki-syntax.ts). */
export const BLOCK_COMPONENTS = ['Infobox', 'Figure'] as const;

export type BlockComponentName = (typeof BLOCK_COMPONENTS)[number];

/** The names of the wiki's own components, as written in articles: blocks, and the lists a page may embed (src/model/wiki-lists.ts). */
export const WIKI_COMPONENTS = [...BLOCK_COMPONENTS, ...WIKI_LISTS] as const;

export type WikiComponentName = (typeof WIKI_COMPONENTS)[number];

export function isWikiComponent(name: string | null | undefined): name is WikiComponentName {
  return (WIKI_COMPONENTS as readonly string[]).includes(name ?? '');
}

export function isBlockComponent(name: string | null | undefined): name is BlockComponentName {
  return (BLOCK_COMPONENTS as readonly string[]).includes(name ?? '');
}

/** The attributes each component takes, all written as text (`name="value"`); the first ones are required. */
export const COMPONENT_ATTRIBUTES: Record<BlockComponentName, { required: readonly string[]; optional: readonly string[] }> = {
  Infobox: { required: [], optional: ['title', 'image', 'alt', 'caption'] },
  Figure: { required: ['src', 'alt'], optional: ['caption', 'credit'] },
};

/** A JSX element as written in an article, as far as the wiki's components need it. */
export interface JsxElementLike {
  name: string | null;
  attributes: Array<{ type: string; name?: string; value?: unknown }>;
}

/**
 * The attributes of a wiki component written with literal values (`caption="…"`, or a bare `open` for true),
 * or the first attribute that is not: an `{expression}` or a `{...spread}`, which only code could give a value.
 */
export function literalAttributes(node: JsxElementLike): { ok: true; values: Map<string, string> } | { ok: false; name: string } {
  const values = new Map<string, string>();
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) return { ok: false, name: '{...}' };
    if (attribute.value === null || attribute.value === undefined) values.set(attribute.name, 'true');
    else if (typeof attribute.value === 'string') values.set(attribute.name, attribute.value);
    else return { ok: false, name: attribute.name };
  }
  return { ok: true, values };
}
