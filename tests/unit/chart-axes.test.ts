/**
 * What a chart's axes say where Plot alone says it badly: whole numbers on the x axis (years, counts) get whole ticks
 * only, every one when the span is short (Plot divides two years into fifths: `2020`, `2,020.2`, … `2021`); a
 * line whose values are all one number gets an axis from zero to it (Plot writes its one tick `10.000000`); numbers and
 * dates are written in the wiki's language (`1.000` in German, where `1,000` reads as one; `Mär`, `Mai`, `Dez`); a few
 * days get a tick a day, not every six hours.
 */
import { describe, expect, it } from 'vitest';
import type { ChartRow, ChartSpec } from '../../src/model/chart-spec.ts';
import { chartWords, drawChartHtml } from '../../src/render/charts/draw-chart.ts';
import { resolveUiStrings } from '../../src/shared/ui-strings.ts';

/** The numbers written in the chart's SVG: its tick labels (the y values are tens, so their ticks are whole). */
function tickLabels(html: string): string[] {
  const svg = /<svg[\s\S]*<\/svg>/.exec(html)?.[0] ?? '';
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!).filter((text) => /^[\d,.−-]+$/.test(text));
}

/** The chart words of a German wiki. */
const german = chartWords('de', resolveUiStrings('de'));

function yearsChart(type: ChartSpec['type'], first: number, last: number): [ChartSpec, ChartRow[]] {
  const rows = Array.from({ length: last - first + 1 }, (_, i) => ({ year: first + i, shipped: 10 * ((i % 3) + 1) }));
  return [{ type, title: 'Shipped', x: 'year', y: 'shipped', data: [] }, rows];
}

describe('the x axis of whole numbers', () => {
  for (const type of ['line', 'scatter'] as const) {
    it(`has whole ticks only, in a ${type} chart over 1 to 30 years`, () => {
      for (let span = 0; span < 30; span++) {
        const labels = tickLabels(drawChartHtml(...yearsChart(type, 2020 - span, 2020)));
        expect(
          labels.filter((label) => label.includes('.')),
          `over ${span + 1} years`,
        ).toEqual([]);
        expect(labels.filter((label) => /^20\d\d$/.test(label)).length, `over ${span + 1} years`).toBeGreaterThan(0);
      }
    });
  }

  it('names every year when there are a few', () => {
    const labels = tickLabels(drawChartHtml(...yearsChart('line', 2020, 2021)));
    expect(labels.filter((label) => /^20\d\d$/.test(label))).toEqual(['2020', '2021']);
    const six = tickLabels(drawChartHtml(...yearsChart('line', 2016, 2021)));
    expect(six.filter((label) => /^20\d\d$/.test(label))).toEqual(['2016', '2017', '2018', '2019', '2020', '2021']);
  });

  it('writes counts and a lone value as numbers, and leaves the ticks of fractions to Plot', () => {
    const spec: ChartSpec = { type: 'scatter', title: 'Ratio', x: 'n', y: 'v', data: [] };
    const xLabels = (rows: ChartRow[]) => tickLabels(drawChartHtml(spec, rows)).slice(6);
    expect(
      xLabels([
        { n: 1, v: 10 },
        { n: 3, v: 20 },
      ]),
    ).toEqual(['1', '2', '3']);
    expect(
      xLabels([
        { n: 0.5, v: 10 },
        { n: 1.5, v: 20 },
      ]),
    ).toEqual(['0.6', '0.8', '1.0', '1.2', '1.4']);
    expect(
      xLabels([
        { n: 5000, v: 10 },
        { n: 15000, v: 20 },
      ]),
    ).toEqual(['6,000', '8,000', '10,000', '12,000', '14,000']);
    expect(tickLabels(drawChartHtml(spec, [{ n: 0.5, v: 10 }])).at(-1)).toBe('0.5');
    expect(tickLabels(drawChartHtml(spec, [{ n: -5, v: 10 }])).at(-1)).toBe('−5');
  });
});

describe('a line or scatter of one value', () => {
  it('has an axis from zero to that value, with ticks as Plot writes them', () => {
    const spec: ChartSpec = { type: 'line', title: 'Flat', x: 'year', y: 'v', data: [] };
    expect(
      tickLabels(
        drawChartHtml(spec, [
          { year: 2020, v: 10 },
          { year: 2021, v: 10 },
        ]),
      ),
    ).toEqual(['0', '2', '4', '6', '8', '10', '2020', '2021']);
    const below: ChartSpec = { type: 'scatter', title: 'Below', x: 'ratio', y: 'v', data: [] };
    expect(tickLabels(drawChartHtml(below, [{ ratio: 0.5, v: -3 }]))).toEqual(['−3.0', '−2.5', '−2.0', '−1.5', '−1.0', '−0.5', '0.0', '0.5']);
    expect(tickLabels(drawChartHtml(below, [{ ratio: 0.5, v: 0 }]))).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0', '0.5']);
  });
});

describe("numbers on the axes in the wiki's language", () => {
  const thousands: ChartSpec = { type: 'bar', title: 'Sold', x: 'chip', y: 'sold', data: [] };
  const sold = [
    { chip: 'a', sold: 1000000 },
    { chip: 'b', sold: 3 },
  ];
  const fractions: ChartSpec = { type: 'scatter', title: 'Ratio', x: 'n', y: 'v', data: [] };
  const ratios = [
    { n: 0.5, v: -3 },
    { n: 1.5, v: 0 },
  ];

  it('groups thousands and marks decimals as German does, with the same decimals on every tick', () => {
    expect(tickLabels(drawChartHtml(thousands, sold, german))).toEqual(['0', '200.000', '400.000', '600.000', '800.000', '1.000.000']);
    expect(tickLabels(drawChartHtml(fractions, ratios, german))).toEqual([
      '−3,0',
      '−2,5',
      '−2,0',
      '−1,5',
      '−1,0',
      '−0,5',
      '0,0',
      '0,6',
      '0,8',
      '1,0',
      '1,2',
      '1,4',
    ]);
    expect(tickLabels(drawChartHtml(fractions, [{ n: 0.25, v: 10 }], german)).at(-1)).toBe('0,25');
  });

  it('as English does, as Plot writes them, in an English wiki', () => {
    expect(tickLabels(drawChartHtml(thousands, sold))).toEqual(['0', '200,000', '400,000', '600,000', '800,000', '1,000,000']);
    expect(tickLabels(drawChartHtml(fractions, ratios))).toEqual(['−3.0', '−2.5', '−2.0', '−1.5', '−1.0', '−0.5', '0.0', '0.6', '0.8', '1.0', '1.2', '1.4']);
  });

  it('writes years as years in either', () => {
    const labels = tickLabels(drawChartHtml(...yearsChart('line', 2016, 2021), german));
    expect(labels.filter((label) => /^20\d\d$/.test(label))).toEqual(['2016', '2017', '2018', '2019', '2020', '2021']);
  });
});

/** Every text of the chart's SVG, lines of one text (Plot's `<tspan>`s) joined by a line break. */
function texts(html: string): string[] {
  const svg = /<svg[\s\S]*<\/svg>/.exec(html)?.[0] ?? '';
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map(
    (match) => [...match[1]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((line) => line[1]).join('\n') || match[1]!,
  );
}

describe('dates on the axis', () => {
  const spec: ChartSpec = { type: 'line', title: 'Shipped', x: 'day', y: 'v', data: [] };
  const months = [
    { day: '2023-10-05', v: 1 },
    { day: '2024-03-17', v: 3 },
  ];

  it("are months in the wiki's language, each year under its first month", () => {
    expect(texts(drawChartHtml(spec, months)).slice(-6)).toEqual(['Nov\n2023', 'Dec', 'Jan\n2024', 'Feb', 'Mar', 'day →']);
    expect(texts(drawChartHtml(spec, months, german)).slice(-6)).toEqual(['Nov\n2023', 'Dez', 'Jan\n2024', 'Feb', 'Mär', 'day →']);
  });

  it('are days when the dates span a few, in either language', () => {
    const days = [
      { day: '2024-01-30', v: 1 },
      { day: '2024-02-02', v: 3 },
    ];
    expect(texts(drawChartHtml(spec, days)).slice(-5)).toEqual(['30\nJan', '31', '1\nFeb', '2', 'day →']);
    expect(texts(drawChartHtml(spec, days, german)).slice(-5)).toEqual(['30\nJan', '31', '1\nFeb', '2', 'day →']);
    expect(texts(drawChartHtml(spec, [days[0]!, { day: '2024-01-31', v: 2 }])).join(' ')).not.toMatch(/AM|PM/);
  });

  it('are years over a span of years', () => {
    const years = [
      { day: '2019-01-01', v: 1 },
      { day: '2024-01-01', v: 3 },
    ];
    expect(texts(drawChartHtml(spec, years, german)).slice(-7)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', 'day →']);
  });
});

describe('the numbers of the table and the description', () => {
  const spec: ChartSpec = { type: 'bar', title: 'Stacks', x: 'generation', y: 'bandwidth', data: [] };
  // As a CSV file gives them (text), and as rows in the spec give them (numbers).
  const rows = [
    { generation: 'HBM3.5', bandwidth: '1,180.5' },
    { generation: '2024', bandwidth: 3.35 },
  ];

  it("are written as the wiki's language writes numbers; names stay as written", () => {
    const html = drawChartHtml(spec, rows, german);
    expect(html).toContain('<th scope="row">HBM3.5</th><td>1.180,5</td>');
    expect(html).toContain('<th scope="row">2024</th><td>3,35</td>');
    expect(html).toContain('HBM3.5: 1.180,5; 2024: 3,35.');
  });

  it('stay as written in an English wiki', () => {
    const html = drawChartHtml(spec, rows);
    expect(html).toContain('<th scope="row">HBM3.5</th><td>1,180.5</td>');
    expect(html).toContain('HBM3.5: 1,180.5; 2024: 3.35.');
  });
});
