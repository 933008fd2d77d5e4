import { drawChart } from './src/render/charts/draw-chart.ts';
import type { ChartSpec } from './src/model/chart-spec.ts';
const spec: ChartSpec = { type: 'bar', title: 'T', x: 'precision', y: 'throughput', unit: 'TFLOPS', data: [] };
const rows = ['FP32', 'FP16', 'FP8', 'INT8', 'INT4'].map((p, i) => ({ precision: p, throughput: i * 3.3 + 1 }));
for (let i = 0; i < 200; i++) drawChart(spec, rows);
const c = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let c0 = c(), t0 = performance.now();
for (let i = 0; i < 4000; i++) drawChart(spec, rows.map(r => ({ ...r, throughput: r.throughput + i })));
console.log(process.execArgv.join(' ') || 'default', 'wall', ((performance.now() - t0) / 1000).toFixed(2), 'ms cpu', ((c() - c0) / 1000).toFixed(2), 'ms per chart');
