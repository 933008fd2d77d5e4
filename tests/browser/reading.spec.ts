import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { articles, pageKinds, SEED_ARTICLE } from './reading-pages.ts';

const DARK_BACKGROUND = 'rgb(16, 20, 24)';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';
const SCREENSHOTS = 'test-results/screenshots';

/** The page's background, as painted. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/**
 * Records the theme when `<body>` first appears, before anything can be
 * painted, and the background at the first animation frame (just before the
 * first paint): a flash of the wrong theme shows up in either.
 */
async function recordFirstPaint(page: Page) {
  await page.addInitScript(() => {
    const record: { theme?: string; background?: string } = {};
    Object.assign(window, { firstPaint: record });
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      record.theme = document.documentElement.dataset['theme'] ?? 'system';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
    requestAnimationFrame(() => {
      record.background = getComputedStyle(document.documentElement).backgroundColor;
    });
  });
}
const firstPaint = (page: Page) => page.evaluate(() => (window as unknown as { firstPaint: { theme?: string; background?: string } }).firstPaint);

test.describe('themes', () => {
  test('the toggle switches to dark, and the choice holds on the next page and after reload with no flash', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await recordFirstPaint(page);
    await page.goto(SEED_ARTICLE);
    expect(await background(page)).toBe(LIGHT_BACKGROUND);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await background(page)).toBe(DARK_BACKGROUND);

    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'All pages' }).click();
    await expect(page).toHaveURL(/\/special\/all-pages\/$/);
    expect(await firstPaint(page)).toEqual({ theme: 'dark', background: DARK_BACKGROUND });
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');

    await page.reload();
    expect(await firstPaint(page)).toEqual({ theme: 'dark', background: DARK_BACKGROUND });

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.goto('/');
    expect(await firstPaint(page)).toEqual({ theme: 'light', background: LIGHT_BACKGROUND });
  });

  test('with no choice made, the theme follows the system setting', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await recordFirstPaint(page);
    await page.goto(SEED_ARTICLE);
    expect(await firstPaint(page)).toEqual({ theme: 'system', background: DARK_BACKGROUND });
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await background(page)).toBe(LIGHT_BACKGROUND);
    await page.reload();
    expect(await background(page)).toBe(LIGHT_BACKGROUND);
  });
});

test.describe('table of contents', () => {
  test('on a wide screen it stays beside the text and marks the section being read', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(SEED_ARTICLE);
    const toc = page.getByRole('navigation', { name: 'Contents' });
    const body = page.locator('.article-body');
    await expect(toc.getByRole('link').first()).toBeVisible();
    const [tocBox, bodyBox] = [await toc.boundingBox(), await body.boundingBox()];
    expect(tocBox?.x).toBeGreaterThanOrEqual((bodyBox?.x ?? 0) + (bodyBox?.width ?? 0));

    for (const section of ['Inference Workload Characteristics', 'Comparative Technical Considerations']) {
      await page.getByRole('heading', { level: 2, name: section }).evaluate((h) => h.scrollIntoView());
      await expect(toc.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'location');
      await expect(toc.locator('a[aria-current]')).toHaveCount(1);
      await expect(toc).toBeInViewport();
    }
  });

  test('on a phone it is folded and opens on a tap', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(SEED_ARTICLE);
    const toc = page.getByRole('navigation', { name: 'Contents' });
    const first = toc.getByRole('link', { name: 'Training Workload Performance' });
    await expect(first).toBeHidden();
    await toc.getByText('Contents').click();
    await expect(first).toBeVisible();
  });
});

test.describe('small screens', () => {
  for (const width of [320, 375]) {
    test(`at ${width} px no page scrolls sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: 740 });
      for (const kind of pageKinds()) {
        await page.goto(kind.path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${kind.path} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
      }
    });
  }
});

test('at 320 px no article scrolls sideways, and wide tables scroll inside their own box', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 740 });
  const all = articles();
  expect(
    all.some((a) => a.hasTable),
    'the wiki has an article with a table to check',
  ).toBe(true);
  for (const article of all) {
    await page.goto(article.path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${article.path} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
    if (!article.hasTable) continue;
    const table = page.locator('.article-body table').first();
    const scrolls = await table.evaluate((t) => t.scrollWidth > t.clientWidth && getComputedStyle(t).overflowX === 'auto');
    const fits = await table.evaluate((t) => t.scrollWidth <= t.clientWidth);
    expect(scrolls || fits, `${article.path}: a table wider than the screen scrolls in its box`).toBe(true);
  }
});

/** Where the main page's topics stand: each heading's and list's left edge and top, and how many boxes each list is cut into. */
function topicBoxes(page: Page) {
  return page.locator('.articles-by-topic').evaluate((list) =>
    [...list.querySelectorAll(':scope > h3')].map((heading) => {
      const items = heading.nextElementSibling as HTMLElement;
      const [h, l] = [heading.getBoundingClientRect(), items.getBoundingClientRect()];
      return {
        topic: heading.textContent,
        headingLeft: h.left,
        headingBottom: h.bottom,
        listLeft: l.left,
        listTop: l.top,
        listBoxes: items.getClientRects().length,
      };
    }),
  );
}

test('the main page sets its topics side by side on a wide screen, each heading with its whole list, and in one column on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const wide = await topicBoxes(page);
  expect(wide.length).toBeGreaterThan(10);
  expect(new Set(wide.map((topic) => Math.round(topic.headingLeft))).size).toBeGreaterThanOrEqual(2);
  for (const topic of wide) {
    // In the heading's column, right under it, and not cut between two columns.
    expect(Math.abs(topic.listLeft - topic.headingLeft), `${topic.topic}`).toBeLessThan(5);
    expect(topic.listTop - topic.headingBottom, `${topic.topic}`).toBeGreaterThanOrEqual(0);
    expect(topic.listTop - topic.headingBottom, `${topic.topic}`).toBeLessThan(16);
    expect(topic.listBoxes, `${topic.topic}`).toBe(1);
  }
  await page.setViewportSize({ width: 320, height: 700 });
  const narrow = await topicBoxes(page);
  expect(new Set(narrow.map((topic) => Math.round(topic.headingLeft))).size).toBe(1);
});

test('a line of body text holds about 60–75 characters on a wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(SEED_ARTICLE);
  const lines = await page
    .locator('.article-body > p')
    .first()
    .evaluate((p) => {
      // Count the characters on each line box of the paragraph.
      const counts = new Map<number, number>();
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < (node.textContent ?? '').length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          counts.set(top, (counts.get(top) ?? 0) + 1);
        }
      }
      return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([, count]) => count);
    });
  const full = lines.slice(0, -1); // the last line of a paragraph is short
  expect(full.length).toBeGreaterThan(2);
  const average = full.reduce((sum, n) => sum + n, 0) / full.length;
  test.info().annotations.push({ type: 'characters per line', description: average.toFixed(1) });
  expect(average).toBeGreaterThanOrEqual(60);
  expect(average).toBeLessThanOrEqual(75);
});

test('the seed article weighs at most 20 KB of HTML and CSS, gzipped', async ({ page, request }) => {
  await page.goto(SEED_ARTICLE);
  const styles = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  const bodies = await Promise.all([SEED_ARTICLE, ...styles].map(async (url) => (await request.get(url)).body()));
  const gzipped = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  test.info().annotations.push({ type: 'seed article HTML+CSS gzipped', description: `${gzipped} bytes` });
  console.log(`seed article HTML+CSS gzipped: ${gzipped} bytes`);
  expect(gzipped).toBeLessThanOrEqual(20 * 1024);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  test('the article reads in full, contents open, with no useless toggle', async ({ page }) => {
    await page.goto(SEED_ARTICLE);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.article-body p').first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Supply Chain Constraints and Adoption' })).toBeVisible();
    await expect(page.locator('.theme-toggle')).toBeHidden();
  });
});

test('printed, the article has no navigation and shows the address of each cited source', async ({ page }) => {
  await page.goto(SEED_ARTICLE);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeHidden();
  const source = page.getByRole('region', { name: 'References' }).locator('a[href^="http"]').first();
  await expect(source).toBeVisible();
  const href = await source.getAttribute('href');
  const printed = await source.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(printed).toContain(href ?? 'an address');
});

test.describe('screenshots for people to look at', () => {
  for (const width of [375, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${width} px, ${colorScheme}`, async ({ page }) => {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        for (const [name, path] of [
          ['article', SEED_ARTICLE],
          ['main-page', '/'],
        ] as const) {
          await page.goto(path);
          // The first screen as a reader sees it, and the whole page.
          for (const [suffix, fullPage] of [
            ['first-screen', false],
            ['full', true],
          ] as const) {
            const file = `${SCREENSHOTS}/${name}-${width}-${colorScheme}-${suffix}.png`;
            await page.screenshot({ path: file, fullPage });
            await test.info().attach(`${name}-${width}-${colorScheme}-${suffix}`, { path: file, contentType: 'image/png' });
          }
        }
      });
    }
  }
});
