import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
class N {
  parentNode: any = null; childNodes: any[] = []; ownerDocument: any;
  constructor(doc: any) { this.ownerDocument = doc; }
  get firstChild() { return this.childNodes[0] ?? null; }
  get lastChild() { return this.childNodes.at(-1) ?? null; }
  get nextSibling() { const p = this.parentNode; if (!p) return null; const i = p.childNodes.indexOf(this); return p.childNodes[i + 1] ?? null; }
  appendChild(c: any) { if (c.isFragment) { for (const x of [...c.childNodes]) this.appendChild(x); return c; } if (c.parentNode) c.parentNode.removeChild(c); c.parentNode = this; this.childNodes.push(c); return c; }
  append(...cs: any[]) { for (const c of cs) this.appendChild(typeof c === 'string' ? new T(this.ownerDocument, c) : c); }
  insertBefore(c: any, ref: any) { if (ref == null) return this.appendChild(c); if (c.parentNode) c.parentNode.removeChild(c); const i = this.childNodes.indexOf(ref); c.parentNode = this; this.childNodes.splice(i, 0, c); return c; }
  removeChild(c: any) { const i = this.childNodes.indexOf(c); if (i >= 0) this.childNodes.splice(i, 1); c.parentNode = null; return c; }
  remove() { this.parentNode?.removeChild(this); }
  get textContent(): string { return this.childNodes.map((c) => c.textContent).join(''); }
  set textContent(v: string) { this.childNodes = []; if (v !== '' && v != null) this.appendChild(new T(this.ownerDocument, String(v))); }
  addEventListener() {} removeEventListener() {} dispatchEvent() { return true; }
  querySelector() { return null; } querySelectorAll() { return []; }
}
class T extends N { data: string; nodeType = 3; constructor(d: any, v: string) { super(d); this.data = v; } get textContent() { return this.data; } set textContent(v) { this.data = v; } }
class El extends N {
  attrs = new Map<string, string>(); style: any = {}; nodeType = 1; namespaceURI: string | null; localName: string;
  constructor(doc: any, ns: string | null, name: string) { super(doc); this.namespaceURI = ns; this.localName = name; }
  get tagName() { return this.localName; }
  setAttribute(k: string, v: any) { this.attrs.set(k, String(v)); }
  setAttributeNS(_ns: any, k: string, v: any) { this.attrs.set(k, String(v)); }
  getAttribute(k: string) { return this.attrs.get(k) ?? null; }
  removeAttribute(k: string) { this.attrs.delete(k); }
  hasAttribute(k: string) { return this.attrs.has(k); }
}
class Frag extends N { isFragment = true; }
class Doc { documentElement: any; constructor() { this.documentElement = new El(this, 'http://www.w3.org/1999/xhtml', 'html'); }
  createElementNS(ns: string, n: string) { return new El(this, ns, n); }
  createElement(n: string) { return new El(this, 'http://www.w3.org/1999/xhtml', n); }
  createTextNode(v: string) { return new T(this, v); }
  createDocumentFragment() { return new Frag(this); }
  querySelector() { return null; }
}
const toHastShim = (n: any): any => n.nodeType === 3 ? { type: 'text', value: n.data } : { type: 'element', tagName: n.localName, properties: Object.fromEntries(n.attrs), children: n.childNodes.map(toHastShim) };
const toHastLd = (n: any): any => n.nodeType === 3 ? { type: 'text', value: n.textContent } : { type: 'element', tagName: n.localName, properties: Object.fromEntries(Array.from(n.attributes as ArrayLike<{name: string; value: string}>).map((a) => [a.name, a.value])), children: Array.from(n.childNodes as ArrayLike<any>).map(toHastLd) };
const shimDoc = new Doc();
const ldDoc = parseHTML('<!doctype html><html><body></body></html>').document;
const rows = ['FP32', 'FP16', 'FP8', 'INT8', 'INT4'].map((p, i) => ({ x: p, y: i * 3.3 + 1 }));
const opts = (document: any, i: number) => ({ document, width: 480, height: 300, x: { domain: rows.map(r => r.x), label: 'precision' }, y: { label: 'throughput', grid: true }, marks: [Plot.barY(rows.map(r => ({ ...r, y: r.y + i })), { x: 'x', y: 'y', fill: 'var(--chart-1)' }), Plot.ruleY([0])] });
const c = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const [name, doc, conv] of [['linkedom', ldDoc, toHastLd], ['shim', shimDoc, toHastShim], ['linkedom', ldDoc, toHastLd], ['shim', shimDoc, toHastShim]] as const) {
  for (let i = 0; i < 300; i++) conv(Plot.plot(opts(doc, i) as any));
  const c0 = c();
  for (let i = 0; i < 1500; i++) conv(Plot.plot(opts(doc, i) as any));
  console.log(name, ((c() - c0) / 1500).toFixed(2), 'ms cpu per chart');
}
