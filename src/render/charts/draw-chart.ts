/**
 * A chart drawn at build time: Observable Plot lays it out (chosen over Vega-Lite's SVG renderer on cost per
 * chart and size: bench/RESULTS.md) on the small DOM of plot-dom.ts, and the SVG joins the article as hast
 * (compiled by MDX) or as the HTML of that hast (`drawChartHtml`, for the article renderer). What Plot would style
 * inline is moved to classes (the site's Content-Security-Policy blocks inline styles): the series take the
 * theme's colours (`--chart-1` …, src/styles/chart.css), text and axes take the text colour, so the chart is
 * right in both themes and in print. The SVG has a `<title>` and a `<desc>` that says what it shows; a table of
 * the numbers follows in a `<details>`, for screen readers and copying.
 */
import * as Plot from '@observablehq/plot';
import type { Element, ElementContent, Properties } from 'hast';
import { h, s } from 'hastscript';
import { find, svg as svgSchema } from 'property-information';
import { chartNumber, type ChartRow, type ChartSpec, type ChartValue } from '../../model/chart-spec.ts';
import { axisDates, axisNumbers, daySpan, flatDomain, isYear, valueInLanguage, wholeTicks } from './chart-axes.ts';
import { translator, type Translator } from '../../shared/translate.ts';
import { PlotDocument, PlotElement, type PlotNode } from './plot-dom.ts';
import { ENGLISH_WORDS, type ChartWords } from './chart-words.ts';

// The chart words' own module, kept out of this one so that a wiki without charts never loads Plot.
export { chartWords, type ChartWords } from './chart-words.ts';

/**
 * The translator of a chart's words, made once per language and words: each chart is sent its words afresh (a
 * worker's message is a copy), and a translator's plural rules take longer to make than a chart's sentences.
 */
const translators = new Map<string, Translator>();
function wordsOf(words: ChartWords): Translator {
  const key = JSON.stringify([words.language, words.strings]);
  let made = translators.get(key);
  if (!made) {
    if (translators.size >= 16) translators.clear();
    made = translator(words.strings, words.language);
    translators.set(key, made);
  }
  return made;
}

/** The drawing's size in SVG units; it scales to the column (src/styles/chart.css). */
const WIDTH = 480;
const HEIGHT = 300;
/** Series colours of the theme, `--chart-1` to `--chart-6`, then again. */
const COLOURS = 6;

/** One DOM per thread: Plot only creates elements in it. */
const plotDocument = new PlotDocument();

const colour = (i: number) => `var(--chart-${(i % COLOURS) + 1})`;

/** Distinct values in the order they first appear (Plot would sort them). */
function inOrder(values: ChartValue[]): ChartValue[] {
  return [...new Set(values)];
}

const isoDate = /^\d{4}-\d{2}(-\d{2})?$/;

/** How the horizontal axis reads its values: numbers, dates or names (in the order written). */
function xKind(spec: ChartSpec, rows: ChartRow[]): 'number' | 'date' | 'name' {
  if (spec.type === 'bar') return 'name';
  const values = rows.map((row) => row[spec.x]);
  if (values.every((v) => chartNumber(v) !== undefined)) return 'number';
  if (spec.type === 'line' && values.every((v) => typeof v === 'string' && isoDate.test(v))) return 'date';
  return 'name';
}

function label(written: string | undefined, column: string, unit?: string): string {
  return `${written ?? column}${unit ? ` (${unit})` : ''}`;
}

/** The rows as Plot reads them: numbers as numbers, dates as dates, the series as text. */
function plotRows(spec: ChartSpec, rows: ChartRow[], kind: ReturnType<typeof xKind>): Array<Record<string, unknown>> {
  return rows.map((row) => ({
    x: kind === 'number' ? chartNumber(row[spec.x]) : kind === 'date' ? new Date(String(row[spec.x])) : String(row[spec.x] ?? ''),
    y: chartNumber(row[spec.y]),
    series: spec.series ? String(row[spec.series] ?? '') : '',
  }));
}

function plotOptions(spec: ChartSpec, rows: ChartRow[], document: unknown, language: string): Plot.PlotOptions {
  const numbers = axisNumbers(language);
  const kind = xKind(spec, rows);
  const data = plotRows(spec, rows, kind);
  const series = spec.series ? inOrder(data.map((d) => String(d.series))) : [];
  const fill = spec.series ? 'series' : colour(0);
  const color = spec.series ? { type: 'ordinal' as const, domain: series, range: series.map((_, i) => colour(i)) } : undefined;
  const xDomain = kind === 'name' ? inOrder(data.map((d) => d.x as ChartValue)) : [];
  const yLabel = label(spec.yLabel, spec.y, spec.unit);
  const xLabel = label(spec.xLabel, spec.x);
  const common = { document: document as Document, width: WIDTH, height: HEIGHT, marginLeft: 56, marginBottom: 40, ...(color ? { color } : {}) };
  if (spec.type === 'bar') {
    // Bars side by side only when a name has several series; else one bar per name, coloured by its series.
    const grouped = spec.series !== undefined && new Set(data.map((d) => String(d.x))).size < data.length;
    if (grouped) {
      return {
        ...common,
        fx: { domain: xDomain, label: xLabel, padding: 0.15 },
        x: { domain: series, axis: null },
        y: { label: yLabel, grid: true, tickFormat: numbers },
        marks: [Plot.barY(data, { fx: 'x', x: 'series', y: 'y', fill }), Plot.ruleY([0])],
      };
    }
    return {
      ...common,
      x: { domain: xDomain, label: xLabel, padding: 0.2 },
      y: { label: yLabel, grid: true, tickFormat: numbers },
      marks: [Plot.barY(data, { x: 'x', y: 'y', fill }), Plot.ruleY([0])],
    };
  }
  const ticks = kind === 'number' ? wholeTicks(data.map((d) => d.x as number)) : undefined;
  const x = {
    label: xLabel,
    inset: 12,
    ...(kind === 'name' ? { type: 'point' as const, domain: xDomain } : {}),
    // Years are written without a thousands separator (`2020`, not `2,020`).
    ...(kind === 'number' ? { tickFormat: data.every((d) => isYear(d.x as number)) ? (n: number) => String(n) : numbers } : {}),
    // Dates are days: a few of them would get ticks every six hours (`12 AM, 6 AM, …`).
    ...(kind === 'date' && daySpan(data.map((d) => d.x as Date)) <= 7 ? { ticks: 'day' } : {}),
    ...(kind === 'date' && !language.startsWith('en') ? { tickFormat: axisDates(language) } : {}),
    ...(ticks ? { ticks } : {}),
  };
  const flat = flatDomain(data.map((d) => d.y as number | undefined));
  const y = { label: yLabel, grid: true, inset: 8, tickFormat: numbers, ...(flat ? { domain: flat } : {}) };
  if (spec.type === 'line') {
    const stroke = spec.series ? 'series' : colour(0);
    return {
      ...common,
      x,
      y,
      marks: [
        Plot.lineY(data, { x: 'x', y: 'y', stroke, strokeWidth: 2, ...(spec.series ? { z: 'series' } : {}) }),
        Plot.dot(data, { x: 'x', y: 'y', fill, r: 3 }),
      ],
    };
  }
  return { ...common, x: { ...x, grid: true }, y, marks: [Plot.dot(data, { x: 'x', y: 'y', fill, r: 4 })] };
}

const DROPPED_ATTRIBUTES = new Set(['style', 'class', 'font-family', 'font-variant', 'aria-label', 'aria-description']);

/** Colours written as `var(--chart-n)` in an attribute become the class that gives them. */
const COLOUR_VALUE = /^var\(--chart-(\d+)\)$/;

/** The class that gives a colour Plot wrote as `var(--chart-n)` in `fill` or `stroke`, or undefined. */
function colourClass(attribute: string, value: string): string | undefined {
  const match = (attribute === 'fill' || attribute === 'stroke') && COLOUR_VALUE.exec(value);
  return match ? `chart-${attribute}-${match[1]}` : undefined;
}

/**
 * Plot writes coordinates at full precision (`translate(56,229.68165740272866)`), a tenth of a chart's bytes; a
 * hundredth of a pixel is finer than any screen or printer draws.
 */
const LONG_DECIMAL = /\d+\.\d{3,}/g;

function drawnValue(value: string): string {
  return value.includes('.') ? value.replace(LONG_DECIMAL, (n) => String(Math.round(Number(n) * 100) / 100)) : value;
}

/** An element's attributes as hast properties, without what the CSP would block or the theme would not follow. */
function elementProperties(node: PlotElement): Properties {
  const properties: Record<string, string | string[]> = {};
  const classes: string[] = [];
  for (const [attribute, value] of node.attributes) {
    // Plot's `font-variant="tabular-nums"` is not a valid SVG attribute value (src/styles/chart.css sets it), and
    // its `aria-label`s name groups inside an image, which has one name: its <title>.
    if (DROPPED_ATTRIBUTES.has(attribute)) continue;
    const colour = colourClass(attribute, value);
    if (colour) classes.push(colour);
    else properties[attribute] = drawnValue(value);
  }
  if (classes.length > 0) properties.className = classes;
  return properties;
}

/** Plot's SVG as hast. */
function toHast(node: PlotNode): ElementContent | undefined {
  if (!(node instanceof PlotElement)) return node.nodeType === 3 ? { type: 'text', value: node.textContent } : undefined;
  if (node.localName === 'style') return undefined;
  // Attribute names as written: hast-util-to-html writes them back as they are.
  return { type: 'element', tagName: node.localName, properties: elementProperties(node), children: node.childNodes.flatMap((child) => toHast(child) ?? []) };
}

/** What Plot draws for the chart, in `document` (the wiki's own DOM, or another for comparison). */
export function plotChart(spec: ChartSpec, rows: ChartRow[], document: unknown = plotDocument, language = 'en'): unknown {
  return Plot.plot(plotOptions(spec, rows, document, language));
}

/** A value as the article writes it (series names in the legend). */
const asWritten = (value: ChartValue | undefined): string => (value === undefined ? '' : String(value));

/** What the chart shows, in words: each point for a small chart, the extremes for a large one. */
export function describeChart(spec: ChartSpec, rows: ChartRow[], words: ChartWords = ENGLISH_WORDS): string {
  if (spec.description) return spec.description;
  const t = wordsOf(words);
  const kind = t(spec.type === 'bar' ? 'chart.kind.bar' : spec.type === 'line' ? 'chart.kind.line' : 'chart.kind.scatter');
  const axes = { kind, y: label(spec.yLabel, spec.y, spec.unit), x: label(spec.xLabel, spec.x) };
  const head = spec.series ? t('chart.summarySeries', { ...axes, series: spec.series }) : t('chart.summary', axes);
  const format = (value: ChartValue | undefined) => valueInLanguage(value, words.language);
  const point = (row: ChartRow) => `${spec.series ? `${format(row[spec.series])}, ` : ''}${format(row[spec.x])}: ${format(row[spec.y])}`;
  if (rows.length <= 12) return `${head} ${rows.map(point).join('; ')}.`;
  const sorted = [...rows].sort((a, b) => (chartNumber(a[spec.y]) ?? 0) - (chartNumber(b[spec.y]) ?? 0));
  const lowest = sorted[0];
  const highest = sorted.at(-1);
  return `${head} ${t('chart.extremes', { count: rows.length, lowest: lowest ? point(lowest) : '', highest: highest ? point(highest) : '' })}`;
}

/** The columns of a chart's table of numbers, and their headings. */
const tableColumns = (spec: ChartSpec) => [spec.x, ...(spec.series ? [spec.series] : []), spec.y];
const columnHeading = (spec: ChartSpec, column: string) =>
  column === spec.y ? label(spec.yLabel, spec.y, spec.unit) : column === spec.x ? label(spec.xLabel, spec.x) : column;

function dataTable(spec: ChartSpec, rows: ChartRow[], words: ChartWords): Element {
  const format = (value: ChartValue | undefined) => valueInLanguage(value, words.language);
  const columns = tableColumns(spec);
  const heading = (column: string) => columnHeading(spec, column);
  return h('details', { className: ['chart-data'] }, [
    h('summary', wordsOf(words)('chart.numbers')),
    // Line breaks after the summary and between the headings: Pagefind separates a row's cells from each other,
    // but not headings (it read "The numbersChipvendorPeak (teraFLOPS)V100").
    '\n',
    h('table', [
      h(
        'thead',
        h(
          'tr',
          columns.flatMap((column) => [h('th', { scope: 'col' }, heading(column)), '\n']),
        ),
      ),
      h(
        'tbody',
        rows.map((row) =>
          h(
            'tr',
            columns.map((column, i) => (i === 0 ? h('th', { scope: 'row' }, format(row[column])) : h('td', format(row[column])))),
          ),
        ),
      ),
    ]),
  ]);
}

function legend(spec: ChartSpec, rows: ChartRow[]): Element | undefined {
  if (!spec.series) return undefined;
  const series = inOrder(rows.map((row) => asWritten(row[spec.series ?? ''])));
  return h(
    'ul',
    { className: ['chart-legend'] },
    series.map((name, i) =>
      h('li', [
        s('svg', { className: ['chart-swatch'], viewBox: '0 0 10 10', width: 10, height: 10, ariaHidden: 'true' }, [
          s('rect', { width: 10, height: 10, className: [`chart-fill-${(i % COLOURS) + 1}`] }),
        ]),
        ` ${name}`,
      ]),
    ),
  );
}

/** The properties of the chart's `<svg>`: Plot's, with the wiki's font size, class and role. */
function svgProperties(plotted: Properties): Properties {
  const { 'font-size': _plotFontSize, ...drawn } = plotted;
  return { ...drawn, 'font-size': '13', className: ['chart-svg'], role: 'img', dataPagefindIgnore: '' };
}

/** The chart's parts, in reading order: the SVG (with title and description), its legend, its numbers. */
export function drawChart(spec: ChartSpec, rows: ChartRow[], words: ChartWords = ENGLISH_WORDS): ElementContent[] {
  const plotted = plotChart(spec, rows, plotDocument, words.language);
  const svg = plotted instanceof PlotElement ? toHast(plotted) : undefined;
  if (svg?.type !== 'element') throw new Error(`Plot drew no SVG for the chart "${spec.title}"`);
  svg.properties = svgProperties(svg.properties);
  svg.children.unshift(s('title', spec.title), s('desc', describeChart(spec, rows, words)));
  return [svg, ...(legend(spec, rows) ? [legend(spec, rows) as Element] : []), dataTable(spec, rows, words)];
}

/**
 * The chart's parts as the HTML rehype-stringify writes for them (`toHtml(drawChart(…))`, the same bytes:
 * tests/unit/chart-html.test.ts), for the article renderer, whose tree is written out as HTML: it puts them in as a
 * node that rehype-raw passes over (src/render/serialized-tree.ts). A chart is as many elements as the rest of its
 * article, and the plugins after the chart's would walk each of them and the serializer write them; written once,
 * by the thread that draws (1,000 articles with a chart each: 0.4 s less of rendering on the main thread,
 * bench/RESULTS.md). Written straight from Plot's elements rather than through hast, which doubled what drawing a
 * chart allocates and took nearly a third of its time (1,000 charts: 1.37 → 0.94 s, bench/RESULTS.md).
 */
export function drawChartHtml(spec: ChartSpec, rows: ChartRow[], words: ChartWords = ENGLISH_WORDS): string {
  const plotted = plotChart(spec, rows, plotDocument, words.language);
  if (!(plotted instanceof PlotElement) || plotted.localName !== 'svg') throw new Error(`Plot drew no SVG for the chart "${spec.title}"`);
  const parts = ['<svg', propertiesHtml(svgProperties(elementProperties(plotted))), '><title>', textHtml(spec.title), '</title><desc>'];
  parts.push(textHtml(describeChart(spec, rows, words)), '</desc>');
  for (const child of plotted.childNodes) writeNode(child, parts);
  parts.push('</svg>');
  // The legend and the table of numbers, as legend() and dataTable() make them.
  if (spec.series) {
    parts.push('<ul class="chart-legend">');
    inOrder(rows.map((row) => asWritten(row[spec.series ?? '']))).forEach((name, i) => {
      const swatch = `<svg class="chart-swatch" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true"><rect width="10" height="10" class="chart-fill-${(i % COLOURS) + 1}"></rect></svg>`;
      parts.push('<li>', swatch, ' ', textHtml(String(name)), '</li>');
    });
    parts.push('</ul>');
  }
  const columns = tableColumns(spec);
  parts.push('<details class="chart-data"><summary>', textHtml(wordsOf(words)('chart.numbers')), '</summary>\n<table><thead><tr>');
  for (const column of columns) parts.push('<th scope="col">', textHtml(columnHeading(spec, column)), '</th>\n');
  parts.push('</tr></thead><tbody>');
  for (const row of rows) {
    parts.push('<tr>');
    columns.forEach((column, i) =>
      parts.push(i === 0 ? '<th scope="row">' : '<td>', textHtml(valueInLanguage(row[column], words.language)), i === 0 ? '</th>' : '</td>'),
    );
    parts.push('</tr>');
  }
  parts.push('</tbody></table></details>');
  return parts.join('');
}

/** What hast-util-to-html escapes in text (`<`, `&`) and in a double-quoted attribute value, as it writes them. */
const TEXT_ESCAPES = /[<&]/g;
const ATTRIBUTE_ESCAPES = /[\0"&'`]/g;
const reference = (character: string) => `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`;
const textHtml = (text: string) => text.replace(TEXT_ESCAPES, reference);

/** How hast-util-to-html writes an attribute of an SVG element, by the name a property or Plot gives it. */
interface SvgAttribute {
  name: string;
  boolean: boolean;
  overloadedBoolean: boolean;
  commaSeparated: boolean;
}
const svgAttributes = new Map<string, SvgAttribute>();
function svgAttribute(key: string): SvgAttribute {
  let known = svgAttributes.get(key);
  if (!known) {
    const info = find(svgSchema, key);
    known = { name: info.attribute, boolean: info.boolean, overloadedBoolean: info.overloadedBoolean, commaSeparated: info.commaSeparated };
    svgAttributes.set(key, known);
  }
  return known;
}

/** One attribute as hast-util-to-html writes it (its default settings), with the space before it; '' for none. */
function attributeHtml(key: string, written: string | string[] | boolean): string {
  const attribute = svgAttribute(key);
  let value: string | string[] | boolean = written;
  if (attribute.overloadedBoolean && (value === attribute.name || value === '')) value = true;
  else if ((attribute.boolean || attribute.overloadedBoolean) && (typeof value !== 'string' || value === attribute.name || value === ''))
    value = Boolean(value);
  if (value === false) return '';
  if (value === true) return ` ${attribute.name}`;
  // comma-separated-tokens and space-separated-tokens, as hast-util-to-html joins lists.
  const text = Array.isArray(value) ? value.join(attribute.commaSeparated ? ', ' : ' ').trim() : value;
  return ` ${attribute.name}="${text.replace(ATTRIBUTE_ESCAPES, reference)}"`;
}

function propertiesHtml(properties: Properties): string {
  let html = '';
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) continue;
    html += attributeHtml(key, Array.isArray(value) ? value.map(String) : typeof value === 'boolean' ? value : String(value));
  }
  return html;
}

/** An element or text Plot drew, inside the chart's `<svg>`, as `toHtml(toHast(node))` writes it. */
function writeNode(node: PlotNode, parts: string[]): void {
  if (!(node instanceof PlotElement)) {
    if (node.nodeType === 3) parts.push(textHtml(node.textContent));
    return;
  }
  if (node.localName === 'style') return;
  let classes = '';
  parts.push('<', node.localName);
  for (const [attribute, value] of node.attributes) {
    if (DROPPED_ATTRIBUTES.has(attribute)) continue;
    const colour = colourClass(attribute, value);
    if (colour) classes += classes ? ` ${colour}` : colour;
    else parts.push(attributeHtml(attribute, drawnValue(value)));
  }
  if (classes) parts.push(` class="${classes}"`);
  parts.push('>');
  for (const child of node.childNodes) writeNode(child, parts);
  parts.push('</', node.localName, '>');
}
