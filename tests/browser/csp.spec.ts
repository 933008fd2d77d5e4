/**
 * The Content-Security-Policy in a real browser, on the bad-input case whose
 * title, description, tags and link text are HTML and script
 * (tests/fixtures/bad/html-in-text): nothing from content runs, our own
 * scripts do, and an inline handler slipped into the page is refused.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { buildSite, repoRoot } from '../helpers/build-site.ts';
import { serveSite, type ServedSite } from './search-site.ts';

let site: ServedSite;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const built = buildSite(join(repoRoot, 'tests/fixtures/bad/html-in-text'), 'csp-browser');
  expect(built.status, built.output).toBe(0);
  site = await serveSite(built.outDir);
});

test.afterAll(async () => {
  await site.close();
});

for (const path of ['/wiki/html_in_text/', '/special/all-pages/', '/search/?q=quotes', '/no-such-page/']) {
  test(`${path}: no script from content runs, ours run, and the policy refuses nothing of ours`, async ({ page }) => {
    const dialogs: string[] = [];
    const refused: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState('networkidle');
    // ThemeInit's inline script, allowed by its hash, ran before first paint.
    await expect(page.locator('html')).toHaveClass(/\bjs\b/);
    expect(dialogs).toEqual([]);
    expect(refused).toEqual([]);
  });
}

test('an inline event handler that reaches the page anyway is refused', async ({ page }) => {
  await page.goto(`${site.url}/wiki/html_in_text/`);
  const ran = await page.evaluate(async () => {
    const image = document.createElement('img');
    image.setAttribute('onerror', 'window.__handlerRan = true');
    image.src = '/no-such-image.png';
    document.body.append(image);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return (window as unknown as { __handlerRan?: boolean }).__handlerRan === true;
  });
  expect(ran).toBe(false);
});

test("search works under the policy (Pagefind's WebAssembly is allowed)", async ({ page }) => {
  await page.goto(`${site.url}/wiki/html_in_text/`);
  await page.getByRole('combobox', { name: 'Search the wiki' }).fill('external');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('quotes', { timeout: 15_000 });
});
