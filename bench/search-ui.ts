/**
 * The first-query bytes through each site's own search box, for sites already built by `npm run bench`:
 *
 *   node bench/search-ui.ts <wiki dist> <starlight dist | -> [typing delay ms, default 150]
 *
 * Prints, per query, what each box fetched from the article's load until its results were drawn
 * (`-` instead of Starlight's folder: the wiki alone).
 */
import { BENCHMARK_QUERIES } from './generate.ts';
import { typicalPage } from './measure.ts';
import { measureSearchUi } from './search-bytes.ts';

const [wikiDist, starlightDist, delayArg] = process.argv.slice(2);
if (!wikiDist || !starlightDist) throw new Error('usage: node bench/search-ui.ts <wiki dist> <starlight dist> [typing delay ms]');
const delay = Number(delayArg ?? 150);
const wikiPage = typicalPage(wikiDist, 'wiki/hardware/');
const starlightPage = starlightDist === '-' ? '-' : typicalPage(starlightDist, 'hardware/');
if (!wikiPage || !starlightPage) throw new Error('no article page found in one of the two sites');
const wiki = await measureSearchUi(wikiDist, wikiPage, BENCHMARK_QUERIES, 0, 'wiki', delay);
const starlight = starlightDist === '-' ? undefined : await measureSearchUi(starlightDist, starlightPage, BENCHMARK_QUERIES, 0, 'starlight', delay);
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
const ratio = (a: number, b: number | undefined) => (b === undefined ? '' : (a / b).toFixed(2));
console.log(`typing ${delay} ms per key\n\n| query | wiki | Starlight | wiki / Starlight |\n|---|---|---|---|`);
BENCHMARK_QUERIES.forEach((query, i) => {
  const a = wiki.queries[i]!;
  const b = starlight?.queries[i];
  console.log(`| ${query} | ${kb(a.bytes)} (${a.requests}) | ${b ? `${kb(b.bytes)} (${b.requests})` : '–'} | ${ratio(a.bytes, b?.bytes)} |`);
});
console.log(`| median | ${kb(wiki.medianQueryBytes)} | ${kb(starlight?.medianQueryBytes)} | ${ratio(wiki.medianQueryBytes, starlight?.medianQueryBytes)} |`);
const warm = wiki.queries.map((q) => q.warmDrawnMs ?? NaN).sort((a, b) => a - b);
console.log(
  `\nwiki box, keystroke to results drawn when the query is typed again (warm): median ${warm[Math.floor(warm.length / 2)]?.toFixed(0)} ms, max ${warm.at(-1)?.toFixed(0)} ms`,
);
