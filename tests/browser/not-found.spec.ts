/** The 404 page's search form reads as a form: its label above, the box and its button side by side, each big enough to hit. */
import { expect, test } from '@playwright/test';
import { MISSING_PAGE } from './reading-pages.ts';

for (const width of [1280, 320]) {
  test(`the 404 page's search form at ${width} px: label above, box and button on one row`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(MISSING_PAGE);
    const form = page.getByRole('search', { name: 'Search for this page' });
    const label = form.getByText('Search the wiki');
    const box = form.getByRole('searchbox', { name: 'Search the wiki' });
    const button = form.getByRole('button', { name: 'Search' });
    const [l, b, s] = await Promise.all([label.boundingBox(), box.boundingBox(), button.boundingBox()]);
    if (!l || !b || !s) throw new Error('the form is not visible');
    expect(l.y + l.height).toBeLessThanOrEqual(b.y + 1);
    expect(Math.abs(s.y - b.y)).toBeLessThanOrEqual(2);
    expect(s.x).toBeGreaterThanOrEqual(b.x + b.width);
    expect(b.height).toBeGreaterThanOrEqual(24);
    expect(s.height).toBeGreaterThanOrEqual(24);
    await expect(box).toHaveValue('no such page for the reading tests');
    await box.fill('nvidia');
    await button.click();
    await expect(page).toHaveURL(/\/search\/\?q=nvidia$/);
  });
}
