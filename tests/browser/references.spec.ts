import { expect, test } from '@playwright/test';

const SEED = '/wiki/nvidia_vs_huawei_for_ai_compute/';

test('the seed article has 4 references, numbered by first citation; Interconnects has 6 back-links', async ({ page }) => {
  await page.goto(SEED);
  const entries = page.locator('.references .reference-list > li');
  await expect(entries).toHaveCount(4);
  await expect(entries.first()).toContainText('Notes from Inside China');
  await expect(entries.first().locator('.reference-backlinks a')).toHaveText(['a', 'b', 'c', 'd', 'e', 'f']);
  const numbers = await page.locator('.article-body sup.reference a').allTextContents();
  const firstAppearance = [...new Set(numbers)];
  expect(firstAppearance).toEqual(['[1]', '[2]', '[3]', '[4]']);
  expect(numbers).toHaveLength(9);
});

test('hovering over a marker previews its reference without leaving the text', async ({ page }) => {
  await page.goto(SEED);
  const marker = page.locator('.article-body sup.reference a').nth(1);
  const tooltip = page.getByRole('tooltip');
  await marker.hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('H100 Tensor GPU Technical Specifications');
  await expect(marker).toHaveAttribute('aria-describedby', 'reference-tooltip');
  expect(new URL(page.url()).hash).toBe('');
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await expect(marker).not.toHaveAttribute('aria-describedby', /./);
});

test('a marker reached with the keyboard shows its reference; Escape closes it', async ({ page }) => {
  await page.goto(SEED);
  // Tab from the link just before the first marker: the next stop is the marker.
  await page.locator('.article-body a.wikilink').first().focus();
  await page.keyboard.press('Tab');
  const marker = page.locator('.article-body sup.reference a').first();
  await expect(marker).toBeFocused();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('Notes from Inside China');
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#ref-1$/);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });
  test('the first tap previews, a tap elsewhere closes, a second tap follows the link', async ({ page }) => {
    await page.goto(SEED);
    const marker = page.locator('.article-body sup.reference a').nth(2);
    await marker.tap();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Megatron-LM');
    expect(new URL(page.url()).hash).toBe('');
    await page.locator('h1').tap();
    await expect(tooltip).toBeHidden();
    await marker.tap();
    await expect(tooltip).toBeVisible();
    await marker.tap();
    await expect(page).toHaveURL(/#ref-3$/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a marker is a plain link to its entry', async ({ page }) => {
    await page.goto(SEED);
    await page.locator('.article-body sup.reference a[href="#ref-4"]').click();
    await expect(page).toHaveURL(/#ref-4$/);
    await expect(page.locator('#ref-4')).toBeInViewport();
    await expect(page.getByRole('tooltip')).toHaveCount(0);
  });
});

test('the Sources page lists the sources cited in the wiki, with the articles citing them', async ({ page }) => {
  await page.goto('/special/sources/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sources');
  const first = page.locator('ol.sources > li').first();
  await expect(first.locator('.source-cited-by a').first()).toHaveAttribute('href', /^\/wiki\//);
  const interconnects = page.locator('ol.sources > li', { hasText: 'Notes from Inside China' });
  await expect(interconnects).toContainText('Cited 6 times');
  await expect(interconnects.getByRole('link', { name: 'Nvidia vs. Huawei for AI Compute' })).toBeVisible();
});
