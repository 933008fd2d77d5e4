/**
 * remark plugin: draws each chart block that src/render/plugins/remark-wiki-syntax.ts has turned into a
 * figure (src/render/charts/draw-chart.ts). The rows come from the spec or from the CSV file beside the
 * article, as the page index read it (the same text the pre-pass checked).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { checkChartRows, parseChartCsv, type ChartRow, type ChartUse } from '../../model/chart-spec.ts';
import type { PageIndex } from '../../model/page-index.ts';
import { drawChart } from '../charts/draw-chart.ts';

export interface RemarkChartsOptions {
  index: () => PageIndex;
}

function rowsOf(chart: ChartUse, index: PageIndex): ChartRow[] | string {
  if (typeof chart.spec.data !== 'string') return chart.spec.data;
  const text = chart.dataFile === undefined ? undefined : index.dataFiles.get(chart.dataFile);
  if (text === undefined) return `the chart's data file \`${chart.spec.data}\` does not exist: create it beside the article, or correct \`data:\``;
  const rows = parseChartCsv(text);
  const problems = checkChartRows(chart.spec, rows, `\`${chart.spec.data}\``);
  return problems.length > 0 ? problems.map((p) => p.message).join('; ') : rows;
}

export const remarkCharts: Plugin<[RemarkChartsOptions], Root> = function (options) {
  return (tree, file) => {
    visit(tree, 'wikiElement', (node) => {
      const chart = node.data.chart;
      if (!chart) return;
      const rows = rowsOf(chart, options.index());
      // The pre-pass reports these with file and line first (src/model/page-index.ts); never a chart with wrong numbers.
      if (typeof rows === 'string') throw new Error(`${file.path ?? ''}:${chart.line}: ${rows}`);
      node.data = { hName: 'div', hProperties: { className: ['chart-graphic'] }, hChildren: drawChart(chart.spec, rows) };
    });
  };
};

export default remarkCharts;
