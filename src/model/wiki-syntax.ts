/**
 * The wiki's own blocks, expanded in an article's tree: the infobox (frontmatter or `<Infobox>`), figures
 * (a titled image or `<Figure>`), callouts (`> [!NOTE]`) and chart blocks (```` ```chart ````). One pass,
 * run by the pre-pass (src/model/parse-article.ts, which then collects the links, citations and formulas
 * inside) and by the renderer (src/render/plugins/remark-wiki-syntax.ts), so that both see the same tree.
 * The wiki's components are known elements here, not code: an article that uses only them, with text
 * attributes, needs no JavaScript module. Pure.
 */
import type { Code, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import { expandCallouts, type CalloutLabels } from './callouts.ts';
import { chartDataFile, parseChartSpec, type ChartUse } from './chart-spec.ts';
import { COMPONENT_ATTRIBUTES, isBlockComponent, type BlockComponentName } from './components.ts';
import type { Diagnostic } from './diagnostics.ts';
import { expandMarkdownFigures, figureFromJsx } from './figures.ts';
import { infoboxFromJsx, infoboxFromSpec, type InfoboxSpec } from './infobox.ts';
import { footnoteIdentifiers, parseInlineMarkdown } from './inline-markdown.ts';
import { element, type WikiElement } from './wiki-element.ts';

export interface WikiSyntaxContext {
  /** The article's file, relative to the content folder (`/` separators), for errors and chart files. */
  file: string;
  /** The article's title: the infobox's heading unless it has its own. */
  title: string;
  /** The frontmatter's infobox, if the article has one. */
  infobox?: InfoboxSpec;
  /** The article's text, to tell `> \\[!NOTE]` (quoted as written) from a callout. */
  source?: string;
  /** The callouts' labels in the wiki's language (English without). */
  calloutLabels?: CalloutLabels;
  /**
   * The article's charts as the pre-pass read them (the page index's): a chart block with the same line and text
   * takes its spec from there instead of reading its YAML again (a fifth of a millisecond a chart, on the
   * renderer's thread).
   */
  charts?: readonly ChartUse[];
}

export interface WikiSyntaxResult {
  diagnostics: Diagnostic[];
  charts: ChartUse[];
}

type JsxNode = Extract<RootContent, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

/** Expand the wiki's blocks in `tree`, in place. */
export function expandWikiSyntax(tree: Root, context: WikiSyntaxContext): WikiSyntaxResult {
  const footnotes = footnoteIdentifiers(tree);
  const diagnostics: Diagnostic[] = [];
  const charts: ChartUse[] = [];
  const shadowed = importedNames(tree);

  const walk = (parent: { children: RootContent[] }) => {
    parent.children.forEach((node, i) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && isBlockComponent(node.name) && !shadowed.has(node.name)) {
        const expanded = expandComponent(node, node.name, context, footnotes, diagnostics);
        if (expanded) {
          parent.children[i] = expanded;
          walk(expanded);
          return;
        }
      }
      if (node.type === 'code' && node.lang === 'chart') {
        const chart = chartElement(node, context, footnotes, diagnostics);
        if (chart) {
          parent.children[i] = chart.element;
          charts.push(chart.use);
        }
        return;
      }
      if ('children' in node) walk(node as { children: RootContent[] });
    });
  };
  walk(tree);
  expandMarkdownFigures(tree, footnotes);
  diagnostics.push(...expandCallouts(tree, context.file, context.source, context.calloutLabels));
  if (context.infobox) {
    const at = tree.children.findIndex((node) => node.type !== 'yaml');
    tree.children.splice(at === -1 ? tree.children.length : at, 0, infoboxFromSpec(context.infobox, context.title, footnotes, lineOffsets(context.source)));
  }
  return { diagnostics, charts };
}

/** The offset of each line's start in `source` (0 without a source). */
function lineOffsets(source: string | undefined): (line: number) => number {
  if (source === undefined) return () => 0;
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (line) => starts[line - 1] ?? 0;
}

/** Names the article imports or declares itself (`import Figure from …`): its own components win over the wiki's. */
function importedNames(tree: Root): Set<string> {
  const names = new Set<string>();
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    for (const match of node.value.matchAll(/\b[A-Z][A-Za-z0-9_]*\b/g)) names.add(match[0]);
  }
  return names;
}

function expandComponent(
  node: JsxNode,
  name: BlockComponentName,
  context: WikiSyntaxContext,
  footnotes: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): WikiElement | undefined {
  const line = node.position?.start.line ?? 1;
  if (node.type === 'mdxJsxTextElement') {
    diagnostics.push({
      severity: 'error',
      file: context.file,
      line,
      message: `\`<${name}>\` is a block: put it on lines of its own, with a blank line before and after`,
    });
    return undefined;
  }
  const known = COMPONENT_ATTRIBUTES[name];
  const allowed = [...known.required, ...known.optional];
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && !allowed.includes(attribute.name)) {
      diagnostics.push({
        severity: 'error',
        file: context.file,
        line,
        message: `\`<${name}>\` has no attribute \`${attribute.name}\`: use ${allowed.map((a) => `\`${a}\``).join(', ')}`,
      });
      return undefined;
    }
  }
  const result = name === 'Figure' ? figureFromJsx(node, context.file, footnotes) : infoboxFromJsx(node, context.file, context.title, footnotes);
  if ('diagnostics' in result) {
    diagnostics.push(...result.diagnostics);
    return undefined;
  }
  return 'figure' in result ? result.figure : result.infobox;
}

/**
 * A chart block as a figure: its title, the chart (drawn by the renderer: src/render/plugins/remark-charts.ts),
 * its source as inline Markdown (a citation joins References) and, by the renderer, its numbers as a table.
 */
function chartElement(
  node: Code,
  context: WikiSyntaxContext,
  footnotes: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): { element: WikiElement; use: ChartUse } | undefined {
  const line = node.position?.start.line ?? 1;
  const known = context.charts?.find((chart) => chart.line === line && chart.text === node.value);
  const parsed = known ? ({ ok: true, spec: known.spec } as const) : parseChartSpec(node.value, line + 1);
  if (!parsed.ok) {
    for (const problem of parsed.problems) diagnostics.push({ severity: 'error', file: context.file, line: problem.line, message: problem.message });
    return undefined;
  }
  const { spec } = parsed;
  const use: ChartUse = { line, spec, ...(typeof spec.data === 'string' ? { dataFile: chartDataFile(context.file, spec.data) } : {}), text: node.value };
  const position: Position | undefined = node.position;
  const graphic: WikiElement = {
    ...element('div', { className: ['chart-graphic'] }, []),
    data: { hName: 'div', hProperties: { className: ['chart-graphic'] }, chart: use },
  };
  const source: PhrasingContent[] = spec.source ? parseInlineMarkdown(spec.source, node.position?.start ?? { line, column: 1 }, footnotes) : [];
  const parts: RootContent[] = [element('figcaption', { className: ['chart-title'] }, [{ type: 'text', value: spec.title }]), graphic];
  if (source.length > 0) parts.push(element('p', { className: ['chart-source'] }, [{ type: 'text', value: 'Source: ' }, ...source]));
  return { element: element('figure', { className: ['chart', `chart-${spec.type}`] }, parts, position), use };
}
