/** Code and pictures in an article: coloured by class, sized for every screen. Built once. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, repoRoot, type BuildResult } from '../helpers/build-site.ts';

const fixture = join(repoRoot, 'tests/fixtures/reading');
let site: BuildResult;
let page: string;
let body: string;

beforeAll(() => {
  site = buildSite(fixture, 'reading');
  page = site.exists('wiki/code_and_pictures/index.html') ? site.read('wiki/code_and_pictures/index.html') : '';
  body = page.slice(page.indexOf('class="article-body"'));
});

describe('an article with code and a picture', () => {
  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('colours code with classes that follow the theme, never inline styles the CSP would block', () => {
    const code = body.slice(body.indexOf('<pre'), body.indexOf('</pre>'));
    expect(code).toMatch(/<pre class="language-ts"/);
    expect(code).toContain('<span class="token keyword">export</span>');
    expect(code).toContain('<span class="token comment">');
    expect(code).not.toContain('style=');
  });

  it('serves the picture through the image pipeline: sizes to choose from, its aspect ratio known before it loads', () => {
    const img = body.match(/<img [^>]*>/)?.[0] ?? '';
    expect(img).toContain('alt="A false-colour die shot, left to right from dark to bright"');
    expect(img).toMatch(/src="\/_astro\/die_shot\.[\w-]+\.webp"/);
    expect(img).toContain('width="1600"');
    expect(img).toContain('height="900"');
    expect(img).toContain('loading="lazy"');
    const widths = [...(img.match(/srcset="([^"]*)"/)?.[1] ?? '').matchAll(/ (\d+)w/g)].map((m) => Number(m[1]));
    expect(widths.length).toBeGreaterThan(2);
    expect(Math.min(...widths)).toBeLessThanOrEqual(640);
    expect(img).toMatch(/sizes="[^"]+"/);
    expect(img).not.toContain('style=');
  });
});
