/**
 * Charts are drawn on the wiki's own small DOM (src/render/charts/plot-dom.ts), not a full one: Observable Plot must
 * draw the same SVG on it as on linkedom, a complete server-side DOM, for every kind of chart the wiki draws.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ChartRow, ChartSpec } from '../../src/model/chart-spec.ts';
import { plotChart } from '../../src/render/charts/draw-chart.ts';
import { PlotElement, type PlotNode } from '../../src/render/charts/plot-dom.ts';

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

const chips: ChartRow[] = [
  { chip: 'H100', vendor: 'Nvidia', bandwidth: 3.35, year: 2022 },
  { chip: 'H200', vendor: 'Nvidia', bandwidth: 4.8, year: 2024 },
  { chip: 'Ascend 910B', vendor: 'Huawei', bandwidth: 1.6, year: 2023 },
];
const CHARTS: Array<[string, ChartSpec, ChartRow[]]> = [
  ['a bar chart', { type: 'bar', title: 'T', x: 'chip', y: 'bandwidth', unit: 'TB/s', data: [] }, chips],
  ['bars coloured by series', { type: 'bar', title: 'T', x: 'chip', y: 'bandwidth', series: 'vendor', data: [] }, chips],
  [
    'grouped bars',
    { type: 'bar', title: 'T', x: 'metric', y: 'value', series: 'chip', data: [] },
    [
      { metric: 'memory', chip: 'H100', value: 80 },
      { metric: 'memory', chip: 'H200', value: 141 },
      { metric: 'power', chip: 'H100', value: 700 },
      { metric: 'power', chip: 'H200', value: 700 },
    ],
  ],
  ['a line over years, two series', { type: 'line', title: 'T', x: 'year', y: 'bandwidth', series: 'vendor', data: [] }, chips],
  [
    'a line over dates',
    { type: 'line', title: 'T', x: 'date', y: 'v', data: [] },
    [
      { date: '2024-01-01', v: 1 },
      { date: '2024-06-01', v: 3 },
    ],
  ],
  [
    'a line over names',
    { type: 'line', title: 'T', x: 'generation', y: 'v', data: [] },
    [
      { generation: 'HBM2', v: 256 },
      { generation: 'HBM3', v: 819 },
    ],
  ],
  ['a scatter plot', { type: 'scatter', title: 'T', x: 'year', y: 'bandwidth', series: 'vendor', data: [] }, chips],
];

describe('Plot draws the same chart on the wiki’s DOM as on linkedom', () => {
  const linkedom = parseHTML('<!doctype html><html><body></body></html>').document;
  it.each(CHARTS)('%s', (_, spec, rows) => {
    const ours = fromPlotDom(plotChart(spec, rows) as PlotNode);
    const theirs = fromLinkedom(plotChart(spec, rows, linkedom) as DomLike);
    expect(ours).toEqual(theirs);
    expect(JSON.stringify(ours)).toMatch(/"name":"(rect|path|circle)"/);
  });
});
