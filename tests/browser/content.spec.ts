import { expect, test } from '@playwright/test';

test('every See also link of the seed article leads to a real article', async ({ page }) => {
  await page.goto('/wiki/nvidia_vs_huawei_for_ai_compute/');
  const links = page.locator(
    "xpath=//h2[contains(translate(., 'ALSOE', 'alsoe'), 'see also')]/following-sibling::*[self::ul or self::ol][1]//a[contains(concat(' ', @class, ' '), ' wikilink ')]",
  );
  const targets = await links.evaluateAll((anchors) =>
    anchors.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '', red: a.classList.contains('new') })),
  );
  expect(targets.map((t) => t.href)).toEqual(['/wiki/huawei/', '/wiki/nvidia_gpus/', '/wiki/nvidia_robotics/']);
  expect(targets.every((t) => !t.red)).toBe(true);
  for (const target of targets) {
    await page.goto('/wiki/nvidia_vs_huawei_for_ai_compute/');
    await page.locator(`.article-body a.wikilink[href="${target.href}"]`).last().click();
    await expect(page).toHaveURL(new RegExp(`${target.href}$`));
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Wanted pages|not found/i);
    await expect(page.locator('.article-body')).toContainText(/\w{3,}/);
  }
});

test('the main page features the seed article and lists articles by topic', async ({ page }) => {
  await page.goto('/');
  const featured = page.locator('.featured-article a.wikilink');
  await expect(featured).toHaveAttribute('href', '/wiki/nvidia_vs_huawei_for_ai_compute/');
  await expect(page.getByRole('heading', { name: 'Articles by topic' })).toBeVisible();
  expect(await page.locator('main a.wikilink[href^="/wiki/"]').count()).toBeGreaterThanOrEqual(13);
});
