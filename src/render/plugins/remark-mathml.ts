/**
 * remark plugin: every `$…$` and `$$…$$` formula (src/render/plugins/remark-math-syntax.ts reads them) becomes
 * MathML Core, drawn by the browser with no script or font to fetch (src/render/math/mathml.ts).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { formulaElement } from '../math/mathml.ts';

export interface RemarkMathmlOptions {
  /**
   * Whether the tree is written out as HTML (the article renderer) rather than compiled by MDX: each formula's
   * `<math>` element then holds the HTML of its contents as one node (src/render/math/mathml.ts `formulaElement`),
   * except in a heading or a footnote, whose text and HTML later plugins read from the tree.
   */
  stringified?: boolean | undefined;
}

/** Where later plugins read a formula's elements: a heading's text (its id, the table of contents), a footnote's HTML (References). */
const READ_AS_TREE = new Set(['heading', 'footnoteDefinition']);

export const remarkMathml: Plugin<[RemarkMathmlOptions?], Root> = function (options = {}) {
  return (tree, file) => {
    visitParents(tree, (node, ancestors) => {
      if (node.type !== 'inlineMath' && node.type !== 'math') return;
      try {
        const serialized = options.stringified === true && !ancestors.some((ancestor) => READ_AS_TREE.has(ancestor.type));
        node.data = { ...node.data, ...formulaElement(node.value, node.type === 'math', serialized) };
      } catch (error) {
        // The pre-pass reports TeX errors with file and line (src/model/tex.ts); this is the last line of defence.
        const line = node.position?.start.line ?? 0;
        throw new Error(`${file.path ?? ''}:${line}: TeX error in \`${node.value}\`: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };
};

export default remarkMathml;
