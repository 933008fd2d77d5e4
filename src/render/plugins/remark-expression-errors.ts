/**
 * remark plugin: an `{expression}` that throws while its page is rendered (full MDX, `WIKI_TRUST=trusted`)
 * fails with the article's file and line, not with a stack trace into a compiled chunk that names only the
 * page's address. Each expression's JavaScript (the tree MDX gives it, which the compiler turns into code) is
 * wrapped in a function that catches what it throws and throws it again with the place in front:
 * `{f()}` → `{(() => { try { return f(); } catch (error) { throw wikiExpressionError("h100.mdx:12:5", error); } })()}`.
 * Articles under `WIKI_TRUST=safe` hold no expressions (src/model/trust.ts): this changes nothing for them.
 */
import { relative } from 'node:path';
import type { Expression, ExpressionStatement, Program, Statement } from 'estree-jsx';
import type { Root } from 'mdast';
import type { MdxJsxAttributeValueExpression } from 'mdast-util-mdx-jsx';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export interface RemarkExpressionErrorsOptions {
  /** The content folder, so that errors name the article as the build report does. */
  contentDir: string;
}

const identifier = (name: string) => ({ type: 'Identifier' as const, name });
const literal = (value: string) => ({ type: 'Literal' as const, value, raw: JSON.stringify(value) });

/** `new Error(where + ": error: the expression {…} failed: " + message, { cause: error })`, as an estree expression. */
function placedError(where: string, text: string): Expression {
  const message: Expression = {
    type: 'ConditionalExpression',
    test: { type: 'BinaryExpression', operator: 'instanceof', left: identifier('error'), right: identifier('Error') },
    consequent: { type: 'MemberExpression', object: identifier('error'), property: identifier('message'), computed: false, optional: false },
    alternate: { type: 'CallExpression', callee: identifier('String'), arguments: [identifier('error')], optional: false },
  };
  return {
    type: 'NewExpression',
    callee: identifier('Error'),
    arguments: [
      {
        type: 'BinaryExpression',
        operator: '+',
        left: literal(`${where}: error: the expression \`{${text}}\` failed while its page was rendered: `),
        right: message,
      },
      {
        type: 'ObjectExpression',
        properties: [
          { type: 'Property', key: identifier('cause'), value: identifier('error'), kind: 'init', method: false, shorthand: false, computed: false },
        ],
      },
    ],
  };
}

/** `expression`, evaluated inside a try that throws `placedError` instead. */
function guarded(expression: Expression, where: string, text: string): Expression {
  const body: Statement = {
    type: 'TryStatement',
    block: { type: 'BlockStatement', body: [{ type: 'ReturnStatement', argument: expression }] },
    handler: {
      type: 'CatchClause',
      param: identifier('error'),
      body: { type: 'BlockStatement', body: [{ type: 'ThrowStatement', argument: placedError(where, text) }] },
    },
    finalizer: null,
  };
  return {
    type: 'CallExpression',
    callee: { type: 'ArrowFunctionExpression', params: [], body: { type: 'BlockStatement', body: [body] }, expression: false, async: false, generator: false },
    arguments: [],
    optional: false,
  };
}

/** Wrap the one expression of an MDX expression's program, in place. */
function guardProgram(program: Program | null | undefined, where: string, text: string): void {
  const statement = program?.body[0];
  if (!statement || statement.type !== 'ExpressionStatement' || program.body.length !== 1) return;
  (statement as ExpressionStatement).expression = guarded((statement as ExpressionStatement).expression, where, text);
}

const shortened = (code: string) => {
  const line = code.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
};

export const remarkExpressionErrors: Plugin<[RemarkExpressionErrorsOptions], Root> = function (options) {
  return (tree, file) => {
    const name = file.path ? relative(options.contentDir, file.path).split('\\').join('/') : 'the article';
    const place = (position: { start: { line: number; column: number } } | undefined) =>
      position ? `${name}:${position.start.line}:${position.start.column}` : name;
    visit(tree, (node) => {
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
        guardProgram(node.data?.estree, place(node.position), shortened(node.value));
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of node.attributes) {
          if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'object' || attribute.value === null) continue;
          const value: MdxJsxAttributeValueExpression = attribute.value;
          guardProgram(value.data?.estree, place(attribute.position ?? node.position), shortened(value.value));
        }
      }
    });
  };
};

export default remarkExpressionErrors;
