/**
 * The few DOM calls Observable Plot makes to build an SVG chart (d3-selection's append, attr, text, insert), as
 * plain objects, for drawing charts at build time. A full server-side DOM (linkedom) spends most of its time on
 * event-target and attribute bookkeeping that a chart never uses: drawing with it took 1.1–2.4x the CPU time
 * (bench/RESULTS.md). What Plot draws is the same either way
 * (tests/unit/plot-dom.test.ts draws each kind of chart with both). A call this DOM does not know fails
 * loudly instead of drawing a wrong chart.
 */
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

function unsupported(what: string): never {
  throw new Error(`drawing the chart needs ${what}, which the wiki's chart DOM (src/render/charts/plot-dom.ts) does not have`);
}

export class PlotNode {
  parentNode: PlotNode | null = null;
  childNodes: PlotNode[] = [];
  readonly ownerDocument: PlotDocument;
  readonly nodeType: number;
  constructor(ownerDocument: PlotDocument, nodeType: number) {
    this.ownerDocument = ownerDocument;
    this.nodeType = nodeType;
  }
  get firstChild(): PlotNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): PlotNode | null {
    return this.childNodes.at(-1) ?? null;
  }
  get nextSibling(): PlotNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings ? (siblings[siblings.indexOf(this) + 1] ?? null) : null;
  }
  /** The element children (d3's `selectChildren`, which Plot uses for facets). */
  get children(): PlotNode[] {
    return this.childNodes.filter((child) => child.nodeType === 1);
  }
  get previousSibling(): PlotNode | null {
    const siblings = this.parentNode?.childNodes;
    return siblings ? (siblings[siblings.indexOf(this) - 1] ?? null) : null;
  }
  get textContent(): string {
    return this.childNodes.map((child) => child.textContent).join('');
  }
  set textContent(value: string | null) {
    for (const child of this.childNodes) child.parentNode = null;
    this.childNodes = value === null || value === '' ? [] : [new PlotText(this.ownerDocument, String(value))];
    for (const child of this.childNodes) child.parentNode = this;
  }
  appendChild<T extends PlotNode>(child: T): T {
    return this.insertBefore(child, null);
  }
  append(...children: Array<PlotNode | string>): void {
    for (const child of children) this.appendChild(typeof child === 'string' ? new PlotText(this.ownerDocument, child) : child);
  }
  insertBefore<T extends PlotNode>(child: T, before: PlotNode | null): T {
    if (child instanceof PlotFragment) {
      for (const node of [...child.childNodes]) this.insertBefore(node, before);
      return child;
    }
    child.parentNode?.removeChild(child);
    const at = before ? this.childNodes.indexOf(before) : -1;
    if (at === -1) this.childNodes.push(child);
    else this.childNodes.splice(at, 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild<T extends PlotNode>(child: T): T {
    const at = this.childNodes.indexOf(child);
    if (at !== -1) this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
  // Charts drawn at build time have no events.
  addEventListener(): void {}
  removeEventListener(): void {}
  querySelector(): never {
    return unsupported('querySelector');
  }
  querySelectorAll(): never {
    return unsupported('querySelectorAll');
  }
  compareDocumentPosition(): never {
    return unsupported('compareDocumentPosition');
  }
  cloneNode(): never {
    return unsupported('cloneNode');
  }
}

export class PlotText extends PlotNode {
  data: string;
  constructor(ownerDocument: PlotDocument, data: string) {
    super(ownerDocument, 3);
    this.data = data;
  }
  override get textContent(): string {
    return this.data;
  }
  override set textContent(value: string | null) {
    this.data = value ?? '';
  }
}

export class PlotElement extends PlotNode {
  readonly namespaceURI: string;
  readonly localName: string;
  /** Attributes in the order set, as the element will be written. */
  readonly attributes = new Map<string, string>();
  #style: PlotStyle | undefined;
  /**
   * Inline styles Plot sets; the chart drops them (the site's policy blocks inline styles). Made when first asked
   * for: Plot styles few of the elements it makes.
   */
  get style(): PlotStyle {
    return (this.#style ??= new PlotStyle());
  }
  constructor(ownerDocument: PlotDocument, namespaceURI: string, localName: string) {
    super(ownerDocument, 1);
    this.namespaceURI = namespaceURI;
    this.localName = localName;
  }
  get tagName(): string {
    return this.localName;
  }
  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  setAttributeNS(_namespace: string | null, name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  removeAttributeNS(_namespace: string | null, name: string): void {
    this.attributes.delete(name);
  }
}

export class PlotStyle {
  readonly properties = new Map<string, string>();
  setProperty(name: string, value: string): void {
    this.properties.set(name, value);
  }
  removeProperty(name: string): void {
    this.properties.delete(name);
  }
  getPropertyValue(name: string): string {
    return this.properties.get(name) ?? '';
  }
}

export class PlotFragment extends PlotNode {
  constructor(ownerDocument: PlotDocument) {
    super(ownerDocument, 11);
  }
}

export class PlotDocument {
  readonly documentElement: PlotElement = new PlotElement(this, HTML_NAMESPACE, 'html');
  createElementNS(namespaceURI: string, name: string): PlotElement {
    return new PlotElement(this, namespaceURI, name);
  }
  createElement(name: string): PlotElement {
    return new PlotElement(this, HTML_NAMESPACE, name);
  }
  createTextNode(data: string): PlotText {
    return new PlotText(this, data);
  }
  createDocumentFragment(): PlotFragment {
    return new PlotFragment(this);
  }
  querySelector(): never {
    return unsupported('document.querySelector');
  }
}
