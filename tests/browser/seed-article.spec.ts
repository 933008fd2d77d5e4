import { expect, test } from '@playwright/test';

test('the seed article shows its sections and follows a wiki link', async ({ page }) => {
  await page.goto('/wiki/nvidia_vs_huawei_for_ai_compute/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nvidia vs. Huawei for AI Compute');
  for (const section of [
    'Training Workload Performance',
    'Inference Workload Characteristics',
    'Supply Chain Constraints and Adoption',
    'Comparative Technical Considerations',
    'See Also',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  const link = page.locator('.article-body a.wikilink', { hasText: 'Huawei' }).first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/(wiki\/huawei\/|special\/wanted\/#page-huawei)$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href?.replace(/[/#]/g, '\\$&')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Huawei|Wanted pages/);
});

test('a heading anchor links to its section', async ({ page }) => {
  await page.goto('/wiki/nvidia_vs_huawei_for_ai_compute/#supply-chain-constraints-and-adoption');
  await expect(page.locator('#supply-chain-constraints-and-adoption')).toBeInViewport();
});
