/**
 * The chart library (Observable Plot, with d3) and the TeX library (temml) are loaded by the first chart or
 * formula a process meets, not by every build: a wiki without them starts 0.1 s sooner, in each process that reads
 * or renders articles (src/render/plugins/remark-charts.ts, src/model/tex.ts). Each case reads and renders a wiki in
 * a Node process of its own and lists the packages it loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-site.ts';
import { article } from '../helpers/index.ts';

/** The packages a fresh process loads to read `contentDir` and render every article of it, as the build does. */
function packagesLoaded(contentDir: string): string[] {
  const script = `
    import { registerHooks } from 'node:module';
    const loaded = new Set();
    registerHooks({ resolve(specifier, context, next) {
      const result = next(specifier, context);
      const found = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(result.url);
      if (found) loaded.add(found[1]);
      return result;
    } });
    const { wikiForRendering, markdown } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'tests/helpers/render-wiki.ts')).href)});
    const { createArticleRenderer, renderJob } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'src/render/article-renderer.ts')).href)});
    const { wiki, jobs } = wikiForRendering(${JSON.stringify(contentDir)});
    const renderer = await createArticleRenderer(markdown, () => wiki);
    for (const job of jobs) {
      const outcome = await renderJob(renderer, job);
      if (!outcome.ok) throw new Error(outcome.message);
    }
    console.log(JSON.stringify([...loaded]));
  `;
  const run = spawnSync(process.execPath, ['--disable-warning=DEP0040', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
}

function wiki(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lazy-libraries-'));
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, `${name}.mdx`), text);
  return dir;
}

describe('libraries loaded by the first article that needs them', () => {
  it('a wiki without charts or formulas never loads Observable Plot, d3 or temml', () => {
    const loaded = packagesLoaded(
      wiki({
        nvidia: article('Nvidia', 'Makes the [[h100]] at $30,000 and $40,000 a piece.[^a]\n\n[^a]: [Site](https://example.org), 2024.'),
        h100: article('H100', 'A chip of [[nvidia]].\n\n| year | units |\n|---|---|\n| 2023 | 1 |'),
      }),
    );
    expect(loaded).toContain('satteri');
    expect(loaded.filter((name) => /^(@observablehq\/plot|d3-scale|temml)$/.test(name))).toEqual([]);
  }, 60_000);

  it('a wiki with a chart and a formula loads them, and draws both', () => {
    const loaded = packagesLoaded(
      wiki({
        chips: article(
          'Chips',
          'Training takes $C \\approx 6ND$ operations.\n\n```chart\ntype: bar\ntitle: Memory\nx: chip\ny: gb\ndata:\n  - { chip: H100, gb: 80 }\n  - { chip: H200, gb: 141 }\n```',
        ),
      }),
    );
    expect(loaded).toEqual(expect.arrayContaining(['@observablehq/plot', 'temml']));
  }, 60_000);
});
