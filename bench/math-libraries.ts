/**
 * Which library turns the wiki's TeX into MathML: temml or KaTeX (MathML output), on the formulas an
 * encyclopedia of AI compute writes. Prints, for each, the time per formula (warm, median of rounds), the
 * time to load the library, and the size of the MathML (raw and gzipped), as a Markdown table for
 * bench/RESULTS.md.
 *
 *   node bench/math-libraries.ts [rounds]
 */
import { gzipSync } from 'node:zlib';

/** Formulas of the kind the wiki's articles hold: scaling laws, quantization, throughput, with a matrix and an aligned block. */
export const FORMULAS: Array<{ tex: string; display: boolean }> = [
  { tex: 'C \\approx 6ND', display: false },
  { tex: 'L(N, D) = E + \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}', display: true },
  { tex: 'N_{\\text{opt}}(C) = G \\left(\\frac{C}{6}\\right)^{a}', display: true },
  { tex: 'r = S(q - Z)', display: false },
  { tex: 'q = \\operatorname{round}\\!\\left(\\frac{r}{S}\\right) + Z', display: true },
  {
    tex: '\\begin{aligned} S &= \\frac{r_{\\max} - r_{\\min}}{q_{\\max} - q_{\\min}} \\\\ Z &= q_{\\max} - \\frac{r_{\\max}}{S} \\end{aligned}',
    display: true,
  },
  { tex: '\\text{FLOPS} = n_{\\text{cores}} \\times f_{\\text{clock}} \\times \\text{FLOP per cycle}', display: true },
  { tex: '\\mathrm{MFU} = \\frac{6N \\cdot \\text{tokens/s}}{\\text{peak FLOPS}}', display: false },
  { tex: '\\sum_{i=1}^{n} x_i^2 \\le \\sqrt{n}\\,\\lVert x \\rVert', display: false },
  { tex: '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix} \\begin{pmatrix} x \\\\ y \\end{pmatrix}', display: true },
  { tex: '\\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}', display: true },
  { tex: '2^{10} = 1024', display: false },
];

type Render = (tex: string, display: boolean) => string;

async function load(name: 'temml' | 'katex'): Promise<{ render: Render; loadMs: number }> {
  const start = performance.now();
  if (name === 'temml') {
    const temml = (await import('temml')).default;
    return {
      render: (tex, display) => temml.renderToString(tex, { displayMode: display, annotate: true, throwOnError: true }),
      loadMs: performance.now() - start,
    };
  }
  const katex = (await import('katex')).default;
  return {
    render: (tex, display) => katex.renderToString(tex, { displayMode: display, output: 'mathml', throwOnError: true }),
    loadMs: performance.now() - start,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const rounds = Number(process.argv[2] ?? 200);
const rows: string[] = [];
for (const name of ['temml', 'katex'] as const) {
  const { render, loadMs } = await load(name);
  const firstStart = performance.now();
  for (const f of FORMULAS) render(f.tex, f.display);
  const firstMs = performance.now() - firstStart;
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const f of FORMULAS) render(f.tex, f.display);
    times.push((performance.now() - start) / FORMULAS.length);
  }
  const outputs = FORMULAS.map((f) => render(f.tex, f.display));
  const raw = outputs.reduce((sum, html) => sum + Buffer.byteLength(html), 0);
  const gzip = gzipSync(outputs.join('\n')).length;
  const styled = outputs.filter((html) => /\sstyle="/.test(html)).length;
  rows.push(
    `| ${name} | ${loadMs.toFixed(0)} ms | ${firstMs.toFixed(1)} ms | ${(median(times) * 1000).toFixed(0)} µs | ${(raw / FORMULAS.length).toFixed(0)} B | ${gzip} B | ${styled} of ${FORMULAS.length} |`,
  );
}
console.log(`${FORMULAS.length} formulas, ${rounds} rounds\n`);
console.log('| library | load | first pass (cold) | per formula, warm (median) | MathML per formula, raw | all, gzipped | formulas with style attributes |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
