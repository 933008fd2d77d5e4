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
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { TEX_OPTIONS, temml } from '../../model/tex.ts';
import { serializedTree } from '../serialized-tree.ts';

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
  const math = temmlMathml(tex, display);
  stylesToClasses(math);
  const semantics = math.children.find((node): node is Element => node.type === 'element' && node.tagName === 'semantics');
  const drawn = semantics?.children.find((node): node is Element => node.type === 'element' && node.tagName !== 'annotation');
  if (drawn) drawn.properties.dataPagefindIgnore = '';
  return math;
}

/**
 * The `<math>` element of temml's markup as an HTML parser reads it, made from temml's own tree (`mathmlTree`)
 * or, with `viaMarkup` (and for a tree it does not know), by parsing the markup temml writes.
 */
export function temmlMathml(tex: string, display: boolean, viaMarkup = false): Element {
  const options = { ...TEX_OPTIONS, displayMode: display, annotate: true };
  const tree = viaMarkup ? undefined : mathmlTree(temml().__renderToMathMLTree(tex, options));
  return tree ?? parsedMathml(temml().renderToString(tex, options), tex);
}

function parsedMathml(markup: string, tex: string): Element {
  const tree: Root = fromHtml(markup, { fragment: true });
  const math = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'math');
  if (!math) throw new Error(`temml gave no <math> element for \`${tex}\``);
  return math;
}

/** The nodes of temml's own tree (`__renderToMathMLTree`): MathML elements, text, and fragments of them. */
interface TemmlNode {
  type?: unknown;
  text?: unknown;
  attributes?: Record<string, unknown>;
  classes?: unknown[];
  style?: Record<string, unknown>;
  children?: TemmlNode[];
}

/** temml's DocumentFragment: children and nothing of its own in the markup. */
const FRAGMENT_KEYS = new Set(['children', 'classes', 'style']);

/** The HTML parser's preprocessing of text (as in temml's markup): line ends to `\n`, NUL to U+FFFD. */
const parsedText = (value: unknown) => String(value).replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');

/**
 * temml's tree as the hast an HTML parser gives for its markup (hast-util-from-html), without writing and
 * parsing the markup (a third of a formula's cost): attributes, then `class`, then `style`, in the order
 * temml writes them, each given to hastscript as the parser gives it; adjacent texts joined, empty ones
 * dropped, as the parser's tokens are. `undefined` for a tree with a node of another kind (temml's `Span`,
 * `Img`, `AnchorNode`, none of which the wiki's options make): then the markup is parsed.
 * tests/unit/math.test.ts holds both ways to the same trees.
 */
function mathmlTree(root: TemmlNode): Element | undefined {
  const element = (node: TemmlNode): Element | undefined => {
    if (typeof node.type !== 'string' || !node.attributes || !Array.isArray(node.classes) || !node.style || !Array.isArray(node.children)) return undefined;
    // The parser lowercases attribute names, keeps the first of two alike, and spells one MathML attribute its way.
    const attributes: Record<string, string> = {};
    const add = (written: string, value: unknown) => {
      const lower = written.toLowerCase();
      const name = lower === 'definitionurl' ? 'definitionURL' : lower;
      if (!(name in attributes)) attributes[name] = parsedText(value);
    };
    for (const [name, value] of Object.entries(node.attributes)) add(name, value);
    if (node.classes.length > 0) add('class', node.classes.filter(Boolean).join(' '));
    let style = '';
    for (const [name, value] of Object.entries(node.style)) style += `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${String(value)};`;
    if (style) add('style', style);
    const result = h(node.type, attributes);
    const children = contents(node.children);
    if (!children) return undefined;
    result.children = children;
    return result;
  };
  const contents = (nodes: TemmlNode[]): ElementContent[] | undefined => {
    const out: ElementContent[] = [];
    const append = (child: ElementContent) => {
      const last = out.at(-1);
      if (child.type === 'text' && last?.type === 'text') last.value += child.value;
      else out.push(child);
    };
    for (const node of nodes) {
      if (node.type === undefined && typeof node.text === 'string') {
        const value = parsedText(node.text);
        if (value !== '') append({ type: 'text', value });
      } else if (Array.isArray(node.children) && Object.keys(node).every((key) => FRAGMENT_KEYS.has(key))) {
        const inner = contents(node.children);
        if (!inner) return undefined;
        inner.forEach(append);
      } else {
        const child = element(node);
        if (!child) return undefined;
        out.push(child);
      }
    }
    return out;
  };
  const math = element(root);
  return math?.tagName === 'math' ? math : undefined;
}

/**
 * A copy of a formula's tree, without the positions of temml's markup (which say nothing of the article): temml
 * writes elements and text only, and a walk copies them some times faster than `structuredClone` (0.15 s of
 * 1,000 articles with three formulas each, bench/RESULTS.md).
 */
function copyOf<T extends ElementContent>(node: T): T {
  if (node.type === 'text') return { type: 'text', value: node.value } as T;
  if (node.type !== 'element') return structuredClone(node);
  return { type: 'element', tagName: node.tagName, properties: copyProperties(node.properties), children: node.children.map(copyOf) } as T;
}

function copyProperties(properties: Properties): Properties {
  const copy: Properties = {};
  for (const [name, value] of Object.entries(properties)) copy[name] = Array.isArray(value) ? [...value] : value;
  return copy;
}

/**
 * MathML's elements, as temml writes them. The HTML parser reads them as MathML wherever a `<math>` element puts
 * them (foreign content), where no paragraph or link ends; `annotation-xml`, which may hold HTML, is not one.
 */
const MATHML_ELEMENTS = new Set(
  'annotation maction math menclose merror mfrac mi mlabeledtr mmultiscripts mn mo mover mpadded mphantom mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable mtd mtext mtr munder munderover none semantics'.split(
    ' ',
  ),
);

const onlyMathml = (node: ElementContent): boolean => node.type !== 'element' || (MATHML_ELEMENTS.has(node.tagName) && node.children.every(onlyMathml));

/** A formula drawn: its `<math>` element and, once asked for, the HTML of what the element holds (null: not MathML only). */
interface Drawn {
  math: Element;
  html?: string | null;
}

/** Formulas drawn in this process: articles repeat the same ones ($N$, $C \approx 6ND$). */
const drawn = new Map<string, Drawn>();
const DRAWN_MAX = 20_000;

/**
 * The hast a formula node of the article becomes: its `<math>`, a display formula in a box that scrolls when too wide.
 * `serialized`: the tree is written out as HTML (the article renderer), so the `<math>` element may hold the HTML of
 * its contents as one node (src/render/serialized-tree.ts), written once per formula and passed over by the plugins
 * after this one and by rehype-raw, as charts are (a formula is ten to forty nodes; 1,000 articles with three formulas
 * each render in 7% less time, bench/RESULTS.md).
 * Only for contents that are MathML alone (every formula temml draws with the wiki's options), which an HTML parser
 * would read back as the same elements wherever the formula stands.
 */
export function formulaElement(tex: string, display: boolean, serialized = false): { hName: string; hProperties: Properties; hChildren: ElementContent[] } {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let known = drawn.get(key);
  if (!known) {
    known = { math: copyOf(texToMathml(tex, display)) };
    if (drawn.size >= DRAWN_MAX) drawn.clear();
    drawn.set(key, known);
  }
  if (serialized && known.html === undefined) known.html = known.math.children.every(onlyMathml) ? toHtml(known.math.children) : null;
  // A copy: later plugins may change the tree of the page.
  const math =
    serialized && typeof known.html === 'string'
      ? { ...known.math, properties: copyProperties(known.math.properties), children: [serializedTree(known.html)] }
      : copyOf(known.math);
  if (!display) return { hName: 'math', hProperties: math.properties, hChildren: math.children };
  return { hName: 'div', hProperties: { className: ['math-display'] }, hChildren: [math] };
}
