/**
 * Lighthouse scores of the seed article and the main page, on a phone
 * (Lighthouse's default: slow 4G and a slow CPU, simulated) and on a desktop.
 * Serves the built site with `astro preview` and drives Debian's Chromium.
 * It prints scores; it is not a test. Build first:
 *
 *   WIKI_OUT_DIR=/tmp/me/dist npm run build
 *   WIKI_OUT_DIR=/tmp/me/dist npx node bench/lighthouse.ts [port] [runs]
 *
 * Each page is measured `runs` times (default 3) and the run with the median
 * performance score is printed, as Lighthouse advises for noisy machines
 * (https://github.com/GoogleChrome/lighthouse/blob/main/docs/variability.md);
 * the load average is printed too, since a busy CPU lowers the performance
 * score. CHROME_PATH picks another Chromium (default /usr/bin/chromium).
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { launch } from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const PAGES = [
  { name: 'seed article', path: '/wiki/nvidia_vs_huawei_for_ai_compute/' },
  { name: 'main page', path: '/' },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const port = Number(process.argv[2] ?? 4335);
const runs = Number(process.argv[3] ?? 3);
const origin = `http://127.0.0.1:${port}`;

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the site did not answer at ${url} within ${timeoutMs / 1000} s: is it built (npm run build)?`);
}

/** What an audit blames: elements, console messages or shifted nodes, a few of each. */
function culprits(details: Result['audits'][string]['details']): string[] {
  if (!details || !('items' in details)) return [];
  const items: unknown[] = details.items;
  return items.slice(0, 5).map((item) => {
    const node = (item as { node?: { snippet?: string; explanation?: string } }).node;
    const text = node?.snippet
      ? `${node.snippet} ${node.explanation ?? ''}`
      : ((item as { description?: string }).description ?? JSON.stringify(item).slice(0, 160));
    return `            ${text}`;
  });
}

/** The audits that cost points, so a score below 100 says why. */
function lostPoints(lhr: Result): string[] {
  return CATEGORIES.flatMap((id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .flatMap((ref) => {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1) return [];
        return [`${id}/${ref.id}: ${audit.title} (${audit.displayValue ?? audit.score})`, ...culprits(audit.details)];
      }),
  );
}

const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore', detached: true });
const chrome = await launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  await waitFor(`${origin}/`, 60_000);
  console.log(
    `load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}; median of ${runs} runs`,
  );
  for (const device of ['mobile', 'desktop'] as const) {
    for (const page of PAGES) {
      const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
      const results: Result[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(`${origin}${page.path}`, flags, device === 'desktop' ? desktopConfig : undefined);
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
        results.push(result.lhr);
      }
      const sorted = results.sort((a, b) => (a.categories['performance']?.score ?? 0) - (b.categories['performance']?.score ?? 0));
      const median = sorted[Math.floor(sorted.length / 2)];
      if (!median) continue;
      const scores = CATEGORIES.map((id) => `${id} ${Math.round((median.categories[id]?.score ?? 0) * 100)}`);
      const performance = sorted.map((lhr) => Math.round((lhr.categories['performance']?.score ?? 0) * 100)).join('/');
      console.log(`${device.padEnd(7)} ${page.name.padEnd(12)} ${scores.join('  ')}  (performance of each run: ${performance})`);
      if (median.runtimeError) console.log(`          Lighthouse could not measure: ${median.runtimeError.code} ${median.runtimeError.message}`);
      for (const line of lostPoints(median)) console.log(`          ${line}`);
    }
  }
} finally {
  chrome.kill();
  if (server.pid) process.kill(-server.pid);
}
