/**
 * Rebuilds reuse the HTML of articles that did not change (kept by Astro's content layer in WIKI_CACHE_DIR),
 * and render again exactly the articles whose page would otherwise be wrong: the edited one, and those that
 * show something of it (its title in links, its description in See also, a red link that it turns blue).
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuild, type BuildResult } from '../helpers/build-site.ts';

const work = join(repoRoot, 'tests/.output/incremental');
const content = join(work, 'content');
const astro = [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'];
const build = () => runBuild(astro, content, join(work, 'dist'), join(work, 'cache'));
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
/** The loader's count line: [rendered, unchanged, MDX modules]. */
const counts = (result: BuildResult) => {
  const match = /(\d+) articles rendered, (\d+) unchanged since the last build, (\d+) compiled as MDX modules/.exec(result.output);
  return match ? match.slice(1).map(Number) : undefined;
};

const runs: Record<string, BuildResult> = {};

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync(join(repoRoot, 'tests/fixtures/site'), content, { recursive: true });
  runs.first = build();
  runs.unchanged = build();
  edit('nvidia.mdx', (text) => text.replace('## History', 'A sentence added by an edit.\n\n## History'));
  runs.bodyEdit = build();
  edit('hardware/ascend_910b.mdx', (text) => text.replace('title: Ascend 910B', 'title: Ascend 910B chip'));
  runs.titleEdit = build();
  writeFileSync(join(content, 'cuda.mdx'), '---\ntitle: CUDA\n---\n\nCUDA is a platform for GPU computing.\n');
  runs.newPage = build();
  htmlFilesAfterNewPage = readdirSync(join(work, 'cache/wiki-html')).length;
  rmSync(join(work, 'cache/wiki-html'), { recursive: true });
  runs.htmlCacheLost = build();
}, 300_000);

let htmlFilesAfterNewPage = 0;

describe('rebuilding a wiki', () => {
  it('builds every time', () => {
    for (const [name, run] of Object.entries(runs)) expect(run.status, `${name}:\n${run.output}`).toBe(0);
  });

  it('renders every article the first time, and none when nothing changed', () => {
    expect(counts(runs.first!)).toEqual([2, 0, 1]);
    expect(counts(runs.unchanged!)).toEqual([0, 2, 1]);
  });

  it('renders only the edited article after an edit of its text', () => {
    expect(counts(runs.bodyEdit!)).toEqual([1, 1, 1]);
    expect(readFileSync(join(work, 'dist/wiki/nvidia/index.html'), 'utf8')).toContain('A sentence added by an edit.');
  });

  it('renders again the articles that show a changed title', () => {
    // Both link to the Ascend page by its title: huawei in its text, nvidia in its text and See also.
    expect(counts(runs.titleEdit!)).toEqual([2, 0, 1]);
    expect(readFileSync(join(work, 'dist/wiki/huawei/index.html'), 'utf8')).toContain('<a class="wikilink" href="/wiki/hardware/ascend_910b/">Ascend 910B chip</a>');
    const seeAlso = readFileSync(join(work, 'dist/wiki/nvidia/index.html'), 'utf8').split('id="see-also-list"')[1] ?? '';
    expect(seeAlso).toContain('Ascend 910B chip</a>');
  });

  it('turns red links to a new article blue in the articles that had them', () => {
    // The new article, and nvidia, whose red link to cuda is now a link.
    expect(counts(runs.newPage!)).toEqual([2, 1, 1]);
    const nvidia = readFileSync(join(work, 'dist/wiki/nvidia/index.html'), 'utf8');
    expect(nvidia).toContain('<a class="wikilink" href="/wiki/cuda/">CUDA</a>');
    expect(nvidia).not.toContain('cuda (page does not exist yet)');
  });

  it('keeps one HTML file per article rendered this way, the files of replaced versions removed', () => {
    // nvidia, huawei and cuda; the Ascend article uses JSX and is compiled as an MDX module.
    expect(htmlFilesAfterNewPage).toBe(3);
  });

  it('renders again, rather than failing, when the HTML files were removed from the cache', () => {
    expect(counts(runs.htmlCacheLost!)).toEqual([3, 0, 1]);
    expect(readFileSync(join(work, 'dist/wiki/nvidia/index.html'), 'utf8')).toContain('A sentence added by an edit.');
  });
});
