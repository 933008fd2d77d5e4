/** Link previews on the real wiki: hover and keyboard focus show the target's preview from its small JSON; touch taps do not. */
import { expect, test, type Page } from '@playwright/test';

const ARTICLE = '/wiki/nvidia_vs_huawei_for_ai_compute/';
const TARGET = '/wiki/huawei/';

interface Preview {
  title: string;
  description: string;
}

async function expectedPreview(page: Page): Promise<Preview> {
  const response = await page.request.get('/previews/huawei.json');
  expect(response.ok()).toBe(true);
  return (await response.json()) as Preview;
}

const link = (page: Page) => page.locator(`.article-body a.wikilink[href="${TARGET}"]`).first();
const popup = (page: Page) => page.locator('#link-preview');

test('hovering over a wiki link shows its title and description, fetched from the small preview file only', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(ARTICLE);
  const expected = await expectedPreview(page);
  await expect(popup(page)).toBeHidden();

  await link(page).hover();
  await expect(popup(page)).toBeVisible();
  await expect(popup(page).locator('.link-preview-title')).toHaveText(expected.title);
  await expect(popup(page)).toContainText(expected.description.slice(0, 60));
  await expect(link(page)).toHaveAttribute('aria-describedby', 'link-preview');
  expect(requests).toContain('/previews/huawei.json');
  expect(requests).not.toContain(TARGET);

  // The popup sits next to the link, inside the window.
  const box = await popup(page).boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.x >= 0 && box.x + box.width <= viewport.width).toBe(true);

  await page.mouse.move(0, 0);
  await expect(popup(page)).toBeHidden();
});

test('focusing a wiki link with the keyboard shows its preview, and Escape closes it', async ({ page }) => {
  await page.goto(ARTICLE);
  const expected = await expectedPreview(page);
  await page.keyboard.press('Shift'); // the reader is on the keyboard
  await link(page).focus();
  await expect(popup(page)).toBeVisible();
  await expect(popup(page).locator('.link-preview-title')).toHaveText(expected.title);
  await page.keyboard.press('Escape');
  await expect(popup(page)).toBeHidden();
  await expect(link(page)).toBeFocused();
});

test('a red link says the page does not exist yet, without fetching anything', async ({ page }) => {
  const requests: string[] = [];
  await page.goto(ARTICLE);
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  // The real wiki has no red links; add one as the engine writes it (see tests/build for the markup).
  await page.evaluate(() => {
    const red = document.createElement('a');
    red.className = 'wikilink new';
    red.href = '/special/wanted/#page-tpu_v7';
    red.textContent = 'TPU v7';
    red.id = 'red-link-under-test';
    document.querySelector('.article-body p')?.append(' ', red);
  });
  await page.locator('#red-link-under-test').hover();
  await expect(popup(page)).toBeVisible();
  await expect(popup(page)).toContainText('TPU v7');
  await expect(popup(page)).toContainText('does not exist yet');
  expect(requests.filter((path) => path.startsWith('/previews/'))).toEqual([]);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('a tap follows the link and opens no preview', async ({ page }) => {
    await page.goto(ARTICLE);
    await link(page).scrollIntoViewIfNeeded();
    await Promise.all([page.waitForURL(`**${TARGET}`), link(page).tap()]);
    await page.goBack();
    await page.waitForTimeout(600); // longer than the preview's delay
    await expect(popup(page)).toBeHidden();
  });

  test('a tap that stays on the page leaves no preview in the way', async ({ page }) => {
    await page.goto(ARTICLE);
    await page.evaluate(() => document.addEventListener('click', (event) => event.preventDefault()));
    await link(page).tap();
    await page.waitForTimeout(600);
    await expect(popup(page)).toBeHidden();
  });
});
