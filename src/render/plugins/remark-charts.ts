/**
 * remark plugin: draws each chart block that src/render/plugins/remark-wiki-syntax.ts has turned into a
 * figure (src/render/charts/draw-chart.ts). The rows come from the spec or from the CSV file beside the
 * article, as the page index read it (the same text the pre-pass checked).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { chartRows } from '../../model/chart-spec.ts';
import type { PageIndex } from '../../model/page-index.ts';
import { chartKey } from '../charts/chart-prefetch.ts';
import type { ChartWords } from '../charts/chart-words.ts';
import type * as DrawChart from '../charts/draw-chart.ts';
import type { WikiElement } from '../../model/wiki-element.ts';
import type { ElementContent } from 'hast';
import { serializedTree } from '../serialized-tree.ts';

export interface RemarkChartsOptions {
  index: () => PageIndex;
  /**
   * Whether the tree is written out as HTML (the article renderer) rather than compiled by MDX: each chart is then
   * the HTML of its drawing, passed through by the plugins after this one (src/render/serialized-tree.ts).
   */
  stringified?: boolean | undefined;
  /** A drawing made ahead on the other core, as HTML (src/render/charts/chart-prefetch.ts), when the build asked for one. */
  prefetched?: ((key: string) => Promise<string> | undefined) | undefined;
  /** The words charts write, in the wiki's language. */
  words: ChartWords;
}

/** The chart library, loaded by the first chart this thread draws itself: a wiki without charts never loads it (0.3 s). */
let library: Promise<typeof DrawChart> | undefined;
const chartLibrary = () => (library ??= import('../charts/draw-chart.ts'));

export const remarkCharts: Plugin<[RemarkChartsOptions], Root> = function (options) {
  return async (tree, file) => {
    const charts: WikiElement[] = [];
    visit(tree, 'wikiElement', (node) => {
      if (node.data.chart) charts.push(node);
    });
    for (const node of charts) {
      const chart = node.data.chart;
      if (!chart) continue;
      const rows = chartRows(chart, options.index().dataFiles);
      // The pre-pass reports these with file and line first (src/model/page-index.ts); never a chart with wrong numbers.
      if (typeof rows === 'string') throw new Error(`${file.path ?? ''}:${chart.line}: ${rows}`);
      let parts: ElementContent[];
      if (options.stringified) {
        // Drawn ahead on the other core when the build asked for it (src/render/charts/chart-prefetch.ts).
        const drawn = await options.prefetched?.(chartKey(chart.spec, rows, options.words))?.catch(() => undefined);
        parts = [serializedTree(drawn ?? (await chartLibrary()).drawChartHtml(chart.spec, rows, options.words))];
      } else parts = (await chartLibrary()).drawChart(chart.spec, rows, options.words);
      node.data = { hName: 'div', hProperties: { className: ['chart-graphic'] }, hChildren: parts };
    }
  };
};

export default remarkCharts;
