/**
 * Charts, as written in an article: a fenced block of language `chart` holding a small YAML spec,
 *
 *   ```chart
 *   type: bar                # bar | line | scatter
 *   title: Memory bandwidth
 *   x: chip
 *   y: bandwidth
 *   unit: TB/s
 *   data: ./bandwidth.csv    # or rows: `- { chip: H100, bandwidth: 3.35 }`
 *   series: vendor           # optional: one colour per value of this column
 *   source: "Datasheets[^spec]"
 *   ```
 *
 * Read and checked here (the spec when the article is parsed, the rows of a CSV file when the wiki's
 * files are read), drawn by src/render/charts/. Every mistake names the line and the fix. Pure.
 */
import { csvParse } from 'd3-dsv';
// js-yaml, not the `yaml` package of the frontmatter: a tenth of the time for a spec (bench/RESULTS.md).
import { load, YAMLException } from 'js-yaml';

export const CHART_TYPES = ['bar', 'line', 'scatter'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export type ChartValue = string | number;
export type ChartRow = Record<string, ChartValue>;

export interface ChartSpec {
  type: ChartType;
  title: string;
  x: string;
  y: string;
  unit?: string;
  /** A column whose values split the rows into series, one colour each. */
  series?: string;
  /** Where the numbers come from: inline Markdown, usually a citation. */
  source?: string;
  /** Says in words what the chart shows, for readers who cannot see it. Default: made from the data. */
  description?: string;
  xLabel?: string;
  yLabel?: string;
  /** Rows written in the spec, or a CSV file beside the article (as written, `./file.csv`). */
  data: ChartRow[] | string;
}

/** A chart of an article, as the pre-pass keeps it. */
export interface ChartUse {
  /** The line of the ```` ```chart ```` fence. */
  line: number;
  spec: ChartSpec;
  /** The CSV file it reads, relative to the content folder (`/` separators), when its data is a file. */
  dataFile?: string;
  /** The spec as written between the fences: the renderer takes `spec` from the pre-pass for the same text rather than read it again. */
  text: string;
}

const FIELDS = ['type', 'title', 'x', 'y', 'unit', 'series', 'source', 'description', 'xLabel', 'yLabel', 'data'];

export interface ChartProblem {
  /** Line in the article. */
  line: number;
  message: string;
}

/** The lines of a spec's text: where each top-level field and each row of `data` is written. */
function specLines(yaml: string, firstLine: number): { field: (name: string) => number; row: (index: number) => number } {
  const lines = yaml.split('\n');
  const fields = new Map<string, number>();
  const rows: number[] = [];
  let inData = false;
  lines.forEach((text, i) => {
    const top = /^([A-Za-z_][\w-]*)\s*:/.exec(text);
    if (top?.[1]) {
      fields.set(top[1], firstLine + i);
      inData = top[1] === 'data';
    } else if (inData && /^\s*-/.test(text)) {
      rows.push(firstLine + i);
    }
  });
  return { field: (name) => fields.get(name) ?? firstLine, row: (index) => rows[index] ?? fields.get('data') ?? firstLine };
}

/** Read and check the YAML of a chart block whose first line of YAML is line `firstLine` of the article. */
export function parseChartSpec(yaml: string, firstLine: number): { ok: true; spec: ChartSpec } | { ok: false; problems: ChartProblem[] } {
  let value: unknown;
  try {
    value = load(yaml);
  } catch (error) {
    const line = error instanceof YAMLException ? firstLine + error.mark.line : firstLine;
    const reason = error instanceof YAMLException ? error.reason : String(error);
    return {
      ok: false,
      problems: [{ line, message: `the chart's spec is not valid YAML (${reason}): write one \`field: value\` per line, e.g. \`type: bar\`` }],
    };
  }
  if (!isRecord(value)) return fail(firstLine, 'a chart block holds a YAML spec: `type`, `title`, `x`, `y` and `data`, one per line, e.g. `type: bar`');
  const where = specLines(yaml, firstLine);
  const fieldLine = where.field;
  const problems: ChartProblem[] = [];
  for (const key of Object.keys(value)) {
    if (!FIELDS.includes(key))
      problems.push({ line: fieldLine(key), message: `unknown field \`${key}\` in the chart: remove it, or use one of ${FIELDS.join(', ')}` });
  }
  const text = (field: string, required: boolean, example: string): string | undefined => {
    const v = value[field];
    if (v === undefined || v === null) {
      if (required) problems.push({ line: firstLine, message: `the chart has no \`${field}\`: add a line \`${field}: ${example}\`` });
      return undefined;
    }
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push({ line: fieldLine(field), message: `\`${field}\` of the chart must be text, e.g. \`${field}: ${example}\`` });
      return undefined;
    }
    return v.trim();
  };
  const type = text('type', true, 'bar');
  if (type !== undefined && !(CHART_TYPES as readonly string[]).includes(type)) {
    problems.push({ line: fieldLine('type'), message: `unknown chart type \`${type}\`: use ${CHART_TYPES.map((t) => `\`${t}\``).join(', ')}` });
  }
  const title = text('title', true, 'Memory bandwidth of AI accelerators');
  const x = text('x', true, 'the column of the horizontal axis, e.g. `chip`');
  const y = text('y', true, 'the column of numbers, e.g. `bandwidth`');
  const optional: Partial<ChartSpec> = {};
  for (const field of ['unit', 'series', 'source', 'description', 'xLabel', 'yLabel'] as const) {
    const v = text(field, false, field === 'unit' ? 'TB/s' : '…');
    if (v !== undefined) optional[field] = v;
  }
  const data = chartData(value.data, fieldLine('data'), problems, where.row);
  if (problems.length > 0 || type === undefined || title === undefined || x === undefined || y === undefined || data === undefined)
    return { ok: false, problems: problems.length > 0 ? problems : [{ line: firstLine, message: 'the chart is incomplete' }] };
  const spec: ChartSpec = { type: type as ChartType, title, x, y, ...optional, data };
  if (typeof data !== 'string') {
    const rowProblems = checkChartRows(spec, data);
    if (rowProblems.length > 0)
      return {
        ok: false,
        problems: rowProblems.map((p) => ({ line: p.row !== undefined ? where.row(p.row) : fieldLine(p.field ?? 'data'), message: p.message })),
      };
  }
  return { ok: true, spec };
}

function fail(line: number, message: string): { ok: false; problems: ChartProblem[] } {
  return { ok: false, problems: [{ line, message }] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function chartData(value: unknown, line: number, problems: ChartProblem[], rowLine: (index: number) => number): ChartSpec['data'] | undefined {
  const fix = 'write `data: ./numbers.csv` (a CSV file beside the article) or rows, one per line: `- { chip: H100, bandwidth: 3.35 }`';
  if (value === undefined || value === null) {
    problems.push({ line, message: `the chart has no \`data\`: ${fix}` });
    return undefined;
  }
  if (typeof value === 'string') {
    if (!/\.csv$/i.test(value.trim())) {
      problems.push({ line, message: `\`data: ${value}\` is not a CSV file: ${fix}` });
      return undefined;
    }
    return value.trim();
  }
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ line, message: `\`data\` of the chart must be rows or a CSV file: ${fix}` });
    return undefined;
  }
  const rows: ChartRow[] = [];
  value.forEach((row: unknown, i) => {
    if (!isRecord(row)) {
      problems.push({ line: rowLine(i), message: `row ${i + 1} of the chart's \`data\` is not \`{ column: value, … }\`: ${fix}` });
      return;
    }
    const clean: ChartRow = {};
    for (const [column, cell] of Object.entries(row)) {
      if (typeof cell === 'number' || typeof cell === 'string') clean[column] = cell;
      else if (typeof cell === 'boolean') clean[column] = String(cell);
      else if (cell instanceof Date) clean[column] = cell.toISOString().slice(0, 10);
      else if (cell !== null && cell !== undefined)
        problems.push({ line: rowLine(i), message: `\`${column}\` in row ${i + 1} of the chart's \`data\` must be a number or text` });
    }
    rows.push(clean);
  });
  return rows;
}

/** A number written in a table: `3.35`, `-2`, `1e15`, `1,024` (thousands separators allowed). */
export function chartNumber(value: ChartValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value === undefined) return undefined;
  const cleaned = value.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** Problems of the rows against the spec: columns that do not exist, text where a number must be. `row` counts from 0. */
export function checkChartRows(spec: ChartSpec, rows: ChartRow[], where = "the chart's `data`"): Array<{ row?: number; field?: string; message: string }> {
  if (rows.length === 0) return [{ message: `${where} has no rows: add at least one` }];
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const problems: Array<{ row?: number; field?: string; message: string }> = [];
  for (const field of ['x', 'y', 'series'] as const) {
    const column = spec[field];
    if (column !== undefined && !columns.includes(column)) {
      problems.push({ field, message: `\`${field}: ${column}\` names no column of ${where}: use one of ${columns.map((c) => `\`${c}\``).join(', ')}` });
    }
  }
  if (problems.length > 0) return problems;
  const numeric: Array<'x' | 'y'> = spec.type === 'scatter' ? ['x', 'y'] : ['y'];
  for (const field of numeric) {
    const column = spec[field];
    rows.forEach((row, i) => {
      const cell = row[column];
      if (chartNumber(cell) === undefined) {
        problems.push({
          row: i,
          message: `\`${column}\` in row ${i + 1} of ${where} is \`${cell ?? ''}\`, not a number: write a number such as \`3.35\` (no units: put the unit in \`unit:\`)`,
        });
      }
    });
  }
  return problems.slice(0, 5);
}

/** The rows of a CSV file (the first line names the columns); every cell stays text until the chart reads it. */
export function parseChartCsv(text: string): ChartRow[] {
  return csvParse(text.replace(/^\uFEFF/, '')).map((row) => {
    const clean: ChartRow = {};
    for (const [column, cell] of Object.entries(row)) if (cell !== undefined && cell !== '') clean[column.trim()] = cell.trim();
    return clean;
  });
}

/** The CSV file a chart reads, relative to the content folder (`./x.csv` beside `hardware/h100.mdx` → `hardware/x.csv`). */
export function chartDataFile(articleFile: string, written: string): string {
  const base = articleFile.split('/').slice(0, -1);
  for (const part of written.split('/')) {
    if (part === '..') base.pop();
    else if (part !== '.' && part !== '') base.push(part);
  }
  return base.join('/');
}

/** The rows a chart draws: its own, or its CSV file's (from `dataFiles`, path → text); else what is wrong. */
export function chartRows(chart: ChartUse, dataFiles: ReadonlyMap<string, string>): ChartRow[] | string {
  if (typeof chart.spec.data !== 'string') return chart.spec.data;
  const text = chart.dataFile === undefined ? undefined : dataFiles.get(chart.dataFile);
  if (text === undefined) return `the chart's data file \`${chart.spec.data}\` does not exist: create it beside the article, or correct \`data:\``;
  const rows = parseChartCsv(text);
  const problems = checkChartRows(chart.spec, rows, `\`${chart.spec.data}\``);
  return problems.length > 0 ? problems.map((p) => p.message).join('; ') : rows;
}
