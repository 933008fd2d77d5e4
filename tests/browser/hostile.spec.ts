/**
 * The published part of the hostile corpus (tests/fixtures/hostile/published, tests/helpers/hostile-corpus.ts)
 * in Chromium: pages that hold a meta refresh, script or markup written as text stay where they are, run
 * nothing and ask nothing of another site.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { repoRoot, runBuild } from '../helpers/build-site.ts';
import { CORPUS, prepareCorpusFolder } from '../helpers/hostile-corpus.ts';
import { serveSite, type ServedSite } from './search-site.ts';

let site: ServedSite;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const work = join(repoRoot, 'tests/.output/hostile-browser');
  const content = prepareCorpusFolder('published', work);
  const built = runBuild([join(repoRoot, 'cli/build.ts')], content, join(work, 'published/site'), join(work, 'published/cache'));
  expect(built.status, built.output).toBe(0);
  site = await serveSite(built.outDir);
});

test.afterAll(async () => {
  await site.close();
});

const pages = (CORPUS.published?.inputs ?? []).filter((input) => input.verdict === 'published').map((input) => `/wiki/${input.file.replace(/\.mdx$/, '')}/`);

for (const path of pages) {
  test(`${path} stays, runs nothing and asks nothing of another site`, async ({ page }) => {
    const dialogs: string[] = [];
    const elsewhere: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    // Every request off the site is refused and noted: a redirect or an embedded page would make one.
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, async (route) => {
      elsewhere.push(route.request().url());
      await route.abort();
    });
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState('networkidle');
    // A meta refresh of 0 s would have left by now.
    await page.waitForTimeout(1_500);
    expect(new URL(page.url()).pathname).toBe(path);
    expect(dialogs).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
}
