/**
 * The wiki's own blocks in a built site (tests/fixtures/components): formulas, infoboxes, figures, callouts and
 * charts, written as Markdown and frontmatter (hardware/h100.mdx) and as the wiki's components (nvidia.mdx).
 * Built once with the real engine; then a chart's CSV file is changed and the site rebuilt.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuild, type BuildResult } from '../helpers/build-site.ts';
import { checkInvariants, htmlFiles, type InvariantReport } from '../helpers/invariants.ts';

const work = join(repoRoot, 'tests/.output/components');
const content = join(work, 'content');
const astro = [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'];
const build = () => runBuild(astro, content, join(work, 'dist'), join(work, 'cache'));
const counts = (result: BuildResult) =>
  /(\d+) articles rendered, (\d+) unchanged since the last build, (\d+) compiled as MDX modules/.exec(result.output)?.slice(1).map(Number);

let site: BuildResult;
let invariants: InvariantReport;
let h100 = '';
let nvidia = '';
const body = (page: string) =>
  page.slice(page.indexOf('class="article-body"'), page.indexOf('class="references"') === -1 ? undefined : page.indexOf('class="references"'));

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  cpSync(join(repoRoot, 'tests/fixtures/components'), content, { recursive: true });
  site = build();
  h100 = site.exists('wiki/hardware/h100/index.html') ? site.read('wiki/hardware/h100/index.html') : '';
  nvidia = site.exists('wiki/nvidia/index.html') ? site.read('wiki/nvidia/index.html') : '';
  invariants = await checkInvariants(site, content);
}, 600_000);

describe('a wiki whose articles carry formulas, infoboxes, figures, callouts and charts', () => {
  it('builds, every article on the fast path: no JavaScript module, even for <Infobox> and <Figure>', () => {
    expect(site.status, site.output).toBe(0);
    expect(counts(site)).toEqual([2, 0, 0]);
  });

  it('keeps the invariants: one page and one search record per article, no broken link, valid HTML', () => {
    expect(invariants.missingPages).toEqual([]);
    expect(invariants.searchRecords).toBe(2);
    expect(invariants.brokenLinks).toEqual([]);
    expect(invariants.htmlErrors).toEqual([]);
    expect(invariants.pagesValidated).toBeGreaterThan(5);
  });

  it('writes no inline style on any page (the Content-Security-Policy would block it)', () => {
    for (const file of htmlFiles(site.outDir)) expect(site.read(file), file).not.toMatch(/<[a-z][^>]*\sstyle=/i);
  });

  it('draws formulas as MathML, and prices stay prose', () => {
    const text = body(h100);
    expect(text.match(/<math[ >]/g)?.length).toBe(4);
    expect(text).toContain('<annotation encoding="application/x-tex">C \\approx 6ND</annotation>');
    expect(text).toContain('<math display="block" class="tml-display">');
    expect(text).toContain('It cost between $25,000 and $40,000 at launch, and\na price written $30 is still a price.');
  });

  it('puts the infobox first, its picture through the image pipeline, its links and citations with the article’s', () => {
    const text = body(h100);
    expect(text.indexOf('<table class="infobox">')).toBeLessThan(text.indexOf('<p>The H100 is'));
    expect(text).toMatch(/<figure class="infobox-image"><img [^>]*src="\/_astro\/h100\.[\w-]+\.webp"[^>]*srcset=/);
    expect(text).toContain('<th scope="row">Designer</th><td><a class="wikilink" href="/wiki/nvidia/">Nvidia</a></td>');
    expect(text).toMatch(/<th scope="row">Released<\/th><td>2022<sup class="reference" id="cite-ref-1-a"><a href="#ref-1"/);
    expect(site.output).toMatch(/red link hardware\/h100\.mdx:13 → \[\[high_bandwidth_memory\]\]/);
    // What links here on the linked page counts the infobox's link.
    expect(nvidia).toMatch(/class="backlinks"[\s\S]*href="\/wiki\/hardware\/h100\/"/);
    expect(site.read('special/wanted/index.html')).toContain('high_bandwidth_memory');
  });

  it('gives figures, callouts and charts their markup', () => {
    const text = body(h100);
    expect(text).toMatch(/<figure class="figure"><img [^>]*src="\/_astro\/h100\.[\w-]+\.webp"[^>]*><figcaption>The H100 die, 814 mm² on /);
    expect(text.match(/class="callout callout-/g)?.length).toBe(5);
    expect(text).toContain('<details class="callout callout-caution" aria-label="Caution"><summary class="callout-title">Measured numbers differ</summary>');
    expect(text.match(/<svg [^>]*class="chart-svg" role="img"/g)?.length).toBe(3);
    expect(text).toContain(
      '<desc>Bar chart of bandwidth (TB/s) by chip, one series per vendor. Nvidia, H100: 3.35; Nvidia, H200: 4.8; Huawei, Ascend 910B: 1.6; Huawei, Ascend 910C: 3.2.</desc>',
    );
    expect(text).toContain('<details class="chart-data"><summary>The numbers</summary>');
  });

  it('gives search the infobox and the table of a chart word by word, never two run together', () => {
    // Pagefind keeps a page as gzip of "pagefind_dcd" and JSON.
    const folder = join(site.outDir, 'pagefind/fragment');
    const contents = readdirSync(folder).map(
      (file) =>
        JSON.parse(
          gunzipSync(readFileSync(join(folder, file)))
            .toString('utf8')
            .replace(/^pagefind_dcd/, ''),
        ) as { url: string; content: string },
    );
    const text = contents.find((fragment) => fragment.url === '/wiki/hardware/h100/')?.content ?? '';
    expect(text).toContain('The numbers chip vendor bandwidth (TB/s) H100');
  });

  it('gives <Infobox> and <Figure> the same markup as their Markdown forms, with a credit line', () => {
    const text = body(nvidia);
    expect(text).toMatch(
      /<table class="infobox"><caption class="infobox-title">Nvidia<\/caption>\n<tbody><tr><td colspan="2"><figure class="infobox-image"><img [^>]*src="\/_astro\/h100\./,
    );
    expect(text).toContain('<th scope="row">Products</th><td><a class="wikilink" href="/wiki/hardware/h100/">Nvidia H100</a>, CUDA<sup class="reference"');
    expect(text).toMatch(
      /<figcaption>The H100 die<sup class="reference"[^>]*>.*<\/sup><span class="figure-credit">Photo: <a href="https:\/\/example\.org" rel="noopener noreferrer">Example<\/a>/,
    );
  });
});

describe('a chart’s CSV file is an input of its article', () => {
  it('renders the article again, and only it, when the file changes', () => {
    const csv = join(content, 'hardware/bandwidth.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('H200,Nvidia,4.8', 'H200,Nvidia,4.9'));
    const again = build();
    expect(again.status, again.output).toBe(0);
    expect(counts(again)).toEqual([1, 1, 0]);
    expect(again.read('wiki/hardware/h100/index.html')).toContain('Nvidia, H200: 4.9;');
  }, 600_000);
});

describe('the words the wiki’s blocks write are inputs of their articles', () => {
  it('renders an article with callouts again when the wiki renames a callout in its i18n/ folder', () => {
    mkdirSync(join(content, 'i18n'), { recursive: true });
    writeFileSync(join(content, 'i18n/en.json'), JSON.stringify({ 'callout.note': 'Nota bene' }));
    const again = build();
    expect(again.status, again.output).toBe(0);
    expect(counts(again)?.[0]).toBeGreaterThanOrEqual(1);
    expect(again.read('wiki/hardware/h100/index.html')).toContain('aria-label="Nota bene"');
    rmSync(join(content, 'i18n'), { recursive: true, force: true });
  }, 600_000);
});
