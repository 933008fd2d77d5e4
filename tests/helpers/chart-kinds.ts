/** A chart of each kind the wiki draws, with its rows: bars, bars by series, grouped bars, lines over numbers, dates and names, a scatter plot. */
import type { ChartRow, ChartSpec } from '../../src/model/chart-spec.ts';

const chips: ChartRow[] = [
  { chip: 'H100', vendor: 'Nvidia', bandwidth: 3.35, year: 2022 },
  { chip: 'H200', vendor: 'Nvidia', bandwidth: 4.8, year: 2024 },
  { chip: 'Ascend 910B', vendor: 'Huawei', bandwidth: 1.6, year: 2023 },
];
export const CHARTS: Array<[string, ChartSpec, ChartRow[]]> = [
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
