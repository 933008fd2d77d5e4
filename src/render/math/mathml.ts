/**
 * TeX to MathML Core, at build time, with temml (chosen over KaTeX's MathML output on cost, size and how
 * Chromium draws it: bench/RESULTS.md). The browser draws the formula natively: no script, no web font.
 *
 * temml writes a few `style` attributes (cell padding in matrices, `display: block math`); the site's
 * Content-Security-Policy blocks inline styles, so each is turned into a class of src/styles/math.css, and
 * the TeX stays in an `<annotation>` for search (the drawn part is left out of the index: its text is
 * glyphs run together) and for copying.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { TEX_OPTIONS, temml } from '../../model/tex.ts';

/** temml's inline declarations, as classes of src/styles/math.css; declarations not listed are dropped (spacing only). */
const STYLE_CLASSES: Record<string, string> = {
  'text-align:left': 'tml-left',
  'text-align:right': 'tml-right',
  'width:100%': 'tml-w100',
  'font-weight:bold': 'tml-bold',
  'padding-left:0em': 'tml-pl0',
  'padding-right:0em': 'tml-pr0',
  'padding-left:0': 'tml-pl0',
  'padding-right:0': 'tml-pr0',
  'padding-top:0': 'tml-pt0',
  'padding-bottom:0': 'tml-pb0',
  'padding:0': 'tml-p0',
  'border-top:0.06em solid': 'tml-bt',
  'border-top:0.06em dashed': 'tml-bt-dashed',
  'border-top:0.15em double': 'tml-bt-double',
  'border-bottom:0.06em solid': 'tml-bb',
  'border-bottom:0.06em dashed': 'tml-bb-dashed',
  'border-bottom:0.15em double': 'tml-bb-double',
  'border-left:0.06em solid': 'tml-bl',
  'border-left:0.06em dashed': 'tml-bl-dashed',
  'border-right:0.06em solid': 'tml-br',
  'border-right:0.06em dashed': 'tml-br-dashed',
};

function classesOf(style: string): string[] {
  return style
    .split(';')
    .map((declaration) =>
      declaration
        .replace(/\s+/g, ' ')
        .replace(/\s*:\s*/, ':')
        .trim(),
    )
    .flatMap((declaration) => {
      const known = STYLE_CLASSES[declaration];
      return known ? [known] : [];
    });
}

/** Move every `style` attribute of the tree to classes, in place. */
function stylesToClasses(node: Element): void {
  const style = node.properties.style;
  if (typeof style === 'string') {
    const classes = classesOf(style);
    delete node.properties.style;
    if (classes.length > 0) {
      const existing = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
      node.properties.className = [...existing, ...classes];
    }
  }
  for (const child of node.children) if (child.type === 'element') stylesToClasses(child);
}

/**
 * A formula as a `<math>` element (throws temml's error on TeX it cannot read: the pre-pass reports those
 * with file and line first, src/model/tex.ts). `display`: a formula on lines of its own.
 */
export function texToMathml(tex: string, display: boolean): Element {
  const markup = temml().renderToString(tex, { ...TEX_OPTIONS, displayMode: display, annotate: true });
  const tree: Root = fromHtml(markup, { fragment: true });
  const math = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'math');
  if (!math) throw new Error(`temml gave no <math> element for \`${tex}\``);
  stylesToClasses(math);
  const semantics = math.children.find((node): node is Element => node.type === 'element' && node.tagName === 'semantics');
  const drawn = semantics?.children.find((node): node is Element => node.type === 'element' && node.tagName !== 'annotation');
  if (drawn) drawn.properties.dataPagefindIgnore = '';
  return math;
}

/**
 * A copy of a formula's tree, without the positions of temml's markup (which say nothing of the article): temml
 * writes elements and text only, and a walk copies them some times faster than `structuredClone` (0.15 s of
 * 1,000 articles with three formulas each, bench/RESULTS.md).
 */
function copyOf<T extends ElementContent>(node: T): T {
  if (node.type === 'text') return { type: 'text', value: node.value } as T;
  if (node.type !== 'element') return structuredClone(node);
  const properties: Properties = {};
  for (const [name, value] of Object.entries(node.properties)) properties[name] = Array.isArray(value) ? [...value] : value;
  return { type: 'element', tagName: node.tagName, properties, children: node.children.map(copyOf) } as T;
}

/** Formulas drawn in this process: articles repeat the same ones ($N$, $C \approx 6ND$). */
const drawn = new Map<string, Element>();
const DRAWN_MAX = 20_000;

/** The hast a formula node of the article becomes: its `<math>`, a display formula in a box that scrolls when too wide. */
export function formulaElement(tex: string, display: boolean): { hName: string; hProperties: Properties; hChildren: ElementContent[] } {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let known = drawn.get(key);
  if (!known) {
    known = copyOf(texToMathml(tex, display));
    if (drawn.size >= DRAWN_MAX) drawn.clear();
    drawn.set(key, known);
  }
  // A copy: later plugins may change the tree of the page.
  const math = copyOf(known);
  if (!display) return { hName: 'math', hProperties: math.properties, hChildren: math.children };
  return { hName: 'div', hProperties: { className: ['math-display'] }, hChildren: [math] };
}
