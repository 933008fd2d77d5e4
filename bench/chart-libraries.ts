/**
 * Which library draws the wiki's charts at build time: Observable Plot (on linkedom, a full server-side DOM,
 * or on the wiki's own small DOM, src/render/charts/plot-dom.ts) or Vega-Lite's SVG renderer. Prints the CPU
 * time per chart (warm, mean of the rounds, garbage collection included) and the size of the SVG, raw and gzipped, for a bar chart, a line
 * chart with two series and a scatter plot, as a Markdown table for bench/RESULTS.md.
 *
 *   npm install --no-save vega vega-lite   # not dependencies of the wiki: only measured here
 *   node bench/chart-libraries.ts [rounds]
 */
import { gzipSync } from 'node:zlib';
import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { parseHTML } from 'linkedom';
import type { ChartRow, ChartSpec } from '../src/model/chart-spec.ts';
import { drawChart, plotChart } from '../src/render/charts/draw-chart.ts';

const rows: ChartRow[] = [
  { chip: 'H100', vendor: 'Nvidia', year: 2022, bandwidth: 3.35, compute: 989 },
  { chip: 'H200', vendor: 'Nvidia', year: 2024, bandwidth: 4.8, compute: 989 },
  { chip: 'B200', vendor: 'Nvidia', year: 2025, bandwidth: 8, compute: 2250 },
  { chip: 'Ascend 910B', vendor: 'Huawei', year: 2023, bandwidth: 1.6, compute: 376 },
  { chip: 'Ascend 910C', vendor: 'Huawei', year: 2025, bandwidth: 3.2, compute: 752 },
];
const CHARTS: Array<[string, ChartSpec]> = [
  ['bar', { type: 'bar', title: 'Bandwidth', x: 'chip', y: 'bandwidth', unit: 'TB/s', data: [] }],
  ['line, 2 series', { type: 'line', title: 'Bandwidth', x: 'year', y: 'bandwidth', series: 'vendor', data: [] }],
  ['scatter', { type: 'scatter', title: 'Bandwidth', x: 'compute', y: 'bandwidth', data: [] }],
];

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

interface DomLike {
  nodeType: number;
  localName: string;
  textContent: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  childNodes: ArrayLike<DomLike>;
}

/** linkedom's SVG walked into hast, as the wiki would have to (its attribute list is built on each read). */
function walk(node: DomLike): ElementContent {
  if (node.nodeType !== 1) return { type: 'text', value: node.textContent ?? '' };
  return {
    type: 'element',
    tagName: node.localName,
    properties: Object.fromEntries(Array.from(node.attributes, (a) => [a.name, a.value])),
    children: Array.from(node.childNodes, walk),
  };
}

/** Draw a chart into what joins the article (hast); its SVG as a string, for the size. */
type Draw = (spec: ChartSpec) => Promise<string> | string;

async function vegaDraw(): Promise<Draw | undefined> {
  try {
    const vega = await import('vega' as string);
    const vl = await import('vega-lite' as string);
    return async (spec) => {
      const mark = spec.type === 'scatter' ? 'point' : spec.type;
      const compiled = vl.compile({
        data: { values: rows },
        mark,
        width: 420,
        height: 240,
        encoding: {
          x: { field: spec.x, type: spec.type === 'bar' ? 'nominal' : 'quantitative' },
          y: { field: spec.y, type: 'quantitative' },
          ...(spec.series ? { color: { field: spec.series, type: 'nominal' } } : {}),
        },
      }).spec;
      const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
      const svg: string = await view.toSVG();
      view.finalize();
      return svg;
    };
  } catch {
    console.error('vega and vega-lite are not installed: `npm install --no-save vega vega-lite` to measure them too');
    return undefined;
  }
}

const rounds = Number(process.argv[2] ?? 300);
const linkedom = parseHTML('<!doctype html><html><body></body></html>').document;
const drawers: Array<[string, Draw | undefined]> = [
  // What the wiki does: Plot on its own DOM, into hast, with title, description, legend and table.
  ['Plot + the wiki’s DOM → hast (drawChart, all of it)', (spec) => toHtml(drawChart(spec, rows)[0] as ElementContent)],
  // The same drawing on linkedom, then into hast two ways (without the title, legend and table).
  ['Plot + linkedom → hast by walking the DOM', (spec) => toHtml(walk(plotChart(spec, rows, linkedom) as DomLike))],
  [
    'Plot + linkedom → outerHTML → hast (parse5)',
    (spec) => toHtml(fromHtml((plotChart(spec, rows, linkedom) as { outerHTML: string }).outerHTML, { fragment: true })),
  ],
  ['Vega-Lite → Vega SVG string (no hast)', await vegaDraw()],
];
console.log(`${rounds} rounds per chart; CPU time of this process (load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)})\n`);
console.log('| library | chart | CPU per chart (mean, GC included) | SVG raw | SVG gzipped |');
console.log('|---|---|---|---|---|');
for (const [name, draw] of drawers) {
  if (!draw) continue;
  for (const [kind, spec] of CHARTS) {
    for (let i = 0; i < 30; i++) await draw(spec);
    // The mean over all rounds, garbage collection included (a median would leave out the rounds it falls in).
    let svg = '';
    const start = cpuMs();
    for (let i = 0; i < rounds; i++) svg = await draw(spec);
    const mean = (cpuMs() - start) / rounds;
    console.log(`| ${name} | ${kind} | ${mean.toFixed(2)} ms | ${(svg.length / 1024).toFixed(1)} KB | ${(gzipSync(svg).length / 1024).toFixed(1)} KB |`);
  }
}
