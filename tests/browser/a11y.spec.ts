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
