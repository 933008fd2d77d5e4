/** The link graph's pages on a small fixture wiki, built once: special pages, redirects, See also, previews, sitemap, 404. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, repoRoot, type BuildResult } from '../helpers/build-site.ts';

const fixture = join(repoRoot, 'tests/fixtures/graph');
const SITE = 'https://wiki.example.org';
let site: BuildResult;

/** The text of an HTML fragment, tags removed, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([),.])/g, '$1')
    .trim();
/** The `<main>` of a built page. */
const main = (path: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(site.read(path))?.[1] ?? '';

beforeAll(() => {
  site = buildSite(fixture, 'graph-special-pages', { WIKI_SITE: SITE });
});

describe('the link graph on a fixture wiki', () => {
  it('builds', () => {
    expect(site.status, site.output).toBe(0);
    // Its public address is given (WIKI_SITE): no warning that addresses lead to localhost.
    expect(site.output).not.toContain('no `site`');
  });

  it('All pages lists every article A–Z, grouped by namespace', () => {
    const html = main('special/all-pages/index.html');
    expect(text(html)).toMatch(/Main namespace Huawei .* Lonely – An article nothing links to\. Nvidia – American designer of GPUs\. hardware Ascend/);
    // As a reader sees it: the tags taken away, no space added (a line break in the template is none in the page).
    expect(html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toContain('Other lists: Tags, Recent changes, Wanted pages, Orphaned pages.');
  });

  it('Wanted pages lists each red-link target with the articles (file and line) that link to it, most wanted first', () => {
    const html = main('special/wanted/index.html');
    expect(text(html)).toMatch(
      /missing_chip \(create missing_chip\.mdx\), linked from Ascend \(hardware\/ascend\.mdx:6\), Huawei \(huawei\.mdx:10\) tpu \(create tpu\.mdx\), linked from Huawei \(huawei\.mdx:4\)/,
    );
    expect(html).toContain('id="page-missing_chip"');
    expect(text(html)).toContain('Articles link to these pages, but they do not exist yet.');
  });

  it('Orphaned pages lists only the article nothing links to', () => {
    const html = main('special/orphaned/index.html');
    expect(html.match(/class="wikilink"/g)).toHaveLength(1);
    expect(html).toContain('<a class="wikilink" href="/wiki/lonely/">Lonely</a>');
    expect(text(html)).toContain('No other article links to these.');
  });

  it('Tags has an index and a page per tag; spellings differing in case share one, named as the first article writes it', () => {
    expect(text(main('special/tags/index.html'))).toContain('company (3 articles) hardware (2 articles)');
    const hardware = main('special/tags/hardware/index.html');
    expect(text(hardware)).toMatch(/Tag: hardware 2 articles tagged hardware.*Ascend.*Nvidia/);
    expect(site.exists('special/tags/company/index.html')).toBe(true);
  });

  it('Recent changes lists the changes to its articles from git, newest first, as git log gives them', () => {
    const html = main('special/recent-changes/index.html');
    const shown = [...html.matchAll(/<li class="change">[\s\S]*?<code>([0-9a-f]{7})<\/code>/g)].map((m) => m[1]);
    // The oracle: git itself, each commit once per article file it changed.
    const log = spawnSync('git', ['log', '--format=%x01%h', '--name-only', '--relative', '-M', '--', '.'], { cwd: fixture, encoding: 'utf8' }).stdout;
    const expected = log
      .split('\u0001')
      .filter(Boolean)
      .flatMap((chunk) => {
        const [hash = '', ...files] = chunk.split('\n').filter(Boolean);
        return files.filter((file) => file.endsWith('.mdx')).map(() => hash.slice(0, 7));
      })
      .slice(0, 50);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(expected);
  });

  it('Random article carries the list of every article for its script', () => {
    const urls = /data-urls="([^"]+)"/.exec(site.read('special/random/index.html'))?.[1]?.replace(/&quot;/g, '"') ?? '[]';
    expect((JSON.parse(urls) as string[]).sort()).toEqual(['/wiki/hardware/ascend/', '/wiki/huawei/', '/wiki/lonely/', '/wiki/nvidia/']);
  });
});

describe('redirects for aliases', () => {
  it('give /wiki/<alias>/ a redirect page with a canonical link and a visible link', () => {
    const html = site.read('wiki/nvidia_corporation/index.html');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/wiki/nvidia/">');
    expect(html).toContain(`<link rel="canonical" href="${SITE}/wiki/nvidia/">`);
    expect(html).toContain('<a href="/wiki/nvidia/">Nvidia</a>');
  });

  it('send wiki links written with an alias straight to the article', () => {
    expect(site.read('wiki/huawei/index.html')).toContain('<a class="wikilink" href="/wiki/nvidia/">Nvidia</a>, an American firm');
  });
});

describe('on every article', () => {
  it('What links here gives each linking article with the sentence around the link', () => {
    const nvidia = site.read('wiki/nvidia/index.html');
    const backlinks = nvidia.slice(nvidia.indexOf('id="what-links-here"'));
    expect(text(backlinks)).toContain('Huawei Its main rival is Nvidia, an American firm.');
    expect(text(backlinks)).toContain('Lonely It links to Nvidia.');
  });

  it('a body "See also" list shows descriptions and takes in the frontmatter seeAlso, as one section', () => {
    const huawei = site.read('wiki/huawei/index.html');
    expect(huawei).toMatch(
      /<ul class="see-also-list" data-pagefind-ignore(?:="")?>\s*<li><a class="wikilink" href="\/wiki\/nvidia\/">Nvidia<\/a><span class="page-description"> – American designer of GPUs\.<\/span><\/li>/,
    );
    expect(huawei).toMatch(/<li><a class="wikilink new"[^>]*href="\/special\/wanted\/#page-tpu">tpu<\/a><\/li>\s*<\/ul>/);
    expect(huawei).not.toContain('class="see-also"');
  });

  it('lists its tags, each linking to the page of the tag', () => {
    const tags = /<nav class="tag-list[^"]*" aria-label="Tags"[\s\S]*?<\/nav>/.exec(site.read('wiki/nvidia/index.html'))?.[0] ?? '';
    expect(tags).toMatch(/<a href="\/special\/tags\/company\/"[^>]*>company<\/a>/);
    expect(tags).toMatch(/<a href="\/special\/tags\/hardware\/"[^>]*>Hardware<\/a>/);
  });

  it('has a small prebuilt preview: title, description or lead, first image', () => {
    expect(JSON.parse(site.read('previews/nvidia.json'))).toEqual({
      title: 'Nvidia',
      url: '/wiki/nvidia/',
      description: 'American designer of GPUs.',
      image: { src: '/favicon.svg', alt: "The wiki's logo" },
    });
    expect(JSON.parse(site.read('previews/huawei.json'))).toMatchObject({
      description: 'Huawei is a Chinese maker of phones and chips. Its main rival is Nvidia, an American firm.',
    });
    expect(site.exists('previews/hardware/ascend.json')).toBe(true);
  });

  it('has a canonical link, title, description and OpenGraph tags', () => {
    const nvidia = site.read('wiki/nvidia/index.html');
    expect(nvidia).toContain(`<link rel="canonical" href="${SITE}/wiki/nvidia/">`);
    expect(nvidia).toContain('<meta property="og:title" content="Nvidia">');
    expect(nvidia).toContain('<meta name="description" content="American designer of GPUs.">');
    expect(nvidia).toMatch(/<link rel="icon" href="\/favicon\.svg"/);
  });
});

describe('around the site', () => {
  it('the sitemap lists articles with their last change, special pages, and no redirects', () => {
    const sitemap = site.read('sitemap-0.xml');
    expect(sitemap).toContain(`<loc>${SITE}/wiki/nvidia/</loc><lastmod>2026-01-05`);
    expect(sitemap).toContain(`<loc>${SITE}/special/all-pages/</loc>`);
    expect(sitemap).not.toContain('nvidia_corporation');
    expect(sitemap).not.toContain('/special/random/');
    expect(sitemap).not.toContain('404');
  });

  it('robots.txt points at the sitemap', () => {
    expect(site.read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    expect(site.exists('sitemap-index.xml')).toBe(true);
  });

  it('the 404 page has a search box and the list for "did you mean", which it fills from the title index, not from a list of its own', () => {
    const html = site.read('404.html');
    expect(html).toMatch(/<form[^>]*role="search" aria-label="Search for this page"[^>]*action="\/search\/"/);
    expect(html).toMatch(/<section id="did-you-mean" hidden/);
    expect(html).not.toContain('nvidia_corporation');
    const manifest = JSON.parse(site.read('search-titles/index.json')) as { pieces: string[] };
    expect(manifest.pieces).toEqual(['']);
    expect(JSON.parse(site.read('search-titles/p-.json'))).toContainEqual(expect.arrayContaining(['nvidia', 'Nvidia', 'nvidia_corporation']));
  });
});

describe('the lists of a wiki with nothing to list', () => {
  it('say so, without the introduction to a list that is not there', () => {
    const content = join(repoRoot, 'tests/.output/linked-wiki-content');
    rmSync(content, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    writeFileSync(join(content, 'alpha.mdx'), '---\ntitle: Alpha\n---\n\nAlpha links to [[beta]].\n');
    writeFileSync(join(content, 'beta.mdx'), '---\ntitle: Beta\n---\n\nBeta links to [[alpha]].\n');
    const linked = buildSite(content, 'linked-wiki');
    expect(linked.status, linked.output).toBe(0);
    // Built without its public address: a warning says where the addresses lead, and what to set.
    expect(linked.output).toMatch(
      /no `site` in wiki\.config\.yaml: canonical links, the sitemap, the feed and "Cite this page" give addresses on http:\/\/localhost:4321; before publishing, set `site: https:\/\/…` \(or WIKI_SITE\)/,
    );
    const wanted = text(/<main[^>]*>([\s\S]*)<\/main>/.exec(linked.read('special/wanted/index.html'))?.[1] ?? '');
    const orphaned = text(/<main[^>]*>([\s\S]*)<\/main>/.exec(linked.read('special/orphaned/index.html'))?.[1] ?? '');
    expect(wanted).toBe('Wanted pages Every wiki link leads to an article.');
    expect(orphaned).toBe('Orphaned pages Every article is linked from another.');
  }, 240_000);
});
