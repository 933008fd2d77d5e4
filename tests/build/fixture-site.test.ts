/** Build a small content folder through WIKI_CONTENT_DIR once, and check what it wrote, file by file. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, repoRoot, type BuildResult } from '../helpers/build-site.ts';
import { checkInvariants } from '../helpers/invariants.ts';

const fixture = join(repoRoot, 'tests/fixtures/site');
// hardware/ascend_910b.mdx holds an `{expression}` on purpose: full MDX (src/model/trust.ts).
const TRUSTED = { WIKI_TRUST: 'trusted' };
let site: BuildResult;

beforeAll(() => {
  site = buildSite(fixture, 'site', TRUSTED);
});

describe('a fixture site built through WIKI_CONTENT_DIR', () => {
  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('keeps the invariants: one page and one search record per article, no broken link or #anchor, valid HTML', async () => {
    const report = await checkInvariants(site, fixture);
    expect(report.missingPages).toEqual([]);
    expect(report.extraPages).toEqual([]);
    expect(report.searchRecords).toBe(report.articles);
    expect(report.brokenLinks).toEqual([]);
    expect(report.htmlErrors).toEqual([]);
  }, 120_000); // the link checker and the HTML checker (a JVM) take tens of seconds on a busy machine

  it('writes one page per article at /wiki/<id>/, namespaces as folders', () => {
    expect(site.exists('wiki/nvidia/index.html')).toBe(true);
    expect(site.exists('wiki/huawei/index.html')).toBe(true);
    expect(site.exists('wiki/hardware/ascend_910b/index.html')).toBe(true);
    expect(site.exists('index.html')).toBe(true);
  });

  it('links existing pages by title, alias text and section', () => {
    const huawei = site.read('wiki/huawei/index.html');
    expect(huawei).toContain('<a class="wikilink" href="/wiki/hardware/ascend_910b/">Ascend 910B</a>');
    expect(huawei).toContain('<a class="wikilink" href="/wiki/nvidia/">Nvidia</a>'); // via the alias nvidia_corporation
    expect(huawei).toMatch(/<a class="wikilink" href="\/wiki\/nvidia\/#history">Nvidia(&#39;|')s history<\/a>/);
    const ascend = site.read('wiki/hardware/ascend_910b/index.html');
    expect(ascend).toContain('<a class="wikilink" href="/wiki/huawei/">Huawei</a>');
  });

  it('renders articles without MDX straight to HTML, and compiles one that uses JSX and expressions as MDX, both with wiki links', () => {
    expect(site.output).toContain('[wiki-articles] 2 articles rendered, 0 unchanged since the last build, 1 compiled as MDX modules');
    const ascend = site.read('wiki/hardware/ascend_910b/index.html');
    expect(ascend).toContain('Its memory is <abbr title="High Bandwidth Memory">HBM</abbr>, 64 GB of it.');
    expect(ascend).toMatch(/<h2 id="memory">Memory<a[^>]*class="heading-anchor"/);
    const nvidia = site.read('wiki/nvidia/index.html');
    expect(nvidia).toMatch(/<h2 id="history">History<a[^>]*class="heading-anchor"/);
  });

  it('draws a chart in an article compiled as MDX, as in one rendered straight to HTML', () => {
    const ascend = site.read('wiki/hardware/ascend_910b/index.html');
    expect(ascend).toMatch(/<div class="chart-graphic"><svg [^>]*class="chart-svg" role="img"[^>]*><title>Memory of the Ascend 910B<\/title>/);
    expect(ascend).toContain('<details class="chart-data"><summary>');
  });

  it('renders a link to a missing page as a red link', () => {
    const nvidia = site.read('wiki/nvidia/index.html');
    expect(nvidia).toContain('<a class="wikilink new" title="cuda (page does not exist yet)" href="/special/wanted/#page-cuda">cuda</a>');
    const ascend = site.read('wiki/hardware/ascend_910b/index.html');
    expect(ascend).toMatch(/class="wikilink new" title="hardware:ascend_910c \(page does not exist yet\)"/);
  });

  it('leaves [[…]] in code as written', () => {
    const nvidia = site.read('wiki/nvidia/index.html');
    expect(nvidia).toContain('<code>[[nvidia]]</code>');
    const codeText = nvidia.replace(/<[^>]+>/g, '');
    expect(codeText).toContain('[[nvidia|Nvidia]] and [[missing_in_code]]');
    expect(nvidia).not.toContain('missing_in_code (page does not exist yet)');
  });

  it('gives headings linkable anchors', () => {
    const nvidia = site.read('wiki/nvidia/index.html');
    expect(nvidia).toMatch(/<h2 id="history">History<a class="heading-anchor"[^>]*href="#history"/);
    expect(nvidia).toContain('href="/wiki/nvidia/#products"');
  });

  it('lists See also from frontmatter with descriptions, and red links for missing targets', () => {
    const nvidia = site.read('wiki/nvidia/index.html');
    const seeAlso = nvidia.slice(nvidia.indexOf('class="see-also"'));
    expect(seeAlso).toContain('<a class="wikilink" href="/wiki/hardware/ascend_910b/">Ascend 910B</a>');
    expect(seeAlso).toMatch(/class="wikilink new"[^>]*>tensor_cores</);
  });

  it('prints a summary with every red link at file:line', () => {
    expect(site.output).toMatch(/3 pages, \d+ wiki links, 3 red links/);
    expect(site.output).toContain('red link nvidia.mdx:23 → [[cuda]]');
    expect(site.output).toContain('red link hardware/ascend_910b.mdx:6 → [[.:ascend_910c]]');
    expect(site.output).toContain('red link nvidia.mdx:6 → [[tensor_cores]]');
  });

  it('warns about a #section that the target does not have, with file and line', () => {
    expect(site.output).toMatch(/huawei\.mdx:7:\d+: warning: `\[\[nvidia#Nope\]\]`: "Nvidia" has no section `#nope`/);
  });

  it('lists what links here with the sentence around each link, links read by title', () => {
    const huawei = site.read('wiki/huawei/index.html');
    expect(huawei).toContain('<q class="backlink-context">Its rival in China is Huawei, whose Ascend 910B competes with them.</q>');
    expect(huawei).toContain('<q class="backlink-context">The Ascend 910B is a chip by Huawei.</q>');
  });

  it('lists wanted pages with the file to create and the pages that link to them', () => {
    const wanted = site.read('special/wanted/index.html');
    expect(wanted).toMatch(/<li id="page-cuda"><strong>cuda<\/strong> \(create <code>cuda\.mdx<\/code>\)/);
  });
});

describe('the strict setting', () => {
  it('fails the build on a red link, naming file and line', () => {
    const strict = buildSite(fixture, 'site-strict', { ...TRUSTED, WIKI_STRICT: '1' });
    expect(strict.status).not.toBe(0);
    expect(strict.output).toContain('The wiki has red links and is built with WIKI_STRICT=1');
    expect(strict.output).toMatch(/nvidia\.mdx:23:\d+: error: red link `\[\[cuda\]\]`/);
    expect(strict.exists('index.html')).toBe(false);
  });
});
