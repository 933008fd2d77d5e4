import { chromium } from '@playwright/test';
const [,, url, out, w, h, scheme] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const p = await b.newPage({ viewport: { width: Number(w ?? 900), height: Number(h ?? 900) }, colorScheme: scheme ?? 'light' });
await p.goto(url); await p.waitForTimeout(300);
await p.screenshot({ path: out, fullPage: true }); await b.close();
