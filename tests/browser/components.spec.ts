/**
 * Formulas, infoboxes, figures, callouts and charts as a reader meets them, in Chromium, on the fixture wiki in
 * tests/fixtures/components (built once here and served over HTTP): drawn, in both themes, on a phone and a
 * desktop, accessible, and with nothing fetched to draw a formula.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { buildSite, repoRoot } from '../helpers/build-site.ts';
import { serveSite, type ServedSite } from './search-site.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const H100 = '/wiki/hardware/h100/';
const NVIDIA = '/wiki/nvidia/';

let site: ServedSite;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const built = buildSite(join(repoRoot, 'tests/fixtures/components'), 'components-browser');
  expect(built.status, built.output).toBe(0);
  site = await serveSite(built.outDir);
});

test.afterAll(async () => {
  await site?.close();
});

/** The colour a CSS variable of the page gives, as the browser computes colours (`rgb(…)`). */
async function cssColour(page: Page, variable: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, variable);
}

test('formulas are drawn by the browser as MathML, with nothing fetched to draw them', async ({ page }) => {
  const requests: Array<{ url: string; type: string }> = [];
  page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  await page.goto(`${site.url}${H100}`);
  await page.waitForLoadState('networkidle');
  const inline = page.locator('p math').first();
  const display = page.locator('.math-display math');
  await expect(inline).toBeVisible();
  const inlineBox = await inline.boundingBox();
  const displayBox = await display.boundingBox();
  expect(inlineBox?.width).toBeGreaterThan(5);
  expect(inlineBox?.height).toBeGreaterThan(5);
  // A display formula with fractions stands taller than a line of text.
  expect(displayBox?.height).toBeGreaterThan(30);
  expect(await display.evaluate((el) => el.constructor.name)).toBe('MathMLElement');
  expect(requests.filter((r) => r.type === 'font' || /katex|temml|mathjax|\.woff2?$/i.test(r.url))).toEqual([]);
  expect(
    requests
      .filter((r) => r.type === 'script')
      .map((r) => r.url)
      .filter((url) => /math|tex/i.test(url)),
  ).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`charts are drawn in the theme’s colours (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.url}${H100}`);
    const charts = page.locator('svg.chart-svg');
    await expect(charts).toHaveCount(3);
    for (const chart of await charts.all()) {
      await chart.scrollIntoViewIfNeeded();
      await expect(chart).toBeVisible();
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(150);
    }
    const bars = page.locator('svg.chart-svg').first().locator('rect');
    expect(await bars.count()).toBeGreaterThanOrEqual(4);
    // Nvidia's bars take the first series colour, Huawei's the second, as the theme defines them.
    expect(await bars.first().evaluate((el) => getComputedStyle(el).fill)).toBe(await cssColour(page, '--chart-1'));
    expect(await bars.last().evaluate((el) => getComputedStyle(el).fill)).toBe(await cssColour(page, '--chart-2'));
    // Axes and labels in the text colour of the theme.
    const label = page.locator('svg.chart-svg').first().locator('text').first();
    expect(await label.evaluate((el) => getComputedStyle(el).fill)).toBe(await cssColour(page, '--text'));
    // The numbers behind the chart, for screen readers and copying.
    await page.locator('.chart-data summary').first().click();
    await expect(page.locator('.chart-data table').first()).toContainText('Ascend 910C');
  });
}

test('light and dark themes give charts and callouts different colours, each readable on its background', async ({ page }) => {
  const colours: Record<string, string[]> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${site.url}${H100}`);
    colours[colorScheme] = [
      await page
        .locator('svg.chart-svg rect')
        .first()
        .evaluate((el) => getComputedStyle(el).fill),
      await page.locator('.callout-warning .callout-title').evaluate((el) => getComputedStyle(el).color),
      await page
        .locator('svg.chart-svg text')
        .first()
        .evaluate((el) => getComputedStyle(el).fill),
    ];
  }
  colours.light?.forEach((colour, i) => expect(colour).not.toBe(colours.dark?.[i]));
});

test('on a 320 px phone: nothing scrolls sideways, the infobox comes above the lead, charts fit the column', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`${site.url}${H100}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const infobox = await page.locator('table.infobox').boundingBox();
  const lead = await page.locator('.article-body > p').first().boundingBox();
  expect((infobox?.y ?? 0) + (infobox?.height ?? 0)).toBeLessThanOrEqual(lead?.y ?? 0);
  for (const chart of await page.locator('svg.chart-svg').all()) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toBeVisible();
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
  }
  await page.screenshot({ path: 'test-results/screenshots/components-320.png', fullPage: true });
});

/** The words of the infobox's labels that the page breaks across lines (a word broken has a box on each line). */
async function brokenLabelWords(page: Page): Promise<string[]> {
  return page.locator('table.infobox th').evaluateAll((cells) =>
    cells.flatMap((cell) => {
      const text = cell.firstChild;
      if (!(text instanceof Text)) return [];
      return [...(text.data.matchAll(/\S+/g) ?? [])].flatMap((word) => {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        return range.getClientRects().length > 1 ? [word[0]] : [];
      });
    }),
  );
}

for (const width of [320, 1280]) {
  test(`infobox labels wrap between words, never inside one (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${site.url}${H100}`);
    await expect(page.locator('table.infobox th', { hasText: 'Architecture' })).toBeVisible();
    expect(await brokenLabelWords(page)).toEqual([]);
  });
}

test('on a wide screen the infobox stands beside the lead', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${site.url}${H100}`);
  const infobox = await page.locator('table.infobox').boundingBox();
  // The lead's lines, not its box (a block's box runs under a float): their right edge and their top.
  const lines = await page
    .locator('.article-body > p')
    .first()
    .evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = [...range.getClientRects()];
      return { right: Math.max(...rects.map((r) => r.right)), top: Math.min(...rects.map((r) => r.top + window.scrollY)) };
    });
  expect(lines.right).toBeLessThanOrEqual(infobox?.x ?? 0);
  expect(Math.abs((infobox?.y ?? 0) - lines.top)).toBeLessThan(40);
  await page.screenshot({ path: 'test-results/screenshots/components-1280.png', fullPage: true });
});

test('callouts are notes a screen reader announces with their type; a folded one opens', async ({ page }) => {
  await page.goto(`${site.url}${H100}`);
  for (const name of ['Note', 'Tip', 'Important', 'Warning']) await expect(page.getByRole('note', { name })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Important' })).toContainText('Export rules');
  const folded = page.locator('details.callout-caution');
  await expect(folded).not.toHaveAttribute('open');
  await folded.locator('summary').click();
  await expect(folded.getByText('Real workloads reach a fraction of peak.')).toBeVisible();
});

test('print keeps the charts, in the light theme’s colours', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await page.goto(`${site.url}${H100}`);
  await expect(page.locator('svg.chart-svg').first()).toBeVisible();
  const printed = await page
    .locator('svg.chart-svg rect')
    .first()
    .evaluate((el) => getComputedStyle(el).fill);
  await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
  // The theme follows the system's change on its `change` event, a moment after the switch: wait for it.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(printed).toBe(
    await page
      .locator('svg.chart-svg rect')
      .first()
      .evaluate((el) => getComputedStyle(el).fill),
  );
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const path of [H100, NVIDIA]) {
    test(`axe finds no violations on ${path}, which holds all five (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${site.url}${path}`);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    });
  }
}
