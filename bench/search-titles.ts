/**
 * Titles typed as they are (issue 21): for every article of a built site, whether the title layer ranks it
 * first when its title is typed. All titles are looked up in Node with the browser's own code
 * (src/client/search-titles.ts, fetching the built files from disk); a sample is typed into the real header
 * box in Chromium, to show that the box draws what that code ranks.
 *
 *   node bench/search-titles.ts <dist> [sample size, default 25]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goToMatches } from '../src/client/search-results.ts';
import { titleSearch } from '../src/client/search-titles.ts';
import { idFromUrl, type PageId } from '../src/model/ids.ts';
import { readTitleRows } from '../src/postbuild/search-titles.ts';
import { withSiteInBrowser } from './search-bytes.ts';

export interface TitleRanking {
  articles: number;
  /** Articles that came first when their title was typed. */
  first: number;
  /** Titles that did not, for the report. */
  missed: string[];
  /** Milliseconds per lookup in Node, pieces loaded once. */
  msPerLookup: number;
  /** The sample typed into the box in Chromium. */
  browser: { typed: number; first: number; missed: string[] };
}

export async function measureTitleRanking(dir: string, sample = 25, port = 0): Promise<TitleRanking> {
  const rows = readTitleRows(dir);
  const titles = titleSearch(async (path) => {
    try {
      return JSON.parse(readFileSync(join(dir, path.split('?')[0] ?? path), 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  });
  const missed: string[] = [];
  const started = performance.now();
  for (const [id, title] of rows) {
    const [top] = goToMatches(await titles.lookup(title));
    if (top?.id !== id) missed.push(title);
  }
  const msPerLookup = (performance.now() - started) / Math.max(rows.length, 1);
  const step = Math.max(1, Math.floor(rows.length / sample));
  const typed = rows.filter((_, i) => i % step === 0).slice(0, sample);
  const browser = await withSiteInBrowser(dir, port, async (origin, chromium) => {
    const page = await chromium.newPage();
    await page.goto(`${origin}/`);
    const wrong: string[] = [];
    for (const [id, title] of typed) {
      await page.fill('#search-input', '');
      await page.evaluate(() => performance.clearMeasures('search: keystroke to results drawn'));
      await page.fill('#search-input', title);
      await page.waitForFunction(() => performance.getEntriesByName('search: keystroke to results drawn').length > 0, null, { timeout: 30_000 });
      const href = await page.$eval('#search-listbox [role="option"]', (option) => new URL((option as HTMLAnchorElement).href).pathname);
      if ((idFromUrl(href) as PageId | '') !== id) wrong.push(title);
    }
    return { typed: typed.length, first: typed.length - wrong.length, missed: wrong };
  });
  return { articles: rows.length, first: rows.length - missed.length, missed: missed.slice(0, 20), msPerLookup, browser };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, size] = process.argv.slice(2);
  if (!dist) throw new Error('usage: node bench/search-titles.ts <dist> [sample size]');
  const result = await measureTitleRanking(dist, Number(size ?? 25));
  console.log(
    `${result.first} of ${result.articles} titles, typed as they are, rank their article first (${result.msPerLookup.toFixed(2)} ms a lookup); in the header box in Chromium, ${result.browser.first} of ${result.browser.typed}`,
  );
  if (result.missed.length + result.browser.missed.length > 0) console.log('missed:', [...result.missed, ...result.browser.missed].join(' | '));
}
