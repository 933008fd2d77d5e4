/** The words the wiki's blocks write themselves (callout labels, a chart's description and table) follow the wiki's language. */
import type { Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { expandCallouts } from '../../src/model/callouts.ts';
import type { ChartRow, ChartSpec } from '../../src/model/chart-spec.ts';
import { chartWords, describeChart, drawChart } from '../../src/render/charts/draw-chart.ts';
import { calloutLabels } from '../../src/render/plugins/remark-wiki-syntax.ts';
import { resolveUiStrings } from '../../src/shared/ui-strings.ts';

const quote = (marker: string): Root => ({
  type: 'root',
  children: [{ type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: `${marker}\nText.` }] }] }],
});

describe('callout labels', () => {
  it('are the language table’s, and English without one', () => {
    const german = quote('[!WARNING]');
    expandCallouts(german, 'a.mdx', undefined, calloutLabels(resolveUiStrings('de')));
    expect(JSON.stringify(german)).toContain('"ariaLabel":"Warnung"');
    expect(JSON.stringify(german)).toContain('"value":"Warnung"');
    const english = quote('[!TIP]');
    expandCallouts(english, 'a.mdx');
    expect(JSON.stringify(english)).toContain('"ariaLabel":"Tip"');
    expect(calloutLabels(resolveUiStrings('en'))).toEqual({ note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' });
  });
});

describe('chart words', () => {
  const spec: ChartSpec = { type: 'bar', title: 'Bandbreite', x: 'chip', y: 'tbs', unit: 'TB/s', data: [] };
  const rows: ChartRow[] = [
    { chip: 'H100', tbs: 3.35 },
    { chip: 'H200', tbs: 4.8 },
  ];

  it('describe the chart and title its table in the wiki’s language', () => {
    const words = chartWords('de', resolveUiStrings('de'));
    expect(describeChart(spec, rows, words)).toBe('Balkendiagramm: tbs (TB/s) nach chip. H100: 3,35; H200: 4,8.');
    const html = drawChart(spec, rows, words)
      .map((part) => toHtml(part))
      .join('');
    expect(html).toContain('<summary>Die Zahlen</summary>');
    expect(html).not.toContain('The numbers');
  });

  it('are English by default, as the English table has them', () => {
    expect(describeChart(spec, rows)).toBe('Bar chart of tbs (TB/s) by chip. H100: 3.35; H200: 4.8.');
    expect(describeChart(spec, rows, chartWords('en', resolveUiStrings('en')))).toBe(describeChart(spec, rows));
    const many = Array.from({ length: 20 }, (_, i) => ({ chip: `C${i}`, tbs: i }));
    expect(describeChart(spec, many, chartWords('de', resolveUiStrings('de')))).toMatch(
      /20 Punkte; niedrigster C0: 0; höchster C19: 19\. Die Tabelle darunter nennt alle\.$/,
    );
  });
});
