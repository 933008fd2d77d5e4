/**
 * HTML that hast-util-to-html wrote from a tree, put back in a tree as one `raw` node: the serializer copies it as
 * it is, and the plugins after it have one node to pass over instead of the elements. rehype-raw, which Astro's
 * Markdown processor runs last, would send any raw node through an HTML parser; the wiki's copy
 * (vendor/rehype-raw) passes over one marked as this marks it, since a parser would rebuild the tree the HTML was
 * written from (unless it sits in a paragraph or a link, which the parser may end, outside a `<math>` element: then
 * it is parsed). Charts (src/render/plugins/remark-charts.ts) and formulas (src/render/math/mathml.ts) go in this way.
 * tests/unit/rehype-raw-skip.test.ts renders articles both ways and compares them byte for byte.
 *
 * Only for trees that are written out as HTML (the article renderer): MDX compiles its tree to JavaScript, and
 * its compiler knows no raw nodes.
 */
import type { Raw } from 'mdast-util-to-hast';

declare module 'mdast-util-to-hast' {
  interface RawData {
    /** Written by hast-util-to-html from a tree that needs no parser (vendor/rehype-raw reads this name). */
    serializedTree?: boolean;
  }
}

export function serializedTree(html: string): Raw {
  return { type: 'raw', value: html, data: { serializedTree: true } };
}
