/**
 * remark plugin: every `$…$` and `$$…$$` formula (src/render/plugins/remark-math-syntax.ts reads them) becomes
 * MathML Core, drawn by the browser with no script or font to fetch (src/render/math/mathml.ts).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { formulaElement } from '../math/mathml.ts';

export const remarkMathml: Plugin<[], Root> = function () {
  return (tree, file) => {
    visit(tree, (node) => {
      if (node.type !== 'inlineMath' && node.type !== 'math') return;
      try {
        node.data = { ...node.data, ...formulaElement(node.value, node.type === 'math') };
      } catch (error) {
        // The pre-pass reports TeX errors with file and line (src/model/tex.ts); this is the last line of defence.
        const line = node.position?.start.line ?? 0;
        throw new Error(`${file.path ?? ''}:${line}: TeX error in \`${node.value}\`: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };
};

export default remarkMathml;
