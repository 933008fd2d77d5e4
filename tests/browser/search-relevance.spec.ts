/**
 * Relevance you can measure (issue 21): the wiki's own content (content/, built and served by the
 * Playwright web server) searched as a reader does, through the header box and the search page in
 * Chromium, Pagefind and the title layer together. Reports the mean reciprocal rank of the article each
 * query must find first (and fails below 0.9), and which required articles missed the top three.
 */
import { expect, test, type Page } from '@playwright/test';
import { idFromUrl } from '../../src/model/ids.ts';
import { mean, RELEVANCE_CASES, report, score } from './search-relevance-cases.ts';

const DRAWN = 'search: keystroke to results drawn';

/** The articles the header box lists for `query`, in order: "Go to" suggestions, then full-text results. */
async function boxRanking(page: Page, query: string): Promise<string[]> {
  const box = page.getByRole('combobox', { name: 'Search the wiki' });
  await box.fill('');
  await page.evaluate((name) => performance.clearMeasures(name), DRAWN);
  await box.fill(query);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, DRAWN, { timeout: 15_000 });
  const hrefs = await page
    .locator('#search-listbox [role="option"]')
    .evaluateAll((options) => options.filter((o) => /^search-option-(go-)?\d+$/.test(o.id)).map((o) => new URL((o as HTMLAnchorElement).href).pathname));
  return hrefs.map((href) => idFromUrl(href)).filter((id) => id !== '');
}

/** The articles the search page lists for `query`, in order. */
async function pageRanking(page: Page, query: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
  const hrefs = await page.locator('.search-result h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.map((href) => idFromUrl(href)).filter((id) => id !== '');
}

test('the header box ranks the article each query names or is about first: mean reciprocal rank ≥ 0.9', async ({ page }) => {
  test.setTimeout(180_000);
  expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(40);
  await page.goto('/');
  const ranked = new Map<string, string[]>();
  for (const c of RELEVANCE_CASES) ranked.set(c.query, await boxRanking(page, c.query));
  const results = score(RELEVANCE_CASES, ranked);
  console.log(`header box:\n${report(results)}`);
  expect(mean(results.map((r) => r.reciprocalRank))).toBeGreaterThanOrEqual(0.9);
  const required = RELEVANCE_CASES.reduce((sum, c) => sum + 1 + (c.top3?.length ?? 0), 0);
  const missing = results.reduce((sum, r) => sum + r.missingFromTop3.length, 0);
  expect(1 - missing / required, 'share of required articles found in the top three').toBeGreaterThanOrEqual(0.9);
  // Every title, alias and Chinese name is found first: these are what the title layer is for.
  expect(results.filter((r) => ['title', 'alias', 'chinese'].includes(r.kind) && r.reciprocalRank < 1).map((r) => r.query)).toEqual([]);
});

test('the search page puts the article a title or alias names first too', async ({ page }) => {
  test.setTimeout(180_000);
  const cases = RELEVANCE_CASES.filter((c) => c.kind !== 'misspelling');
  const ranked = new Map<string, string[]>();
  for (const c of cases) ranked.set(c.query, await pageRanking(page, c.query));
  const results = score(cases, ranked);
  console.log(`search page:\n${report(results)}`);
  expect(results.filter((r) => ['title', 'alias', 'chinese'].includes(r.kind) && r.reciprocalRank < 1).map((r) => r.query)).toEqual([]);
  expect(mean(results.map((r) => r.reciprocalRank))).toBeGreaterThanOrEqual(0.9);
});
