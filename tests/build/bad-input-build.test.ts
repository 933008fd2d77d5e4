/**
 * The bad-input cases that publish pages, rendered together in one build (with
 * a generated 1 MB article), and the cases that stop the build, built together
 * over a previous site: what readers get, what writers read, and that a failed
 * build leaves the previous site as it was. Both builds go through
 * `npm run build`'s script (cli/build.ts), which builds into a fresh folder
 * and swaps it in on success.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { cspHash, directiveSources, inlineEventHandlers, inlineScriptsOfPage, pagePolicy, parsePage } from '../../src/postbuild/csp.ts';
import { SITE_MARKER, SITE_MARKER_TEXT } from '../../src/model/site-files.ts';
import { repoRoot, runBuild, type BuildResult } from '../helpers/build-site.ts';
import { checkInvariants, htmlFiles, type InvariantReport } from '../helpers/invariants.ts';

const bad = join(repoRoot, 'tests/fixtures/bad');
const work = join(repoRoot, 'tests/.output/bad-input-build');
const PUBLISHED = ['unclosed-link', 'link-in-code', 'self-link', 'namespace-and-article', 'non-ascii-ids', 'deep-nesting', 'html-in-text'];
const STOPPED = [
  'malformed-frontmatter',
  'missing-title',
  'alias-cycle',
  'case-clash',
  'alias-equals-id',
  'empty-file',
  'unsafe-urls',
  'script-in-content',
  'footnote-undefined',
  'unknown-citation',
  'mdx-syntax',
  'import-in-prose',
];
const LARGE_PARAGRAPH = 'The Ascend 910B is compared with the [[ascend_910b|Ascend]] in this long paragraph, with **bold** and `code`.\n\n';

/** Merge case folders into one content folder (their file names differ). */
function merge(cases: string[], into: string): string {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  for (const name of cases) cpSync(join(bad, name), into, { recursive: true });
  return into;
}

/** `npm run build` (cli/build.ts) on a content folder, into `outDir`. */
function buildWithScript(contentDir: string, outDir: string): BuildResult & { seconds: number } {
  const started = performance.now();
  const result = runBuild([join(repoRoot, 'cli/build.ts')], contentDir, outDir, join(work, 'cache'), { WIKI_SITE: 'https://wiki.example.org' });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

let published: BuildResult & { seconds: number };
let invariants: InvariantReport;
let stopped: BuildResult & { seconds: number };
const publishedContent = join(work, 'published');
const siteDir = join(work, 'site');

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  merge(PUBLISHED, publishedContent);
  writeFileSync(
    join(publishedContent, 'large.mdx'),
    `---\ntitle: Large\n---\n\n## Section\n\n${LARGE_PARAGRAPH.repeat(Math.ceil(1_048_576 / LARGE_PARAGRAPH.length))}The last sentence.\n`,
  );
  // A stale file from an earlier build: the swap must replace the whole folder.
  mkdirSync(siteDir, { recursive: true });
  writeFileSync(join(siteDir, SITE_MARKER), SITE_MARKER_TEXT);
  writeFileSync(join(siteDir, 'stale.html'), 'from an earlier build');
  // An earlier site whose removal was stopped (its build's process, 999999, is gone): removed too.
  const abandoned = join(work, `.${basename(siteDir)}.previous-999999`);
  mkdirSync(join(abandoned, 'wiki'), { recursive: true });
  writeFileSync(join(abandoned, 'wiki', 'index.html'), 'from a build that was stopped');
  published = buildWithScript(publishedContent, siteDir);
  invariants = await checkInvariants(published, publishedContent);
  // The failing build goes over the site just built: it must be left as it was.
  stopped = buildWithScript(merge(STOPPED, join(work, 'stopped')), siteDir);
});

describe('cases that publish: one build', () => {
  it('builds, and replaces the previous output folder whole', async () => {
    expect(published.status, published.output).toBe(0);
    expect(published.exists('stale.html')).toBe(false);
    expect(readdirSync(work).filter((name) => name.includes('.building-'))).toEqual([]);
    // The previous site is removed in the background once the new one is in place (cli/publish.ts).
    const left = () => readdirSync(work).filter((name) => name.includes('.previous-'));
    for (let waited = 0; left().length > 0 && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(left()).toEqual([]);
  });

  it('builds the search index once Astro has exited, so that the two processes never hold their memory at once', () => {
    expect(published.output).not.toContain('[wiki:search-index]');
    expect(published.output).toMatch(/\[wiki\] search index: \d+ articles, \d+ KB of index data in pagefind\/\n[\s\S]*\[wiki\] The site is in /);
    expect(published.exists('pagefind/pagefind.js')).toBe(true);
  });

  it('gives every article file exactly one page and one search record', () => {
    expect(invariants.missingPages).toEqual([]);
    expect(invariants.extraPages).toEqual([]);
    expect(invariants.articles).toBe(11);
    expect(invariants.searchRecords).toBe(invariants.articles);
  });

  it('has no broken internal link or #anchor (linkinator)', () => {
    expect(invariants.brokenLinks).toEqual([]);
    expect(invariants.linksChecked).toBeGreaterThanOrEqual(invariants.articles);
  });

  it('is valid HTML on every kind of page (Nu HTML Checker)', () => {
    expect(invariants.htmlErrors).toEqual([]);
    expect(invariants.pagesValidated).toBeGreaterThan(11);
  });

  it('keeps an unclosed [[ as text and renders the rest of the article', () => {
    const page = published.read('wiki/unclosed_link/index.html');
    expect(page).toContain('see [[unclosed_link for more.');
    expect(page).toContain('<a class="wikilink" href="/wiki/unclosed_link/">this link</a>');
  });

  it('leaves [[…]] in code as written', () => {
    const page = published.read('wiki/link_in_code/index.html');
    expect(page).toContain('<code>[[page_in_inline_code]]</code>');
    expect(page).toContain('[[page_in_code_block]] stays as written');
    expect(page).not.toContain('page_in_code_block (page does not exist yet)');
  });

  it('links a page to itself and to its own section', () => {
    const page = published.read('wiki/self_link/index.html');
    expect(page).toContain('<a class="wikilink" href="/wiki/self_link/">itself</a>');
    expect(page).toContain('href="#details"');
  });

  it('serves an article and a namespace of the same name side by side', () => {
    expect(published.read('wiki/hardware/index.html')).toContain('<a class="wikilink" href="/wiki/hardware/h100_ns/">H100 (in a namespace)</a>');
    expect(published.read('wiki/hardware/h100_ns/index.html')).toContain('<a class="wikilink" href="/wiki/hardware/">Hardware</a>');
  });

  it('publishes non-ASCII and accented ids at percent-encoded addresses', () => {
    expect(published.exists('wiki/华为/index.html')).toBe(true);
    expect(published.exists('wiki/emile/index.html')).toBe(true);
    expect(published.read('wiki/ascend_910b/index.html')).toContain('<a class="wikilink" href="/wiki/%E5%8D%8E%E4%B8%BA/">华为</a>');
    expect(published.read('wiki/华为/index.html')).toContain('<a class="wikilink" href="/wiki/emile/">Émile</a>');
  });

  it('renders sixty nested lists and sixty nested quotes', () => {
    const page = published.read('wiki/deep_nesting/index.html');
    expect(page.match(/<ul>/g)?.length).toBeGreaterThanOrEqual(60);
    expect(page.match(/<blockquote>/g)?.length).toBe(60);
    expect(page).toContain('level 59');
  });

  it(`publishes a 1 MB article whole`, () => {
    const page = published.read('wiki/large/index.html');
    expect(page).toContain('The last sentence.');
    expect(page.match(/class="wikilink" href="\/wiki\/ascend_910b\/"/g)?.length).toBeGreaterThan(9000);
    console.info(`bad-input build of ${invariants.articles} articles, one of 1 MB: ${published.seconds.toFixed(1)} s`);
  });

  it('escapes HTML from titles, descriptions, tags and link text', () => {
    const page = published.read('wiki/html_in_text/index.html');
    expect(page).toContain('<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(page).toContain('<h1 data-pagefind-meta="title" data-pagefind-weight="10">&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;');
    // Parsed as a browser parses it: text from content made no element and no script, on any page.
    for (const file of htmlFiles(published.outDir)) {
      const html = readFileSync(join(published.outDir, file), 'utf8');
      const tree = fromHtml(html);
      const made: string[] = [];
      visit(tree, 'element', (element) => {
        if (['b', 'i', 'img'].includes(element.tagName)) made.push(element.tagName);
      });
      expect(made, file).toEqual([]);
      expect(
        inlineScriptsOfPage(parsePage(html)).filter((script) => script.includes('alert(')),
        file,
      ).toEqual([]);
    }
  });

  it('writes no inline event handler on any page', () => {
    const pages = htmlFiles(published.outDir);
    expect(pages.length).toBeGreaterThan(11);
    for (const file of pages) expect(inlineEventHandlers(readFileSync(join(published.outDir, file), 'utf8')), file).toEqual([]);
  });

  it('gives links to other sites rel="noopener noreferrer"', () => {
    const page = published.read('wiki/html_in_text/index.html');
    const external = [...page.matchAll(/<a [^>]*href="https?:\/\/[^"]*"[^>]*>/g)].map((m) => m[0]);
    expect(external.length).toBeGreaterThanOrEqual(2);
    for (const link of external) expect(link).toContain('rel="noopener noreferrer"');
  });

  it('sends a Content-Security-Policy on every page that allows Pagefind and only hashed inline scripts', () => {
    for (const file of htmlFiles(published.outDir)) {
      const html = readFileSync(join(published.outDir, file), 'utf8');
      const policy = pagePolicy(html);
      expect(policy, file).toBeDefined();
      const scriptSources = directiveSources(policy ?? '', 'script-src');
      expect(scriptSources).toContain("'wasm-unsafe-eval'");
      expect(scriptSources).not.toContain("'unsafe-inline'");
      expect(scriptSources).not.toContain("'unsafe-eval'");
      expect(directiveSources(policy ?? '', 'object-src')).toEqual(["'none'"]);
      for (const script of inlineScriptsOfPage(html)) expect(scriptSources, `${file}: ${script.slice(0, 40)}`).toContain(`'${cspHash(script)}'`);
    }
  });

  it('writes the policy to _headers too, for hosts that send headers', () => {
    const headers = published.read('_headers');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self';.*script-src 'self' 'wasm-unsafe-eval' 'sha256-/m);
    expect(headers).toContain("frame-ancestors 'self'");
  });
});

describe('cases that stop the build: one build over the previous site', () => {
  it('fails', () => {
    expect(stopped.status).not.toBe(0);
  });

  it('names the file, the line and the fix of every problem', () => {
    for (const line of [
      'broken_yaml.mdx:4: error: the frontmatter is not valid YAML',
      'untitled.mdx:1: error: field `title`: every article needs a title',
      'empty.mdx:1: error: the article has no frontmatter',
      'unsafe_urls.mdx:5:3: error: the address `javascript:…`',
      'unsafe_urls.mdx:7:3: error: the address `data:…`',
      'script_in_content.mdx:7:1: error: `<script>` is not allowed in an article',
      'script_in_content.mdx:9:1: error: the event handler `onClick`',
      'mdx_syntax.mdx:7:',
      'import_in_prose.mdx:7:',
      'nvidia.mdx: error: its id `nvidia` is also the id of Nvidia.mdx',
      'cycle_a.mdx:3: error: alias `cycle_b` is the id of the article cycle_b.mdx',
    ]) {
      expect(stopped.output).toContain(line);
    }
  });

  it('prints sentences, not a stack trace', () => {
    expect(stopped.output).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules\/[^\s]+\.js:\d+/);
  });

  it('leaves the previous site intact and says so', () => {
    expect(stopped.output).toContain(`the previous site in ${siteDir} is unchanged`);
    expect(existsSync(join(siteDir, 'wiki/large/index.html'))).toBe(true);
    expect(readdirSync(work).filter((name) => name.includes('.building-'))).toEqual([]);
  });
});
