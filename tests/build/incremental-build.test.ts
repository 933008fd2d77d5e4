/**
 * Rebuilds reuse the HTML of articles that did not change (kept by Astro's content layer in WIKI_CACHE_DIR),
 * and render again exactly the articles whose page would otherwise be wrong: the edited one, and those that
 * show something of it (its title in links, its description in See also, a red link that it turns blue).
 * Article pages whose content is unchanged are copied from the last build (Astro's incremental build, keyed by
 * src/astro/page-cache-keys.ts); after a run of edits the site is the one a clean build writes, byte for byte.
 */
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageCopyFile } from '../../src/astro/page-copies.ts';
import { repoRoot, runBuild, siteFiles, type BuildResult } from '../helpers/build-site.ts';

const work = join(repoRoot, 'tests/.output/incremental');
const content = join(work, 'content');
// `npm run build` (cli/build.ts), as writers and CI build.
const npmBuild = [join(repoRoot, 'cli/build.ts')];
// The site fixture holds an `{expression}` on purpose: full MDX (src/model/trust.ts).
const TRUSTED = { WIKI_TRUST: 'trusted' };
const build = () => runBuild(npmBuild, content, join(work, 'dist'), join(work, 'cache'), TRUSTED);
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
/** The loader's count line: [rendered, unchanged, MDX modules]. */
const counts = (result: BuildResult) => {
  const match = /(\d+) articles rendered, (\d+) unchanged since the last build, (\d+) compiled as MDX modules/.exec(result.output);
  return match ? match.slice(1).map(Number) : undefined;
};

/** The pages a build copied from the last build instead of rendering them. */
const copied = (result: BuildResult) => new Set([...result.output.matchAll(/├─ (\S+) \((?:cached|restored)\)/g)].map((m) => m[1]));
/** The pages a build rendered (a line of their own, without `(restored)`). */
const rendered = (result: BuildResult) => new Set([...result.output.matchAll(/├─ (\S+)[ \t]*$/gm)].map((m) => m[1]));

const runs: Record<string, BuildResult> = {};

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync(join(repoRoot, 'tests/fixtures/site'), content, { recursive: true });
  runs.first = build();
  const page = statSync(join(work, 'dist/wiki/nvidia/index.html'));
  const copy = statSync(pageCopyFile(join(work, 'cache'), 'wiki/nvidia/index.html'));
  copiesAfterFirst = { linked: page.ino === copy.ino && page.nlink === 2, astroLayout: existsSync(join(work, 'cache/dist')) };
  runs.unchanged = build();
  // `npm run build` builds into a fresh folder each time (cli/build.ts): pages come from the cache's copies.
  afterUnchanged = siteFiles(join(work, 'dist'));
  runs.freshFolder = runBuild(npmBuild, content, join(work, 'npm-dist'), join(work, 'cache'), TRUSTED);
  freshFolderSite = siteFiles(join(work, 'npm-dist'));
  // A tool that rewrites a published page in place rewrites the cache's copy too (one file, two names).
  appendFileSync(join(work, 'npm-dist/wiki/huawei/index.html'), '<!-- rewritten in place -->');
  runs.rewrittenInPlace = runBuild(npmBuild, content, join(work, 'npm-dist'), join(work, 'cache'), TRUSTED);
  huaweiAfterRewrite = readFileSync(join(work, 'npm-dist/wiki/huawei/index.html'), 'utf8');
  edit('nvidia.mdx', (text) => text.replace('## History', 'A sentence added by an edit.\n\n## History'));
  runs.bodyEdit = build();
  edit('hardware/ascend_910b.mdx', (text) => text.replace('title: Ascend 910B', 'title: Ascend 910B chip'));
  runs.titleEdit = build();
  writeFileSync(join(content, 'cuda.mdx'), '---\ntitle: CUDA\n---\n\nCUDA is a platform for GPU computing; [[huawei]] has its own.\n');
  runs.newPage = build();
  nvidiaAfterNewPage = readFileSync(join(work, 'dist/wiki/nvidia/index.html'), 'utf8');
  huaweiAfterNewPage = readFileSync(join(work, 'dist/wiki/huawei/index.html'), 'utf8');
  htmlFilesAfterNewPage = readdirSync(join(work, 'cache/wiki-html')).sort();
  rmSync(join(work, 'cache/wiki-html'), { recursive: true });
  runs.htmlCacheLost = build();
  // Descriptions that See also and previews show, a link removed, an article deleted (its page, its preview,
  // a red link again where it was linked, and a line less in What links here on the page it linked to).
  edit('hardware/ascend_910b.mdx', (text) => text.replace('tags: [hardware]', "tags: [hardware]\ndescription: Huawei's AI training chip."));
  edit('huawei.mdx', (text) =>
    text
      .replace('description: Chinese technology company.', 'description: Chinese maker of phones and chips.')
      .replace(' and competes with [[Nvidia Corporation]]', ''),
  );
  unlinkSync(join(content, 'cuda.mdx'));
  runs.moreEdits = build();
  rebuiltSite = siteFiles(join(work, 'dist'));
  runs.clean = runBuild(npmBuild, content, join(work, 'clean/dist'), join(work, 'clean/cache'), TRUSTED);
  cleanSite = siteFiles(join(work, 'clean/dist'));
}, 300_000);

let afterUnchanged = new Map<string, Buffer>();
let freshFolderSite = new Map<string, Buffer>();
let nvidiaAfterNewPage = '';
let huaweiAfterNewPage = '';
let rebuiltSite = new Map<string, Buffer>();
let cleanSite = new Map<string, Buffer>();

let htmlFilesAfterNewPage: string[] = [];
let copiesAfterFirst = { linked: false, astroLayout: true };
let huaweiAfterRewrite = '';

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
    expect(readFileSync(join(work, 'dist/wiki/huawei/index.html'), 'utf8')).toContain(
      '<a class="wikilink" href="/wiki/hardware/ascend_910b/">Ascend 910B chip</a>',
    );
    const seeAlso = readFileSync(join(work, 'dist/wiki/nvidia/index.html'), 'utf8').split('id="see-also-list"')[1] ?? '';
    expect(seeAlso).toContain('Ascend 910B chip</a>');
  });

  it('turns red links to a new article blue in the articles that had them', () => {
    // The new article, and nvidia, whose red link to cuda is now a link.
    expect(counts(runs.newPage!)).toEqual([2, 1, 1]);
    const nvidia = nvidiaAfterNewPage;
    expect(nvidia).toContain('<a class="wikilink" href="/wiki/cuda/">CUDA</a>');
    expect(nvidia).not.toContain('cuda (page does not exist yet)');
    // Huawei's text did not change, but What links here on its page now lists CUDA.
    expect(huaweiAfterNewPage.split('id="what-links-here"')[1]).toContain('<a class="wikilink" href="/wiki/cuda/">CUDA</a>');
  });

  it('keeps one file per article rendered this way (its frontmatter and HTML), the files of replaced versions removed', () => {
    // nvidia, huawei and cuda; the Ascend article uses JSX and is compiled as an MDX module.
    expect(htmlFilesAfterNewPage).toHaveLength(3);
    expect(htmlFilesAfterNewPage.every((name) => name.endsWith('.article'))).toBe(true);
  });

  it('copies the pages of unchanged articles and their redirects from the last build', () => {
    const again = copied(runs.unchanged!);
    for (const page of ['/wiki/nvidia/index.html', '/wiki/huawei/index.html', '/wiki/nvidia_corporation/index.html']) expect(again).toContain(page);
    // The article compiled as an MDX module, and the lists of all pages, are rendered every time.
    expect(rendered(runs.unchanged!)).toContain('/wiki/hardware/ascend_910b/index.html');
    expect(rendered(runs.unchanged!)).toContain('/special/all-pages/index.html');
    expect(again).not.toContain('/special/all-pages/index.html');
    // After an edit of nvidia's text, its page is rendered; huawei's is copied.
    expect(rendered(runs.bodyEdit!)).toContain('/wiki/nvidia/index.html');
    expect(copied(runs.bodyEdit!)).toContain('/wiki/huawei/index.html');
    expect(copied(runs.bodyEdit!)).not.toContain('/wiki/nvidia/index.html');
  });

  it("keeps Astro's copy of a page as a second name of the page's file, not a second file", () => {
    expect(copiesAfterFirst).toEqual({ linked: true, astroLayout: false });
  });

  it('renders again a page whose copy was rewritten in place after the build, rather than restoring it', () => {
    expect(rendered(runs.rewrittenInPlace!)).toContain('/wiki/huawei/index.html');
    expect(copied(runs.rewrittenInPlace!)).toContain('/wiki/nvidia/index.html');
    expect(huaweiAfterRewrite).not.toContain('rewritten in place');
    expect(Buffer.from(huaweiAfterRewrite).equals(freshFolderSite.get('wiki/huawei/index.html')!)).toBe(true);
  });

  it('restores copied pages into the fresh folder `npm run build` writes, the same site as in place', () => {
    expect(copied(runs.freshFolder!)).toContain('/wiki/nvidia/index.html');
    expect(runs.freshFolder!.output).toMatch(/├─ \/wiki\/nvidia\/index\.html \(restored\)/);
    expect([...freshFolderSite.keys()].sort()).toEqual([...afterUnchanged.keys()].sort());
    expect([...afterUnchanged].filter(([path, bytes]) => !freshFolderSite.get(path)?.equals(bytes)).map(([path]) => path)).toEqual([]);
  });

  it('writes after a run of edits the site a clean build writes, byte for byte', () => {
    expect(runs.clean!.status, runs.clean!.output).toBe(0);
    expect([...rebuiltSite.keys()].sort()).toEqual([...cleanSite.keys()].sort());
    const differing = [...cleanSite].filter(([path, bytes]) => !rebuiltSite.get(path)?.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
    // What the edits changed is there: the deleted article is gone and a red link again, the new description shown.
    expect(rebuiltSite.has('wiki/cuda/index.html')).toBe(false);
    expect(rebuiltSite.has('previews/cuda.json')).toBe(false);
    const nvidia = rebuiltSite.get('wiki/nvidia/index.html')!.toString();
    expect(nvidia).toContain('cuda (page does not exist yet)');
    expect(rebuiltSite.get('previews/huawei.json')!.toString()).toContain('Chinese maker of phones and chips.');
    expect(nvidia.split('id="see-also-list"')[1]).toContain('Huawei&#39;s AI training chip.');
    expect(rebuiltSite.get('wiki/huawei/index.html')!.toString()).not.toContain('href="/wiki/cuda/"');
  });

  it('renders again, rather than failing, when the HTML files were removed from the cache', () => {
    expect(counts(runs.htmlCacheLost!)).toEqual([3, 0, 1]);
    expect(readFileSync(join(work, 'dist/wiki/nvidia/index.html'), 'utf8')).toContain('A sentence added by an edit.');
  });
});
