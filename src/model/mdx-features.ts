/**
 * What an article uses of MDX beyond Markdown, and where: `import` and `export` blocks (with the names they
 * declare), `{expressions}`, attribute expressions and spreads, and elements (HTML, the wiki's components or
 * other components). The pre-pass records it with the rest of its reading (and caches it, whatever the
 * wiki's settings); trust.ts then decides, given the wiki's trust level, what the article may use.
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import type { ModuleDeclaration, Program, Statement, Directive } from 'estree-jsx';
import { visit } from 'unist-util-visit';

export type MdxFeatureKind = 'import' | 'export' | 'expression' | 'attribute-expression' | 'spread-attribute' | 'element';

export interface MdxFeature {
  kind: MdxFeatureKind;
  /**
   * What it is: the module of an `import`, the exported names of an `export`, the text of an expression
   * (shortened), the element of an attribute, or an element's name (`abbr`, `Infobox`, `Chart.Bar`; '' for `<>`).
   */
  name: string;
  /** Names an `import` or `export` block declares, which elements may then use. */
  declares?: string[];
  line: number;
  column: number;
}

/** An HTML element (`abbr`, `sup`, `my-element`), as opposed to a component, which is code. */
export function isHtmlElementName(name: string): boolean {
  return /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name);
}

/** The text of an expression as a writer would recognise it in an error: one line, at most 40 characters. */
function shortened(code: string): string {
  const line = code.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** Names a statement of an `import`/`export` block declares. */
function declaredNames(statement: Statement | ModuleDeclaration | Directive): string[] {
  if (statement.type === 'ImportDeclaration') return statement.specifiers.map((s) => s.local.name);
  const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
  if (!declaration) return [];
  if (declaration.type === 'VariableDeclaration') {
    return declaration.declarations.flatMap((d) => (d.id.type === 'Identifier' ? [d.id.name] : []));
  }
  if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) return [declaration.id.name];
  return [];
}

/** Names an `export` statement exports: `export const a = 1, b = 2` → a, b; `export { x as y }` → y. */
function exportedNames(statement: Statement | ModuleDeclaration | Directive): string[] {
  if (statement.type === 'ExportDefaultDeclaration') return ['default'];
  if (statement.type === 'ExportAllDeclaration') return [statement.exported ? exportName(statement.exported) : '*'];
  if (statement.type !== 'ExportNamedDeclaration') return [];
  return statement.declaration ? declaredNames(statement.declaration) : statement.specifiers.map((s) => exportName(s.exported));
}

function exportName(node: { type: string; name?: string; value?: unknown }): string {
  return node.type === 'Identifier' ? (node.name ?? '') : String(node.value);
}

function esmFeatures(node: MdxjsEsm): MdxFeature[] {
  const program = node.data?.estree as Program | undefined;
  const start = node.position?.start ?? { line: 1, column: 1 };
  if (!program)
    return [{ kind: node.value.trimStart().startsWith('import') ? 'import' : 'export', name: shortened(node.value), line: start.line, column: start.column }];
  return program.body.map((statement): MdxFeature => {
    const line = statement.loc?.start.line ?? start.line;
    const column = (statement.loc?.start.column ?? start.column - 1) + 1;
    if (statement.type === 'ImportDeclaration')
      return { kind: 'import', name: String(statement.source.value), declares: declaredNames(statement), line, column };
    return { kind: 'export', name: exportedNames(statement).join(', '), declares: declaredNames(statement), line, column };
  });
}

/** An expression that holds only comments (`{/* note *\/}`) is no code. */
function holdsCode(node: { value: string; data?: { estree?: Program | null | undefined } | undefined }): boolean {
  const program = node.data?.estree;
  return program ? program.body.length > 0 : node.value.replace(/\/\*[\s\S]*?\*\//g, '').trim() !== '';
}

function elementFeatures(node: MdxJsxFlowElement | MdxJsxTextElement): MdxFeature[] {
  const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  const element = node.name ?? '';
  const features: MdxFeature[] = [{ kind: 'element', name: element, ...at }];
  for (const attribute of node.attributes) {
    const place = { line: attribute.position?.start.line ?? at.line, column: attribute.position?.start.column ?? at.column };
    if (attribute.type === 'mdxJsxExpressionAttribute') features.push({ kind: 'spread-attribute', name: element, ...place });
    else if (attribute.value !== null && typeof attribute.value === 'object')
      features.push({ kind: 'attribute-expression', name: `${element} ${attribute.name}`, ...place });
  }
  return features;
}

/** Every use of MDX beyond Markdown in an article's tree, in reading order. */
export function collectMdxFeatures(tree: Root): MdxFeature[] {
  const features: MdxFeature[] = [];
  visit(tree, (node) => {
    if (node.type === 'mdxjsEsm') features.push(...esmFeatures(node));
    else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      if (holdsCode(node))
        features.push({ kind: 'expression', name: shortened(node.value), line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') features.push(...elementFeatures(node));
  });
  return features;
}
