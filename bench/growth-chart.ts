/**
 * The growth charts of bench/RESULTS.md: build time and peak memory against the number of articles, this
 * wiki beside Starlight, drawn from the measured points in bench/growth.json with the wiki's own chart code
 * (src/render/charts/draw-chart.ts), as standalone SVG files a Markdown viewer shows as images.
 *
 *   node bench/growth-chart.ts        # writes bench/growth-time.svg and bench/growth-memory.svg
 *
 * bench/growth.json holds one point per measured build: which engine, how many articles, the wall time, the peak
 * memory of the process tree, and where the figure comes from (a section of bench/RESULTS.md). A new measurement
 * is a new point; the charts are drawn again from the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { ChartRow, ChartSpec } from '../src/model/chart-spec.ts';
import { drawChart } from '../src/render/charts/draw-chart.ts';

export interface GrowthPoint {
  engine: string;
  articles: number;
  seconds: number;
  peakMiB: number;
  source: string;
  /** Measured while other work shared the machine: its memory counts, its time does not. */
  loaded?: boolean;
}

const bench = import.meta.dirname;
const points = JSON.parse(readFileSync(join(bench, 'growth.json'), 'utf8')) as GrowthPoint[];

/**
 * The light theme's colours written into the file: an SVG shown as an image has no page stylesheet, and the
 * drawing takes its colours from classes (src/styles/chart.css) and its text from `currentColor`.
 */
const STYLE = [
  'svg { color: #1b1b1b; background: #ffffff; font-family: system-ui, sans-serif; }',
  ...['#1f63c6', '#c2410c', '#15803d', '#7e22ce', '#a16207', '#be185d'].flatMap((colour, i) => [
    `.chart-fill-${i + 1} { fill: ${colour}; }`,
    `.chart-stroke-${i + 1} { stroke: ${colour}; }`,
  ]),
].join(' ');

function chart(spec: ChartSpec, rows: ChartRow[], file: string): void {
  const [svg] = drawChart(spec, rows);
  if (svg?.type !== 'element') throw new Error(`no SVG drawn for ${spec.title}`);
  svg.properties = { ...svg.properties, xmlns: 'http://www.w3.org/2000/svg' };
  svg.children.unshift({ type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: STYLE }] });
  // The legend inside the drawing (the page's HTML legend does not travel with an image): series in the order drawn.
  const series = [...new Set(rows.map((row) => String(row[spec.series ?? ''])))];
  series.forEach((name, i) => {
    const y = 28 + i * 18;
    svg.children.push(
      {
        type: 'element',
        tagName: 'rect',
        properties: { x: '72', y: String(y - 10), width: '12', height: '12', className: [`chart-fill-${i + 1}`] },
        children: [],
      },
      { type: 'element', tagName: 'text', properties: { x: '90', y: String(y), textAnchor: 'start' }, children: [{ type: 'text', value: name }] },
    );
  });
  writeFileSync(join(bench, file), `${toHtml(svg, { space: 'svg' })}\n`);
  console.log(`wrote bench/${file}: ${rows.length} points`);
}

// Time: the fastest build measured on a quiet machine at each size, per engine (load only slows a build down). Memory: the latest measurement (load does not change it, the code does), the last in the file.
const fastest = new Map<string, GrowthPoint>();
const latest = new Map<string, GrowthPoint>();
for (const point of points) {
  const key = `${point.engine}\0${point.articles}`;
  const known = fastest.get(key);
  if (!point.loaded && (!known || point.seconds < known.seconds)) fastest.set(key, point);
  latest.set(key, point);
}
const ordered = (map: Map<string, GrowthPoint>) => [...map.values()].sort((a, b) => a.engine.localeCompare(b.engine) || a.articles - b.articles);

chart(
  {
    type: 'line',
    title: 'Build time against articles',
    x: 'articles',
    y: 'seconds',
    unit: 's',
    series: 'engine',
    xLabel: 'articles',
    yLabel: 'build time',
    data: [],
  },
  ordered(fastest).map((p) => ({ engine: p.engine, articles: p.articles, seconds: p.seconds })),
  'growth-time.svg',
);
chart(
  {
    type: 'line',
    title: 'Peak memory against articles',
    x: 'articles',
    y: 'memory',
    unit: 'MiB',
    series: 'engine',
    xLabel: 'articles',
    yLabel: 'peak memory',
    data: [],
  },
  ordered(latest).map((p) => ({ engine: p.engine, articles: p.articles, memory: p.peakMiB })),
  'growth-memory.svg',
);
