/**
 * A team's own wiki in Chromium: its history page, its edit link and its Cite this page box, on a fixture wiki
 * built here from a git repository made here (two authors, a rename; tests/helpers/git-wiki.ts), in both themes,
 * with axe and at 320 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { buildSite } from '../helpers/build-site.ts';
import { AUTHORS, makeGitWiki, type GitWiki } from '../helpers/git-wiki.ts';
import { serveSite, type ServedSite } from './search-site.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const CONFIG = `title: Birdwatch Wiki
tagline: Every bird of the valley, with sources.
language: en
site: https://birds.example.org
repository: { url: https://github.com/birds/wiki, branch: main }
license: CC BY-SA 4.0
`;

let wiki: GitWiki;
let site: ServedSite;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  wiki = makeGitWiki({ config: CONFIG });
  const built = buildSite(wiki.content, 'adopt-browser');
  expect(built.status, built.output).toBe(0);
  site = await serveSite(built.outDir);
});

test.afterAll(async () => {
  await site.close();
});

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the history page lists each change and the latest one word by word; axe finds nothing', async ({ page }) => {
      await page.goto(`${site.url}/special/history/voegel/meise/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('History of Kohlmeise');
      const changes = page.locator('.history-list > li');
      await expect(changes).toHaveCount(3);
      await expect(changes.first()).toContainText(`March 5, 2026 ${AUTHORS.ada.name}`);
      await expect(changes.first()).toContainText('4 lines added, 0 removed');
      await expect(changes.nth(1)).toContainText('renamed from kohlmeise.mdx');
      await expect(changes.first().getByRole('link', { name: `commit ${(wiki.commits[3] ?? '').slice(0, 7)}` })).toHaveAttribute(
        'href',
        `https://github.com/birds/wiki/commit/${wiki.commits[3] ?? ''}`,
      );
      await expect(page.getByRole('heading', { name: 'Latest change' })).toBeVisible();
      await expect(page.locator('.word-diff ins').first()).toContainText('Nahrung');
      await page.getByRole('link', { name: 'Back to the article' }).click();
      await expect(page).toHaveURL(/\/wiki\/voegel\/meise\/$/);
      await page.goBack();
      expect(await axe(page)).toEqual([]);
    });

    test('an article links its last update to its history, and offers an edit link; axe finds nothing', async ({ page }) => {
      await page.goto(`${site.url}/wiki/voegel/meise/`);
      const edit = page.getByRole('link', { name: 'Edit this page' });
      await expect(edit).toHaveAttribute('href', 'https://github.com/birds/wiki/edit/main/wiki/voegel/meise.mdx');
      await page.getByRole('link', { name: 'Last updated March 5, 2026' }).click();
      await expect(page).toHaveURL(/\/special\/history\/voegel\/meise\/$/);
      await page.goBack();
      expect(await axe(page)).toEqual([]);
    });

    test('Cite this page opens from the keyboard, shows the citation and BibTeX with the revision; axe finds nothing', async ({ page }) => {
      await page.goto(`${site.url}/wiki/voegel/meise/`);
      const summary = page.getByText('Cite this page', { exact: true });
      const box = page.locator('.cite-page-body');
      await expect(box).toBeHidden();
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(box).toBeVisible();
      await expect(box.getByRole('heading', { name: 'Citation (Vancouver)' })).toBeVisible();
      await expect(box.locator('.cite-text')).toHaveText(
        'Birdwatch Wiki contributors. Kohlmeise [Internet]. Birdwatch Wiki. 2026. Available from: https://birds.example.org/wiki/voegel/meise/',
      );
      await expect(box.locator('.cite-bibtex')).toContainText('@misc{Birdwatch_Wiki:voegel:meise,');
      const revision = box.getByRole('link', { name: `Revision ${(wiki.commits[3] ?? '').slice(0, 7)} of March 5, 2026` });
      await expect(revision).toHaveAttribute('href', `https://github.com/birds/wiki/blob/${wiki.commits[3] ?? ''}/wiki/voegel/meise.mdx`);
      expect(await axe(page)).toEqual([]);
    });
  });
}

test('the copy buttons copy the citation', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  await page.goto(`${site.url}/wiki/amsel/`);
  await page.getByText('Cite this page', { exact: true }).click();
  const copy = page.locator('.cite-page-entry').nth(1).locator('button.copy-button');
  await expect(copy).toHaveText('Copy');
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@misc\{Birdwatch_Wiki:amsel,[\s\S]*\}$/);
});

test('at 320 px the history page and an article with its citation open do not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto(`${site.url}/special/history/voegel/meise/`);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await page.goto(`${site.url}/wiki/voegel/meise/`);
  await page.getByText('Cite this page', { exact: true }).click();
  await expect(page.locator('.cite-page-body')).toBeVisible();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await page.goto(`${site.url}/special/recent-changes/`);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
});

test('Recent changes offers its feed, and every page names it for feed readers', async ({ page }) => {
  await page.goto(`${site.url}/`);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', '/special/recent-changes.atom');
  await page.goto(`${site.url}/special/recent-changes/`);
  await expect(page.getByRole('link', { name: 'Atom feed' })).toHaveAttribute('href', '/special/recent-changes.atom');
  await expect(page.locator('.recent-changes > li')).toHaveCount(5);
});
