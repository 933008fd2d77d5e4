/**
 * rehype plugin: an id for each heading, from its text (src/model/heading-ids.ts: rehype-slug's ids, but never
 * one of the page's own ids and never empty), unless it has one. The pre-pass gives the same ids, so that
 * `[[page#section]]` links are checked against what the page holds.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { headingSlugger } from '../../model/heading-ids.ts';

export const rehypeHeadingIds: Plugin<[], Root> = function () {
  return (tree) => {
    const slug = headingSlugger();
    visit(tree, 'element', (node) => {
      if (/^h[1-6]$/.test(node.tagName) && !node.properties.id) node.properties.id = slug(toString(node));
    });
  };
};

export default rehypeHeadingIds;
