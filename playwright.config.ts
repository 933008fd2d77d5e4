import { defineConfig } from '@playwright/test';
import { chromiumPath } from './tests/helpers/chromium.ts';

// PW_PORT lets several checkouts or sessions test at once; WIKI_OUT_DIR is honoured by build and preview.
const port = Number(process.env.PW_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results',
  // Generous: CI shares this 2-core machine, and axe on a long article takes seconds.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      // Debian's Chromium, found or installed, never downloaded; without it the run stops at once with the command
      // to run (tests/helpers/chromium.ts, README "Tests").
      executablePath: chromiumPath(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // The real wiki (content/), built once and served as static files.
    // --ignore-lock: several checkouts or sessions may each run a preview server at once.
    command: `npm run build && npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
