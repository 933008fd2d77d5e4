/**
 * Charts are drawn on the wiki's own small DOM (src/render/charts/plot-dom.ts), not a full one: Observable Plot must
 * draw the same SVG on it as on linkedom, a complete server-side DOM, for every kind of chart the wiki draws.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { plotChart } from '../../src/render/charts/draw-chart.ts';
import { PlotElement, type PlotNode } from '../../src/render/charts/plot-dom.ts';
import { CHARTS } from '../helpers/chart-kinds.ts';

interface Canonical {
  name: string;
  attributes: Array<[string, string]>;
  children: Array<Canonical | string>;
}

function fromPlotDom(node: PlotNode): Canonical | string {
  if (!(node instanceof PlotElement)) return node.textContent;
  return { name: node.localName, attributes: [...node.attributes].sort(), children: node.childNodes.map(fromPlotDom) };
}

interface DomLike {
  nodeType: number;
  localName: string;
  textContent: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  childNodes: ArrayLike<DomLike>;
}

function fromLinkedom(node: DomLike): Canonical | string {
  if (node.nodeType !== 1) return node.textContent ?? '';
  return {
    name: node.localName,
    attributes: Array.from(node.attributes, (a): [string, string] => [a.name, a.value]).sort(),
    children: Array.from(node.childNodes, fromLinkedom),
  };
}

describe('Plot draws the same chart on the wiki’s DOM as on linkedom', () => {
  const linkedom = parseHTML('<!doctype html><html><body></body></html>').document;
  it.each(CHARTS)('%s', (_, spec, rows) => {
    const ours = fromPlotDom(plotChart(spec, rows) as PlotNode);
    const theirs = fromLinkedom(plotChart(spec, rows, linkedom) as DomLike);
    expect(ours).toEqual(theirs);
    expect(JSON.stringify(ours)).toMatch(/"name":"(rect|path|circle)"/);
  });
});
