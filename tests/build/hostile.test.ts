/**
 * The hostile corpus (tests/fixtures/hostile/, listed with its verdicts in tests/helpers/hostile-corpus.ts), built the way
 * CI builds a wiki: each folder once, through `npm run build` (cli/build.ts). Every rejected input stops the
 * build with an error that names its file and line and says what to do; every published one gives a page
 * that holds nothing that runs, redirects the reader or loses content; hidden articles are reported, not
 * published. The README's Security section reports the figures, held to the corpus here.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuild, type BuildResult } from '../helpers/build-site.ts';
import { checkInvariants, htmlFiles, type InvariantReport } from '../helpers/invariants.ts';
import { inlineEventHandlers, parsePage } from '../../src/postbuild/csp.ts';
import { CORPUS, corpusFigures, prepareCorpusFolder } from '../helpers/hostile-corpus.ts';

const work = join(repoRoot, 'tests/.output/hostile');

const builds: Record<string, BuildResult> = {};
let invariants: InvariantReport;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  for (const [name, folder] of Object.entries(CORPUS)) {
    const content = prepareCorpusFolder(name, work);
    builds[name] = runBuild([join(repoRoot, 'cli/build.ts')], content, join(work, name, 'site'), join(work, name, 'cache'), {
      WIKI_TRUST: folder.trust,
      WIKI_SITE: 'https://wiki.example.org',
    });
    if (name === 'published' && builds[name]?.status === 0) invariants = await checkInvariants(builds[name], content);
  }
}, 900_000);

describe.each(Object.entries(CORPUS).filter(([, folder]) => folder.inputs.some((input) => input.verdict === 'rejected')))(
  '%s: the build stops',
  (name, folder) => {
    it('and fails, leaving no site', () => {
      expect(builds[name]?.status, builds[name]?.output).not.toBe(0);
      expect(builds[name]?.exists('index.html')).toBe(false);
    });

    it.each(folder.inputs.filter((input) => input.verdict === 'rejected').map((input) => [input.file, input] as const))(
      '%s: an error with its file and line',
      (_, input) => {
        for (const says of input.says ?? []) expect(builds[name]?.output).toMatch(says);
      },
    );

    it('prints every problem as a sentence, never "Maximum call stack size exceeded" nor an error without its place', () => {
      const output = builds[name]?.output ?? '';
      expect(output).not.toContain('Maximum call stack');
      expect(output).not.toMatch(/ENAMETOOLONG|ELOOP|ImageNotFound|:0:0/);
    });
  },
);

describe('published: what readers get', () => {
  const site = () => builds.published as BuildResult;
  const page = (id: string) => site().read(`wiki/${id}/index.html`);

  it('builds, every published input a page, the hidden ones reported and not published', () => {
    expect(site().status, site().output).toBe(0);
    for (const input of CORPUS.published?.inputs ?? []) {
      const id = input.file.replace(/\.mdx$/, '');
      if (input.verdict === 'published') expect(site().exists(`wiki/${id}/index.html`), input.file).toBe(true);
      for (const says of input.says ?? []) expect(site().output).toMatch(says);
    }
    expect(site().exists('wiki/draft/index.html')).toBe(false);
    expect(site().exists('wiki/private/secret/index.html')).toBe(false);
  });

  it('keeps the invariants: a page and a search record per article, no broken link or #anchor, valid HTML (no empty or repeated id)', () => {
    expect(invariants.missingPages).toEqual([]);
    expect(invariants.extraPages).toEqual([]);
    expect(invariants.searchRecords).toBe(invariants.articles);
    expect(invariants.brokenLinks).toEqual([]);
    expect(invariants.htmlErrors).toEqual([]);
  });

  it('holds nothing that runs, redirects or opens a tab that could take over the page (the built-page check passed)', () => {
    for (const file of htmlFiles(site().outDir)) {
      const html = readFileSync(join(site().outDir, file), 'utf8');
      expect(parsePage(html).unsafe, file).toEqual([]);
      expect(inlineEventHandlers(html), file).toEqual([]);
    }
    expect(site().output).toContain('Content-Security-Policy on');
  });

  it('reads the wiki links of an article saved with a byte-order mark', () => {
    expect(page('byte-order-mark')).toContain('<a class="wikilink" href="/wiki/target/">Target</a>');
    expect(page('byte-order-mark')).toContain('<a class="wikilink" href="/wiki/target/">the target</a>');
    expect(page('byte-order-mark')).toContain('<a class="wikilink" href="/wiki/target/#memory">');
    expect(page('target')).toContain('href="/wiki/byte-order-mark/"');
  });

  it('keeps two footnotes of one title and two addresses as two sources', () => {
    const html = page('footnotes-same-title');
    expect(html).toContain('href="https://e.example/1"');
    expect(html).toContain('href="https://e.example/2"');
    expect([...html.matchAll(/data-reference="(ref-\d+)"/g)].map((m) => m[1])).toEqual(['ref-1', 'ref-2', 'ref-1']);
  });

  it('shows markup written as text as text', () => {
    const html = page('escaped-markup');
    expect(html).toContain('<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;&lt;meta http-equiv=refresh');
    expect(html).toContain('Text with an escaped &#x3C;meta http-equiv="refresh"');
    expect(html).toContain('<code>&#x3C;script>alert(1)&#x3C;/script></code>');
    // Parsed as a browser parses it: the title's `<meta …>` is text inside attribute values and elements, never an element.
    const refreshes: string[] = [];
    visit(fromHtml(html), 'element', (element) => {
      if (element.tagName === 'meta' && String(element.properties.httpEquiv ?? '').toLowerCase() === 'refresh')
        refreshes.push(String(element.properties.content));
    });
    expect(refreshes).toEqual([]);
    const code: string[] = [];
    visit(fromHtml(page('meta-refresh-in-code')), 'element', (element) => {
      if (element.tagName === 'pre') code.push(toString(element));
    });
    expect(code.join('\n')).toContain('<meta http-equiv="refresh" content="0;url=https://evil.example/">');
  });

  it('opens links to other sites with noopener, however the address is written', () => {
    expect(page('uppercase-https')).toContain('<a href="https://example.org/page" rel="noopener noreferrer">');
    expect(page('target-blank-noopener')).toMatch(/<a href="https:\/\/example\.org\/" target="_blank" rel="noopener noreferrer">/);
  });

  it("gives headings ids of their own, never the page's nor an empty one", () => {
    const ids = [...page('headings-clash').matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids).not.toContain('');
    expect(ids).toEqual(expect.arrayContaining(['references', 'references-1', 'what-links-here', 'what-links-here-1', 'section', 'ref-1', 'ref-1-section']));
  });

  it('gives C++ and C# a tag page each, and reads a numeric title as text', () => {
    expect(site().read('special/tags/c-plus-plus/index.html')).toContain('Two languages');
    expect(site().read('special/tags/c-sharp/index.html')).toContain('Two languages');
    expect(page('numeric-title')).toContain('<h1 data-pagefind-meta="title" data-pagefind-weight="10">1984</h1>');
  });

  it('publishes an article linked inside the content folder, and a long article of many marks', () => {
    expect(page('symlink-inside')).toContain('The article others link to.');
    expect(page('many-marks-in-many-paragraphs').match(/class="wikilink"/g)?.length).toBeGreaterThan(5_000);
  });
});

describe('the figures of the README', () => {
  it('are those of the corpus', () => {
    const { tried, rejected, published, reported } = corpusFigures();
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(`${tried} hostile or careless inputs`);
    expect(readme).toContain(`${rejected} are refused`);
    expect(readme).toContain(`${published} are published`);
    expect(readme).toContain(`${reported} are reported`);
  });
});
