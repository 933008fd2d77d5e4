/**
 * Special:Sources in pages of 500, in Chromium: a fixture wiki written here cites 1,201 sources (one of them
 * from every article), so the list takes three pages; a reader goes from page to page with the pager, the
 * numbering runs on, and axe finds nothing in either theme or at 320 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../helpers/build-site.ts';
import { serveSite, type ServedSite } from './search-site.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let content: string;
let site: ServedSite;

/** Three articles of 400 sources each, and one source all three cite: 1,201 sources. */
function writeWiki(dir: string): void {
  mkdirSync(join(dir, 'notes'), { recursive: true });
  for (const name of ['alpha', 'beta', 'gamma']) {
    const notes = Array.from({ length: 400 }, (_, i) => `[^n${i}]: [${name} note ${i + 1}](https://example.org/${name}/${i + 1}), Example Press, 2024.`);
    const calls = Array.from({ length: 400 }, (_, i) => `Claim ${i + 1}.[^n${i}]`).join(' ');
    writeFileSync(
      join(dir, 'notes', `${name}.mdx`),
      `---\ntitle: ${name[0]!.toUpperCase()}${name.slice(1)} notes\n---\n\n${calls} Shared.[^shared]\n\n${notes.join('\n')}\n[^shared]: [The shared source](https://example.org/shared), Shared Press, 2025.\n`,
    );
  }
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  content = mkdtempSync(join(tmpdir(), 'wiki-sources-'));
  writeWiki(content);
  const built = buildSite(content, 'sources-pages-browser');
  expect(built.status, built.output).toBe(0);
  site = await serveSite(built.outDir);
});

test.afterAll(async () => {
  await site?.close();
  rmSync(content, { recursive: true, force: true });
});

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the sources take three pages, and the pager leads from one to the next and back', async ({ page }) => {
  await page.goto(`${site.url}/special/sources/`);
  await expect(page).toHaveTitle(/^Sources/);
  const top = page.getByRole('navigation', { name: 'Pages of this list', exact: true });
  await expect(top).toContainText('Page 1 of 3: 1–500 of 1,201');
  const items = page.locator('ol.sources > li');
  await expect(items).toHaveCount(500);
  // Most-cited first: the one source every article cites, with the three of them.
  await expect(items.first()).toContainText('The shared source');
  await expect(items.first()).toContainText('Cited 3 times in');
  await expect(items.first().locator('.source-cited-by a')).toHaveCount(3);
  await expect(top.getByText('Previous', { exact: true })).toHaveAttribute('aria-disabled', 'true');

  await top.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\/special\/sources\/2\/$/);
  await expect(page).toHaveTitle(/^Sources, page 2 of 3/);
  await expect(page.locator('ol.sources')).toHaveAttribute('start', '501');
  await expect(items).toHaveCount(500);

  const bottom = page.getByRole('navigation', { name: 'Pages of this list, at its end' });
  await bottom.getByRole('link', { name: 'Last' }).click();
  await expect(page).toHaveURL(/\/special\/sources\/3\/$/);
  await expect(page.getByRole('navigation', { name: 'Pages of this list', exact: true })).toContainText('Page 3 of 3: 1,001–1,201 of 1,201');
  await expect(items).toHaveCount(201);
  await expect(page.getByRole('navigation', { name: 'Pages of this list', exact: true }).getByText('Next', { exact: true })).toHaveAttribute(
    'aria-disabled',
    'true',
  );

  await page.getByRole('navigation', { name: 'Pages of this list', exact: true }).getByRole('link', { name: 'Previous' }).click();
  await expect(page).toHaveURL(/\/special\/sources\/2\/$/);
  await page.getByRole('navigation', { name: 'Pages of this list', exact: true }).getByRole('link', { name: 'First' }).click();
  await expect(page).toHaveURL(/\/special\/sources\/$/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a page of sources passes axe in the ${colorScheme} theme and fits 320 px`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${site.url}/special/sources/2/`);
    await expect(page.locator('ol.sources > li')).toHaveCount(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
  });
}
