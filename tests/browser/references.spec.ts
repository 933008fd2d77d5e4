import { expect, test, type Locator, type Page } from '@playwright/test';

const SEED = '/wiki/nvidia_vs_huawei_for_ai_compute/';

test('the seed article numbers its references by first citation; a source cited n times has n back-links', async ({ page }) => {
  await page.goto(SEED);
  const entries = page.locator('.references .reference-list > li');
  const count = await entries.count();
  expect(count).toBeGreaterThanOrEqual(10);
  const numbers = await page.locator('.article-body sup.reference a').allTextContents();
  const firstAppearance = [...new Set(numbers)];
  expect(firstAppearance).toEqual(Array.from({ length: count }, (_, i) => `[${i + 1}]`));
  // Interconnects' notes, the source the article cites most, are one entry with a back-link per citation.
  const interconnects = entries.filter({ hasText: /Notes from inside China/i });
  await expect(interconnects).toHaveCount(1);
  const id = await interconnects.getAttribute('id');
  const citations = await page.locator(`.article-body sup.reference a[href="#${id}"]`).count();
  expect(citations).toBeGreaterThanOrEqual(6);
  await expect(interconnects.locator('.reference-backlinks a')).toHaveText(Array.from({ length: citations }, (_, i) => String.fromCharCode(97 + i)));
});

/** The text of the reference entry a marker links to, as the tooltip should show it (its first words). */
async function entryTextOf(page: Page, marker: Locator): Promise<string> {
  const href = await marker.getAttribute('href');
  const text = (await page.locator(`${href} .reference-text`).first().textContent()) ?? (await page.locator(href ?? '').textContent()) ?? '';
  return text.replace(/\s+/g, ' ').trim().slice(0, 40);
}

test('hovering over a marker previews its reference without leaving the text', async ({ page }) => {
  await page.goto(SEED);
  const marker = page.locator('.article-body sup.reference a').nth(1);
  const tooltip = page.getByRole('tooltip');
  await marker.hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(await entryTextOf(page, marker));
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
  await expect(tooltip).toContainText(await entryTextOf(page, marker));
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
    await expect(tooltip).toContainText(await entryTextOf(page, marker));
    expect(new URL(page.url()).hash).toBe('');
    await page.locator('h1').tap();
    await expect(tooltip).toBeHidden();
    await marker.tap();
    await expect(tooltip).toBeVisible();
    await marker.tap();
    await expect(page).toHaveURL(new RegExp(`${await marker.getAttribute('href')}$`));
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a marker is a plain link to its entry', async ({ page }) => {
    await page.goto(SEED);
    await page.locator('.article-body sup.reference a[href="#ref-4"]').first().click();
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
  const interconnects = page.locator('ol.sources > li', { hasText: /Notes from inside China/i });
  await expect(interconnects).toContainText(/Cited (\d{2,}|[6-9]) times/);
  await expect(interconnects.getByRole('link', { name: 'Nvidia vs. Huawei for AI Compute' })).toBeVisible();
});
