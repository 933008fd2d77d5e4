/** Random article, alias redirects and the 404 page's suggestions, on the real wiki in Chromium. */
import { expect, test } from '@playwright/test';

test('Random article lands on an article', async ({ page }) => {
  await page.goto('/');
  await Promise.all([page.waitForURL(/\/wiki\/.+\/$/), page.getByRole('link', { name: 'Random article' }).click()]);
  const path = new URL(page.url()).pathname;
  await expect(page.locator('article h1')).toBeVisible();
  // It is one of the articles of All pages.
  await page.goto('/special/all-pages/');
  await expect(page.locator(`main a.wikilink[href="${path}"]`)).toHaveCount(1);
});

test('Random article does not stay in the history', async ({ page }) => {
  await page.goto('/special/all-pages/');
  await page.goto('/special/random/');
  await page.waitForURL(/\/wiki\/.+\/$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/special\/all-pages\/$/);
});

test('an alias redirects to its article', async ({ page }) => {
  await page.goto('/wiki/huawei_technologies/');
  await page.waitForURL(/\/wiki\/huawei\/$/);
  await expect(page.locator('article h1')).toHaveText('Huawei');
});

test('a mistyped article address suggests the article it meant, and fills the search box', async ({ page }) => {
  const response = await page.goto('/wiki/huawie/');
  expect(response?.status()).toBe(404);
  const suggestions = page.getByRole('region', { name: 'Did you mean' });
  await expect(suggestions.getByRole('link', { name: 'Huawei', exact: true })).toHaveAttribute('href', '/wiki/huawei/');
  await expect(page.getByRole('search', { name: 'Search for this page' }).getByRole('searchbox')).toHaveValue('huawie');
});
