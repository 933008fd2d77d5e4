/**
 * Search as a reader uses it, in Chromium, on the fixture wiki in
 * tests/fixtures/search (built once here, with its Pagefind index, and served
 * over HTTP on a free port).
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { buildSite, repoRoot } from '../helpers/build-site.ts';
import { serveSite, type ServedSite } from './search-site.ts';

// The first query of each page loads Pagefind; on a busy machine that can take seconds.
const expect = baseExpect.configure({ timeout: 15_000 });

let site: ServedSite;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const built = buildSite(join(repoRoot, 'tests/fixtures/search'), 'search-browser');
  expect(built.status, built.output).toBe(0);
  site = await serveSite(built.outDir);
});

test.afterAll(async () => {
  await site.close();
});

const box = (page: Page) => page.getByRole('combobox', { name: 'Search the wiki' });
const options = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');

/** Search code: Pagefind's bundle and our own lazily loaded search modules. */
const isSearchRequest = (url: string) => /\/pagefind\/|\/_astro\/search[-.]/.test(url);

test('reading an article fetches nothing for search until the box is focused', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${site.url}/wiki/nvidia/`);
  await page.waitForLoadState('networkidle');
  await page.mouse.wheel(0, 2000);
  await page.waitForTimeout(300);
  expect(requests.filter(isSearchRequest)).toEqual([]);

  const pagefind = page.waitForRequest((request) => request.url().endsWith('/pagefind/pagefind.js'));
  await box(page).focus();
  await pagefind;
});

test('typing shows the right article first, with its section and the words highlighted', async ({ page }) => {
  await page.goto(`${site.url}/wiki/nvidia/`);
  await box(page).fill('interconnect');
  const first = options(page).first();
  await expect(first).toContainText('Ascend 910B');
  await expect(first.locator('.search-section')).toHaveText('Interconnect');
  await expect(first.locator('mark').first()).toHaveText(/interconnect/i);
});

test('results drop down over the page, styled, with nothing refused by the Content-Security-Policy', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(`${site.url}/wiki/huawei/?highlight=shenzhen`);
  await expect(page.locator('.article-body mark.search-hit')).toHaveCSS('background-color', 'rgb(253, 230, 138)');
  await box(page).fill('interconnect');
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await expect(options(page).first()).toBeVisible();
  await expect(listbox).toHaveCSS('position', 'absolute');
  expect(refused).toEqual([]);
});

for (const width of [1280, 1024, 768, 320]) {
  test(`the results stay inside the window, none cut off at its edge (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${site.url}/wiki/nvidia/`);
    await box(page).fill('interconnect');
    await expect(options(page).first()).toBeVisible();
    const listbox = await page.getByRole('listbox', { name: 'Search results' }).boundingBox();
    expect(listbox?.x).toBeGreaterThanOrEqual(0);
    expect((listbox?.x ?? 0) + (listbox?.width ?? 0)).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test('a word in the title ranks its article above articles that only mention it', async ({ page }) => {
  await page.goto(`${site.url}/`);
  await box(page).fill('tensor');
  await expect(options(page).first()).toContainText('Tensor cores');
  await expect(options(page).nth(1)).toContainText('Nvidia');
});

test('Chinese text is found', async ({ page }) => {
  await page.goto(`${site.url}/`);
  await box(page).fill('华为');
  await expect(options(page).first()).toContainText('Huawei');
  await expect(options(page).first().locator('mark').first()).toContainText('华为');
});

test('a Chinese word inside an unbroken run of Chinese is found, shown in its run, and marked on the article', async ({ page }) => {
  // huawei.mdx: 华为技术有限公司是一家总部位于深圳的科技公司。 — 深圳 (Shenzhen) stands in the middle of the run.
  await page.goto(`${site.url}/`);
  await box(page).fill('深圳');
  const first = options(page).first();
  await expect(first).toContainText('Huawei');
  await expect(first.locator('mark').first()).toHaveText('深圳');
  await expect(first).toContainText('是一家总部位于深圳的科技'); // whole, not spaced as the index reads it
  await box(page).press('ArrowDown');
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/wiki\/huawei\//);
  await expect(page.locator('.article-body .search-hit').first()).toHaveText('深圳');
});

test('the References list is not searched', async ({ page }) => {
  await page.goto(`${site.url}/`);
  await box(page).fill('Quillfeather');
  await expect(page.locator('.search-empty')).toHaveText(/No articles match “Quillfeather”/);
  // The same word is on the page, in the footnotes.
  await page.goto(`${site.url}/wiki/huawei/`);
  await expect(page.locator('.references')).toContainText('Quillfeather');
});

test('/ focuses the box; arrows move through results, Enter opens one, Escape closes', async ({ page }) => {
  await page.goto(`${site.url}/wiki/nvidia/`);
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type('memory');
  await expect(options(page).first()).toContainText('Ascend 910B');
  await expect(box(page)).toHaveAttribute('aria-expanded', 'true');

  await page.keyboard.press('ArrowDown');
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', 'search-option-0');
  await page.keyboard.press('ArrowDown');
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toBeHidden();
  await expect(box(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(box(page)).toBeFocused();

  await page.keyboard.press('ArrowDown'); // closed: arrows do nothing
  await box(page).fill('HBM2e');
  await expect(options(page).first()).toContainText('Ascend 910B');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/wiki\/hardware\/ascend_910b\/\?highlight=hbm2e#memory$/i);
});

test('Enter without a chosen result opens the search page for words that name no article', async ({ page }) => {
  await page.goto(`${site.url}/`);
  await box(page).fill('chinese');
  await expect(options(page).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=chinese$/);
  await expect(page.locator('.search-result').first()).toBeVisible();
});

test('a title typed as it is comes first, then titles that start with it, then full-text results, each article once', async ({ page }) => {
  await page.goto(`${site.url}/wiki/tensor_cores/`);
  await box(page).fill('Nvidia');
  await expect(options(page).first()).toHaveText('Go to Nvidia');
  await expect(options(page).first()).toHaveAttribute('href', '/wiki/nvidia/');
  await expect(page.getByRole('status').filter({ hasText: 'Article Nvidia.' })).toHaveCount(1);
  // Tensor cores mentions Nvidia: a full-text result; Nvidia itself is not listed twice.
  await expect(options(page).nth(1)).toContainText('Tensor cores');
  await expect(options(page).filter({ hasText: /^Nvidia/ })).toHaveCount(0);

  await box(page).fill('ascend');
  await expect(options(page).first()).toHaveText('Go to Ascend 910B');
  await box(page).fill('hardware:ascend_910b');
  await expect(options(page).first()).toHaveText('Go to Ascend 910B');
  await box(page).fill('昇腾'); // a Chinese alias
  await expect(options(page).first()).toHaveText('Go to Ascend 910B — 昇腾');
});

test('Enter on a title, an alias or a page id opens the article', async ({ page }) => {
  for (const [query, url] of [
    ['huawei', /\/wiki\/huawei\/$/],
    ['Tensor Cores', /\/wiki\/tensor_cores\/$/],
    ['hardware:ascend_910b', /\/wiki\/hardware\/ascend_910b\/$/],
    ['昇腾', /\/wiki\/hardware\/ascend_910b\/$/],
  ] as const) {
    await page.goto(`${site.url}/`);
    await box(page).fill(query);
    await box(page).press('Enter'); // at once: the box waits for the title index if it must
    await expect(page, query).toHaveURL(url);
  }
});

test('arrows move through the Go to suggestions as through results', async ({ page }) => {
  await page.goto(`${site.url}/`);
  await box(page).pressSequentially('tens');
  await expect(options(page).first()).toHaveText('Go to Tensor cores');
  await expect(page.getByRole('status').filter({ hasText: /1 title\./ })).toHaveCount(1);
  await box(page).press('ArrowDown');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', 'search-option-go-0');
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/wiki\/tensor_cores\/$/);
});

test('a typo gets "Did you mean" in the box, one click away, and a near title to go to', async ({ page }) => {
  await page.goto(`${site.url}/`);
  await box(page).fill('nvidai');
  await expect(options(page).first()).toHaveText('Did you mean Nvidia?');
  await expect(options(page).nth(1)).toHaveText('Go to Nvidia');
  await expect(page.getByRole('status').filter({ hasText: 'Did you mean Nvidia?' })).toHaveCount(1);
  await options(page).first().click();
  await expect(box(page)).toHaveValue('Nvidia');
  await expect(box(page)).toBeFocused();
  await expect(options(page).first()).toHaveText('Go to Nvidia');

  // A word of the text, not of a title; chosen with the keyboard.
  await box(page).fill('interconect');
  await expect(options(page).first()).toHaveText('Did you mean interconnect?');
  await box(page).press('ArrowDown');
  await box(page).press('Enter');
  await expect(box(page)).toHaveValue('interconnect');
  await expect(options(page).first()).toContainText('Ascend 910B');
  await expect(options(page).filter({ hasText: 'Did you mean' })).toHaveCount(0);
});

test('the title index and vocabulary load with search only, a piece at a time: words typed right fetch no vocabulary', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${site.url}/wiki/nvidia/`);
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => /^\/search-(titles|words)\//.test(path))).toEqual([]);

  await box(page).fill('interconnect');
  await expect(options(page).first()).toContainText('Ascend 910B');
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => path.startsWith('/search-titles/'))).toHaveLength(2); // the manifest and the one piece
  expect(fetched.filter((path) => path.startsWith('/search-words/'))).toEqual([]);

  await box(page).fill('interconect');
  await expect(options(page).first()).toHaveText('Did you mean interconnect?');
  expect(fetched.filter((path) => path.startsWith('/search-words/'))).toHaveLength(2); // its manifest and the piece of "i"
});

test('the search page puts the article a query names first, and offers "Did you mean" for a typo', async ({ page }) => {
  await page.goto(`${site.url}/search/?q=tensor%20cores`);
  await expect(page.locator('.search-result h2').first()).toHaveText('Tensor cores');
  await page.goto(`${site.url}/search/?q=nvidia`);
  const titles = page.locator('.search-result h2');
  await expect(titles.first()).toHaveText('Nvidia');
  expect((await titles.allInnerTexts()).filter((t) => t === 'Nvidia')).toHaveLength(1);

  await page.goto(`${site.url}/search/?q=precison`);
  const suggestion = page.locator('.search-suggestion');
  await expect(suggestion).toHaveText('Did you mean precision?');
  await suggestion.getByRole('link', { name: 'precision' }).click();
  await expect(page).toHaveURL(/\?q=precision$/);
  await expect(titles.first()).toHaveText('Tensor cores');
  await expect(suggestion).toBeHidden();
});

test('the search page shows full results for a shared address, filtered by tag', async ({ page }) => {
  await page.goto(`${site.url}/search/?q=huawei`);
  await expect(page.getByRole('searchbox', { name: 'Words to search for' })).toHaveValue('huawei');
  const titles = page.locator('.search-result h2');
  await expect(titles).toHaveCount(3);
  await expect(titles.first()).toHaveText('Huawei');
  await expect(page.locator('.search-summary')).toHaveText('3 articles match “huawei”.');

  await page.getByRole('checkbox', { name: /hardware/ }).check();
  await expect(titles).toHaveText(['Ascend 910B']);
  await expect(page).toHaveURL(/\?q=huawei&tag=hardware$/);
  await expect(page.getByRole('checkbox', { name: /hardware/ })).toBeFocused();

  await page.getByRole('checkbox', { name: /hardware/ }).uncheck();
  await page.getByRole('checkbox', { name: /company/ }).check();
  await expect(titles).toHaveCount(2);
  expect((await titles.allInnerTexts()).sort()).toEqual(['Huawei', 'Nvidia']);

  await page.getByRole('searchbox', { name: 'Words to search for' }).fill('interconnect');
  await expect(page.locator('.search-summary')).toHaveText(/No articles tagged company match “interconnect”/);
  await expect(titles).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Words to search for' }).fill('');
  await expect(page.locator('.search-summary')).toHaveText('2 articles tagged company.');
});

test('the search page offers only the tags that have results, with counts, most first', async ({ page }) => {
  const offered = async () =>
    (await page.locator('.search-filters label').allInnerTexts()).map((text) => {
      const match = /^(.*) \((\d+)\)$/.exec(text.trim());
      return { tag: match?.[1] ?? text, count: Number(match?.[2]) };
    });
  await page.goto(`${site.url}/search/`);
  await expect(page.locator('.search-filters label').first()).toBeVisible();
  const everyTag = await offered();
  await page.goto(`${site.url}/search/?q=huawei`);
  await expect(page.locator('.search-summary')).toHaveText('3 articles match “huawei”.');
  const forHuawei = await offered();
  expect(forHuawei.map(({ tag }) => tag).sort()).toEqual(everyTag.map(({ tag }) => tag).sort());
  expect(forHuawei.every(({ count }) => count > 0)).toBe(true);
  expect(forHuawei.map(({ count }) => count)).toEqual(forHuawei.map(({ count }) => count).sort((a, b) => b - a));
  expect(forHuawei.find(({ tag }) => tag === 'company')?.count).toBe(2);
  // A ticked tag stays offered, at (0), when the words change so that it has no results, so that it can be unticked.
  await page.getByRole('checkbox', { name: /company/ }).check();
  await page.getByRole('searchbox', { name: 'Words to search for' }).fill('interconnect');
  await expect(page.locator('.search-summary')).toHaveText(/No articles tagged company match “interconnect”/);
  await expect(page.getByRole('checkbox', { name: 'company (0)' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'company (0)' }).click(); // unticked, it leaves the list (so not uncheck(), which checks the box after)
  // Words found only under some tags offer only those.
  await expect(page.getByRole('checkbox', { name: /^company/ })).toHaveCount(0);
  await expect(page.locator('.search-filters label', { hasText: '(0)' })).toHaveCount(0);
  const forInterconnect = await offered();
  expect(forInterconnect.length).toBeLessThan(everyTag.length);
  expect(forInterconnect.every(({ count }) => count > 0)).toBe(true);
});

test('the search page explains an empty result', async ({ page }) => {
  await page.goto(`${site.url}/search/?q=zeppelinfrobnicate`);
  await expect(page.locator('.search-summary')).toHaveText(/No articles match “zeppelinfrobnicate”\. Try fewer or shorter words/);
  await expect(page.locator('.search-summary').getByRole('link', { name: 'all pages' })).toHaveAttribute('href', '/special/all-pages/');
});

test('following a result highlights the words on the article and lands on the section', async ({ page }) => {
  await page.goto(`${site.url}/search/?q=HBM2e`);
  await page.locator('.search-result').first().getByRole('link', { name: 'Memory' }).click();
  await expect(page).toHaveURL(/\/wiki\/hardware\/ascend_910b\/\?highlight=hbm2e#memory$/i);
  const hit = page.locator('.article-body mark.search-hit');
  await expect(hit).toHaveText(['HBM2e']);
  await expect(hit).toBeInViewport();
  await expect(page.locator('#memory')).toBeInViewport();
});

test('typing letter by letter fetches excerpts for the finished word only, and the same word again fetches none', async ({ page }) => {
  await page.goto(`${site.url}/wiki/nvidia/`);
  await page.waitForLoadState('networkidle');
  const fragments = new Set<string>();
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/fragment/')) fragments.add(request.url());
  });
  // A quick typist: 40 ms between keys, shorter than the box's pause before it fetches new excerpts.
  // "te…" matches every article; "tensor" fewer: only their excerpts are fetched.
  await box(page).pressSequentially('tensor', { delay: 40 });
  await expect(options(page).first()).toContainText('Tensor');
  const shown = (await options(page).count()) - 1; // the last option leads to the search page
  expect(shown).toBeLessThan(4);
  expect(fragments.size).toBe(shown);

  fragments.clear();
  await box(page).fill('');
  await box(page).pressSequentially('tensor');
  await expect(options(page).first()).toContainText('Tensor');
  const drawn = await page.evaluate(() => performance.getEntriesByName('search: keystroke to results drawn').at(-1)?.duration ?? Infinity);
  expect([...fragments]).toEqual([]);
  expect(drawn).toBeLessThan(1000);
});

test('a word of one or two letters is searched once the reader stops typing there, not on the way to a longer word', async ({ page }) => {
  await page.goto(`${site.url}/wiki/nvidia/`);
  await page.waitForLoadState('networkidle');
  // "te" left alone: searched after the box's pause (SHORT_WORD_PAUSE_MS, 200 ms), then shown like any query.
  await box(page).pressSequentially('te');
  await expect(options(page).first()).toContainText('Tensor');
  const drawn = await page.evaluate(() => performance.getEntriesByName('search: keystroke to results drawn').at(-1)?.duration ?? 0);
  expect(drawn).toBeGreaterThanOrEqual(200);
});
