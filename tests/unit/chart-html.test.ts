/**
 * The article renderer takes a chart as HTML written straight from Plot's elements (`drawChartHtml`), MDX articles
 * as hast (`drawChart`): a chart must come out the same either way, byte for byte, whatever its kind, its words
 * and the characters its names and numbers hold.
 */
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import type { ChartRow, ChartSpec } from '../../src/model/chart-spec.ts';
import { chartWords, drawChart, drawChartHtml } from '../../src/render/charts/draw-chart.ts';
import { resolveUiStrings } from '../../src/shared/ui-strings.ts';
import { CHARTS } from '../helpers/chart-kinds.ts';

/** Every character hast-util-to-html escapes in text or in an attribute, and some it leaves. */
const AWKWARD = `"Q" & <A> 'b' \`c\` > d\u00a0é 😀`;

const awkward: Array<[string, ChartSpec, ChartRow[]]> = [
  [
    'names and numbers with quotes, ampersands, angle brackets and backticks',
    { type: 'bar', title: AWKWARD, x: `chip ${AWKWARD}`, y: 'bandwidth <TB/s>', unit: '"TB/s" & more', series: 'vendor & co', data: [] },
    [
      { [`chip ${AWKWARD}`]: `H100 ${AWKWARD}`, 'vendor & co': `Nvidia ${AWKWARD}`, 'bandwidth <TB/s>': 3.35 },
      { [`chip ${AWKWARD}`]: 'H200 <x>', 'vendor & co': "Huawei's", 'bandwidth <TB/s>': 4.8 },
    ],
  ],
  [
    'a description of its own, and labels',
    { type: 'line', title: 'T', x: 'year', y: 'v', xLabel: 'Year & a <half>', yLabel: '"Value"', description: `Rises ${AWKWARD}.`, data: [] },
    [
      { year: 2020, v: 1 },
      { year: 2021, v: 2 },
    ],
  ],
  [
    'more points than the description lists one by one',
    { type: 'scatter', title: 'Many', x: 'x', y: 'y', data: [] },
    Array.from({ length: 30 }, (_, i) => ({ x: i, y: (i * 7) % 11 })),
  ],
  [
    'a row without a value',
    { type: 'bar', title: 'Gaps', x: 'name', y: 'v', series: 's', data: [] },
    [
      { name: 'a', v: 1, s: '' },
      { name: '', v: 2 },
    ],
  ],
];

describe('a chart written as HTML is the HTML of its tree', () => {
  it.each([...CHARTS, ...awkward])('%s', (_, spec, rows) => {
    const html = drawChartHtml(spec, rows);
    expect(html).toBe(toHtml(drawChart(spec, rows)));
    expect(html).toMatch(/^<svg [^>]*class="chart-svg" role="img" data-pagefind-ignore=""><title>/);
    expect(html).toContain('<details class="chart-data">');
  });

  it('in the words of another language', () => {
    const words = chartWords('de', resolveUiStrings('de'));
    for (const [, spec, rows] of [...CHARTS, ...awkward]) expect(drawChartHtml(spec, rows, words)).toBe(toHtml(drawChart(spec, rows, words)));
    expect(drawChartHtml(CHARTS[0]![1], CHARTS[0]![2], words)).toContain('<summary>Die Zahlen</summary>');
  });

  it('escapes what the text holds, as hast-util-to-html does', () => {
    const [, spec, rows] = awkward[0]!;
    const html = drawChartHtml(spec, rows);
    expect(html).toContain(`<title>"Q" &#x26; &#x3C;A> 'b' \`c\` > d\u00a0é 😀</title>`);
    expect(html).not.toMatch(/<title>[^<]*<A>/);
  });

  it('writes coordinates to a hundredth of a pixel, and what the chart says as it is', () => {
    for (const [, spec, rows] of [...CHARTS, ...awkward]) {
      const svg = /<svg[\s\S]*<\/svg>/.exec(drawChartHtml(spec, rows))?.[0] ?? '';
      const attributes = [...svg.matchAll(/ [a-z-]+="([^"]*)"/g)].map((match) => match[1]!);
      expect(attributes.filter((value) => /\d\.\d{3}/.test(value))).toEqual([]);
      expect(attributes.filter((value) => /\d\.\d\d?\b/.test(value)).length).toBeGreaterThan(0);
    }
    const [, spec] = CHARTS[0]!;
    expect(drawChartHtml(spec, [{ chip: 'a', bandwidth: 3.14159 }])).toContain('a: 3.14159');
  });
});
