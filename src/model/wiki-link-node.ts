/**
 * The mdast node that `remark-wiki-link` produces for `[[target|alias]]`
 * (the package ships no types for it).
 */
import type { Data, Literal } from 'mdast';

/** `hName`, `hProperties` and `hChildren` come from mdast-util-to-hast's `Data`. */
export interface WikiLinkData extends Data {
  alias?: string;
  /**
   * The text after `|` when the link was read from a text of its own (an infobox row, a caption), whose
   * positions are not offsets into the article: null when none was written.
   */
  writtenAlias?: string | null;
  permalink?: string;
  exists?: boolean;
}

export interface WikiLinkNode extends Literal {
  type: 'wikiLink';
  /** The target as written, before `|`. */
  value: string;
  data?: WikiLinkData;
}

/** Options for remark-wiki-link shared by every processor: `|` divides target and text, as in DokuWiki. */
export const wikiLinkSyntaxOptions = { aliasDivider: '|' } as const;

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLinkNode;
  }
  interface RootContentMap {
    wikiLink: WikiLinkNode;
  }
}

/**
 * The text written after `|`, or undefined for `[[target]]`. remark-wiki-link
 * reports the target as the alias when none was written, so look at the source.
 */
export function writtenAlias(node: WikiLinkNode, source: string): string | undefined {
  if (node.data?.writtenAlias !== undefined) return node.data.writtenAlias ?? undefined;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const raw = source.slice(start, end);
  const divider = raw.indexOf(wikiLinkSyntaxOptions.aliasDivider);
  if (divider === -1) return undefined;
  return raw.slice(divider + 1, raw.lastIndexOf(']]')).trim();
}

/**
 * The target as written. In a GFM table cell a bare `|` ends the cell, so an
 * aliased link there is written `[[target\|text]]` (as Obsidian does); the
 * `\` before the divider is not part of the target.
 */
export function writtenTarget(node: WikiLinkNode): string {
  return node.value.endsWith('\\') ? node.value.slice(0, -1) : node.value;
}
