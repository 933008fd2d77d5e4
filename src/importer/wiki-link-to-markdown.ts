/**
 * How the importer writes the wiki's `[[target|alias]]` link node (the engine's `WikiLinkNode`, as
 * remark-wiki-link with `aliasDivider: '|'` reads it) back to text. remark-wiki-link reads the target up to the
 * first `|` or `]` and the alias up to the first `]`, with no line ending in either: `wikiLinkSafe` guarantees
 * that for the alias; targets are cleaned page ids.
 */
import type { Handle, Options } from 'mdast-util-to-markdown';
import type { WikiLinkNode } from '../model/wiki-link-node.ts';

/**
 * Link text as a wiki link can hold it: no line breaks, and no `]` (which would end the link), written as the
 * look-alike `］` (U+FF3D).
 */
export function wikiLinkSafe(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replaceAll(']', '\uFF3D')
    .trim();
}

/**
 * `[[target|alias]]`. Inside a GFM table cell every `|` would end the cell, so there the divider and any `|`
 * of the alias are escaped (`[[target\|alias]]`, the convention Obsidian uses for links in tables).
 */
export function toWikiLinkSyntax(target: string, alias: string | undefined, inTable = false): string {
  if (alias === undefined) return `[[${target}]]`;
  const divider = inTable ? '\\|' : '|';
  return `[[${target}${divider}${inTable ? alias.replaceAll('|', '\\|') : alias}]]`;
}

const handleWikiLink: Handle = (node: WikiLinkNode, _parent, state) => toWikiLinkSyntax(node.value, node.data?.alias, state.stack.includes('tableCell'));

export const wikiLinkToMarkdown: Options = {
  handlers: { wikiLink: handleWikiLink },
};
