import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { pageKinds } from './reading-pages.ts';

// WCAG 2.2 AA and axe's best practices, on every kind of page, in both themes.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    for (const kind of pageKinds()) {
      test(`axe finds no violations on the ${kind.name} (${kind.path})`, async ({ page }) => {
        await page.goto(kind.path);
        await expect(page.locator('main h1')).toBeVisible();
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(summary).toEqual([]);
      });
    }
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in open search results: Go to, Did you mean, full text, and the search page (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    const box = page.getByRole('combobox', { name: 'Search the wiki' });
    // A typo: "Did you mean", a title to go to, and full-text results, the first option active.
    await box.fill('nvidai');
    await expect(page.locator('#search-option-go-0')).toBeVisible();
    await box.press('ArrowDown');
    const inBox = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(inBox.violations.map((v) => `box: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    await page.goto('/search/?q=quantizaton');
    await expect(page.locator('.search-suggestion')).toBeVisible();
    await expect(page.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations.map((v) => `search page: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });
}

test('the 404 page is served with status 404', async ({ page }) => {
  const missing = pageKinds().find((kind) => kind.name === '404 page');
  const response = await page.goto(missing?.path ?? '/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('the first Tab reaches a visible skip link that leads to the content', async ({ page }) => {
  await page.goto(pageKinds()[0]?.path ?? '/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await skip.press('Enter');
  await expect(page).toHaveURL(/#content$/);
});

test('every page has the landmarks a screen reader jumps between', async ({ page }) => {
  for (const kind of pageKinds()) {
    await page.goto(kind.path);
    await expect(page.getByRole('banner'), kind.path).toHaveCount(1);
    await expect(page.getByRole('main'), kind.path).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), kind.path).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Site' }), kind.path).toHaveCount(1);
  }
});
