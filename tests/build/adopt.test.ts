/**
 * A wiki another team adopts: its own name, language (German), logo, licence and repository, all in its
 * wiki.config.yaml, built from a git repository made here (two authors, a rename). Nothing of this wiki's own
 * name or English interface may show; history, Recent changes, its feed, edit links and Cite this page come
 * from git. Then the same folder outside git, in a shallow clone, and with a mistake in its settings.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sax from 'sax';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_UI_STRINGS, ENGLISH_UI_STRINGS } from '../../src/shared/ui-strings.ts';
import { buildSite, repoRoot, runBuild, type BuildResult } from '../helpers/build-site.ts';
import { AUTHORS, copyWithoutGit, makeGitWiki, shallowClone, type GitWiki } from '../helpers/git-wiki.ts';

const CONFIG = `title: Vogelwiki
tagline: Jeder Vogel des Tals, mit Quellen.
logo: ./logo.svg
language: de
site: https://voegel.example.org
repository: { url: https://github.com/vogel/wiki, branch: main }
license: CC BY-SA 4.0
citationStyle: apa
`;

const MAIN_PAGE = `---
title: Willkommen im Vogelwiki
toc: false
---

Das Vogelwiki hat <ArticleCount /> Artikel.

## Vogel des Monats

<FeaturedArticle page="voegel:meise" />

## Neu bearbeitet

<RecentChanges count="3" />

## Nach Thema

<ArticlesByTopic />
`;

let wiki: GitWiki;
let site: BuildResult;

/** Every file of the built site, text decoded (Pagefind's compressed files unpacked). */
function builtTexts(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(html|xml|atom|json|txt|js|css|svg)$|_headers$/.test(entry.name)) out.push([path, readFileSync(path, 'utf8')]);
      else if (/\.pf_(fragment|meta|index|filter)$/.test(entry.name)) out.push([path, gunzipSync(readFileSync(path)).toString('latin1')]);
    }
  };
  walk(dir);
  return out;
}

/** The text a reader can see or hear of a page: scripts and the strings data attribute left out. */
const readable = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/data-ui-strings="[^"]*"/g, '');

beforeAll(() => {
  wiki = makeGitWiki({ config: CONFIG, mainPage: MAIN_PAGE });
  site = buildSite(wiki.content, 'adopt-vogelwiki');
});

describe('a wiki with its own name and language', () => {
  it('builds, and says where its settings and history came from', () => {
    expect(site.status, site.output).toBe(0);
    expect(site.output).toContain(`settings from ${join(wiki.content, 'wiki.config.yaml')}; history: 3 articles' histories from git (4 commits read)`);
    // Each history page written by the history's thread from its template as Astro rendered it, before build:done.
    expect(site.output).toContain('history pages: 3 written, 3 of them while Astro generated its pages');
  });

  it('has no trace of this wiki in any page, feed, index or manifest', () => {
    const files = builtTexts(site.outDir);
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter(([, text]) => /AI Compute/i.test(text)).map(([path]) => path)).toEqual([]);
  });

  it('speaks German on every page: no English label of the interface', () => {
    const german = BUNDLED_UI_STRINGS['de'] ?? {};
    const english = Object.entries(ENGLISH_UI_STRINGS)
      .filter(([key, text]) => german[key] !== text && !/[{}`]/.test(text) && text.includes(' '))
      .map(([, text]) => text);
    expect(english).toContain('What links here');
    const pages = builtTexts(site.outDir).filter(([path]) => /\.(html|atom)$/.test(path));
    const found = pages.flatMap(([path, html]) => english.filter((label) => readable(html).includes(label)).map((label) => `${path}: ${label}`));
    expect(found).toEqual([]);
    for (const [path, html] of pages.filter(([p]) => p.endsWith('.html'))) expect(html, path).toMatch(/<html lang="de"/);
  });

  it('labels its callouts and describes its charts in German', () => {
    const html = site.read('wiki/amsel/index.html');
    expect(html).toContain('aria-label="Warnung"');
    expect(html).toContain('<p class="callout-title">Warnung</p>');
    expect(html).toContain('<desc>Balkendiagramm: paare nach jahr. 2024: 120; 2025: 135.</desc>');
    expect(html).toContain('<summary>Die Zahlen</summary>');
    expect(html).not.toMatch(/>(Warning|The numbers)</);
  });

  it('has Pagefind index its articles as German', () => {
    const entry = JSON.parse(site.read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['de']);
    expect(entry.languages['de']?.page_count).toBe(2);
  });

  it('shows its name, logo and licence on every page', () => {
    const html = site.read('wiki/amsel/index.html');
    expect(html).toContain('<title>Amsel – Vogelwiki</title>');
    expect(html).toMatch(/<a class="site-name" href="\/"><img class="site-logo" src="\/logo\.svg" alt="" width="32" height="32"[^>]*>Vogelwiki<\/a>/);
    expect(html).toContain('<a href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license noopener noreferrer">CC BY-SA 4.0</a>');
    expect(site.read('logo.svg')).toContain('<circle');
  });
});

describe('the main page, index.mdx', () => {
  it('is the home page at /, with the lists it embeds, and not an article under /wiki/', () => {
    const html = site.read('index.html');
    expect(html).toContain('<h1 data-pagefind-meta="title" data-pagefind-weight="10">Willkommen im Vogelwiki</h1>');
    expect(html).toContain('Das Vogelwiki hat 2 Artikel.');
    expect(html).toMatch(
      /<div class="featured-article"><p class="featured-title"><a class="wikilink" href="\/wiki\/voegel\/meise\/">Kohlmeise<\/a><\/p><p>Die größte Meise Europas\.<\/p><\/div>/,
    );
    expect(html).toContain('<time datetime="2026-03-05T10:00:00+01:00">5. März 2026</time> <a class="wikilink" href="/wiki/voegel/meise/">Kohlmeise</a>');
    expect(html).toContain('<h3 id="meisen">meisen');
    expect(html).not.toContain('data-pagefind-body');
    expect(site.exists('wiki/index/index.html')).toBe(false);
    expect(site.read('special/all-pages/index.html')).not.toContain('Willkommen');
  });
});

describe('an article', () => {
  const article = () => site.read('wiki/voegel/meise/index.html');

  it('says when it was last changed, linking to its history', () => {
    expect(article()).toContain('<a href="/special/history/voegel/meise/">Zuletzt geändert am <time datetime="2026-03-05">5. März 2026</time></a>');
  });

  it('links to its file on the code host, for editing', () => {
    expect(article()).toContain('<a href="https://github.com/vogel/wiki/edit/main/wiki/voegel/meise.mdx" rel="noopener noreferrer">Seite bearbeiten</a>');
  });

  it('offers its citation: the configured style and BibTeX, with the revision read and its permanent address', () => {
    const cite = /<details class="cite-page"[\s\S]*?<\/details>/.exec(article())?.[0] ?? '';
    const hash = wiki.commits[3] ?? '';
    expect(cite).toContain('<summary>Seite zitieren</summary>');
    expect(cite).toContain('Mitwirkende von Vogelwiki. (2026, März 5). Kohlmeise. Vogelwiki. https://voegel.example.org/wiki/voegel/meise/');
    expect(cite).toContain('@misc{Vogelwiki:voegel:meise,');
    expect(cite).toContain(`note         = {Version ${hash} vom 5. März 2026, https://github.com/vogel/wiki/blob/${hash}/wiki/voegel/meise.mdx}`);
    expect(cite).toContain(
      `<a href="https://github.com/vogel/wiki/blob/${hash}/wiki/voegel/meise.mdx" rel="noopener noreferrer">Version ${hash.slice(0, 7)} vom 5. März 2026</a>`,
    );
  });
});

describe('the history of an article', () => {
  const history = () => site.read('special/history/voegel/meise/index.html');

  it('lists every commit that changed it, renames followed, newest first: date, author, message, lines', () => {
    const items = [...history().matchAll(/<li class="change" id="commit-([0-9a-f]+)">([\s\S]*?)<\/li>/g)];
    expect(items.map((m) => m[1])).toEqual([wiki.commits[3], wiki.commits[2], wiki.commits[0]]);
    const text = (i: number) => (items[i]?.[2] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text(0)).toContain(`5. März 2026 ${AUTHORS.ada.name} Meise: Nahrung im Winter +4 −0`);
    expect(text(1)).toContain(`15. Februar 2026 ${AUTHORS.bo.name} Kohlmeise nach voegel:meise verschoben +1 −1 4 Zeilen`.replace(' 4 Zeilen', ''));
    expect(text(1)).toContain('umbenannt von kohlmeise.mdx');
    expect(text(2)).toContain(`10. Januar 2026 ${AUTHORS.ada.name} Erste Artikel: Amsel und Kohlmeise`);
    expect(text(2)).toContain('(angelegt)');
  });

  it('links each change to its commit and its diff on the host, and to the text as it stood', () => {
    const hash = wiki.commits[3] ?? '';
    const anchor = createHash('sha256').update('wiki/voegel/meise.mdx').digest('hex');
    expect(history()).toContain(`<a href="https://github.com/vogel/wiki/commit/${hash}" rel="noopener noreferrer">Commit ${hash.slice(0, 7)}</a>`);
    expect(history()).toContain(`<a href="https://github.com/vogel/wiki/commit/${hash}#diff-${anchor}" rel="noopener noreferrer">Unterschied</a>`);
    expect(history()).toContain(`href="https://github.com/vogel/wiki/blob/${wiki.commits[0] ?? ''}/wiki/kohlmeise.mdx"`);
  });

  it('shows the latest change word by word, and is kept out of search engines', () => {
    expect(history()).toMatch(/<ins><span class="visually-hidden">\[hinzugefügt: <\/span>[^<]*Nahrung[^<]*/);
    expect(history()).toContain('<meta name="robots" content="noindex">');
    expect(site.read('sitemap-0.xml')).not.toContain('/special/history/');
  });

  it('has its own title, description and address (written from a template of Astro’s), and no template is left in the site', () => {
    const page = history();
    const title = /<title>([^<]*)<\/title>/.exec(page)?.[1];
    expect(title).toBe('Versionsgeschichte von Kohlmeise – Vogelwiki');
    expect(page).toContain('<link rel="canonical" href="https://voegel.example.org/special/history/voegel/meise/">');
    expect(page).toContain('<meta property="og:url" content="https://voegel.example.org/special/history/voegel/meise/">');
    expect(page).not.toContain('wiki-history-body');
    expect(page).not.toContain('\u0001');
    expect(readdirSync(join(site.outDir, 'special/history')).filter((name) => name.startsWith('.'))).toEqual([]);
    // Each article's page holds its own history: the other article's has its own title and first commit only.
    const amsel = site.read('special/history/amsel/index.html');
    expect(/<title>([^<]*)<\/title>/.exec(amsel)?.[1]).toBe('Versionsgeschichte von Amsel – Vogelwiki');
    expect(amsel).not.toContain(`id="commit-${wiki.commits[3] ?? ''}"`);
  });
});

describe('Recent changes and its feed', () => {
  it('lists each change to an article: date, article, author, message', () => {
    const html = site.read('special/recent-changes/index.html');
    const items = [...html.matchAll(/<li class="change"[^>]*>([\s\S]*?)<\/li>/g)].map((m) =>
      (m[1] ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(items).toHaveLength(6);
    expect(items[0]).toMatch(/^5\. März 2026 Kohlmeise Ada Amsel Meise: Nahrung im Winter \+4 −0/);
    expect(items.at(-1)).toMatch(/^10\. Januar 2026 Kohlmeise Ada Amsel Erste Artikel: Amsel und Kohlmeise/);
  });

  it('is an Atom feed (RFC 4287), well-formed, linked from every page', () => {
    const xml = site.read('special/recent-changes.atom');
    const parser = sax.parser(true, { xmlns: true });
    const elements: Array<{ path: string; attributes: Record<string, string>; text: string }> = [];
    const stack: string[] = [];
    parser.onopentag = (tag) => {
      stack.push('local' in tag ? tag.local : tag.name);
      elements.push({
        path: stack.join('/'),
        attributes: Object.fromEntries(Object.entries(tag.attributes).map(([name, a]) => [name, typeof a === 'string' ? a : a.value])),
        text: '',
      });
    };
    parser.ontext = (text) => {
      const current = [...elements].reverse().find((e) => e.path === stack.join('/'));
      if (current) current.text += text;
    };
    parser.onclosetag = () => void stack.pop();
    parser.write(xml).close();
    const all = (path: string) => elements.filter((e) => e.path === path);
    const one = (path: string) => all(path)[0]?.text.trim() ?? '';
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">');
    // atom:feed: exactly one id, title and updated; an author (or one in each entry); a link rel="self".
    for (const required of ['feed/id', 'feed/title', 'feed/updated', 'feed/author/name']) expect(all(required), required).toHaveLength(1);
    expect(one('feed/title')).toBe('Vogelwiki: Letzte Änderungen');
    expect(all('feed/link').map((l) => l.attributes['rel'])).toEqual(['self', 'alternate']);
    expect(all('feed/link')[0]?.attributes['href']).toBe('https://voegel.example.org/special/recent-changes.atom');
    const entries = all('feed/entry');
    expect(entries).toHaveLength(6);
    for (const required of ['feed/entry/id', 'feed/entry/title', 'feed/entry/updated', 'feed/entry/author/name', 'feed/entry/summary', 'feed/entry/link'])
      expect(all(required), required).toHaveLength(6);
    const ids = all('feed/entry/id').map((e) => e.text);
    expect(new Set(ids).size).toBe(6);
    for (const id of ids) expect(id).toMatch(/^tag:voegel\.example\.org,\d{4}-\d\d-\d\d:change\//);
    for (const updated of [...all('feed/updated'), ...all('feed/entry/updated')])
      expect(updated.text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
    expect(one('feed/updated')).toBe('2026-03-05T10:00:00+01:00');
    expect(all('feed/entry/title')[0]?.text).toBe('Kohlmeise: Meise: Nahrung im Winter');
    expect(site.read('wiki/amsel/index.html')).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Vogelwiki: Letzte Änderungen (Atom)" href="/special/recent-changes.atom">',
    );
  });
});

describe('the same wiki elsewhere', () => {
  it('outside git: builds, without history pages, and Recent changes says why', () => {
    const plain = buildSite(copyWithoutGit(wiki), 'adopt-outside-git');
    expect(plain.status, plain.output).toBe(0);
    expect(plain.output).toContain('history: the content folder is not in a git repository');
    expect(plain.exists('special/history')).toBe(false);
    expect(plain.read('special/recent-changes/index.html')).toContain('Der Inhaltsordner liegt in keinem Git-Repository');
    expect(plain.read('wiki/amsel/index.html')).not.toContain('/special/history/');
    expect(plain.read('special/recent-changes.atom')).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  }, 400_000);

  it('in a shallow clone: builds, and its history pages say what is missing', () => {
    const clone = shallowClone(wiki);
    const shallow = buildSite(clone.content, 'adopt-shallow');
    expect(shallow.status, shallow.output).toBe(0);
    expect(shallow.output).toContain('this is a shallow clone, so history before 2026-03-05 is missing');
    const history = shallow.read('special/history/voegel/meise/index.html');
    expect(history).toContain('Dieser Build stammt aus einem flachen Klon des Repositorys: Änderungen vor dem 5. März 2026 fehlen.');
    expect(history).toContain('Der Text vor dieser Änderung fehlt in dieser Kopie des Repositorys');
  }, 400_000);

  it('with a citation style of its own, a .csl file of the content folder: References and Cite this page in it', () => {
    const dir = copyWithoutGit(wiki);
    const style = (label: string) => `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Vogelstil</title><id>http://example.org/vogelstil</id><category citation-format="author-date"/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text value="${label}: "/><text variable="title"/><text value=" ("/><date variable="issued"><date-part name="year"/></date><text value=")"/></layout></bibliography>
</style>
`;
    mkdirSync(join(dir, 'stile'));
    writeFileSync(join(dir, 'stile/vogel.csl'), style('Vogelstil'));
    writeFileSync(join(dir, 'wiki.config.yaml'), CONFIG.replace('citationStyle: apa', 'citationStyle: ./stile/vogel.csl'));
    writeFileSync(
      join(dir, 'references.bib'),
      '@book{huber2020, title = {Die Vögel des Tals}, author = {Huber, Anna}, year = {2020}, publisher = {Talverlag}}\n',
    );
    writeFileSync(join(dir, 'quellen.mdx'), '---\ntitle: Quellen\n---\n\nDie Amsel singt im Tal.[@huber2020]\n');
    const work = join(repoRoot, 'tests/.output/adopt-csl');
    const built = buildSite(dir, 'adopt-csl');
    expect(built.status, built.output).toBe(0);
    // The style file is read, not reported as a stray file of the content folder.
    expect(built.output).not.toMatch(/vogel\.csl.*not published/);
    expect(built.read('wiki/quellen/index.html')).toContain('Vogelstil: Die Vögel des Tals (2020)');
    expect(/<details class="cite-page"[\s\S]*?<\/details>/.exec(built.read('wiki/voegel/meise/index.html'))?.[0]).toContain('Vogelstil: Kohlmeise (');
    // An edited style renders the articles again, though their text is unchanged.
    writeFileSync(join(dir, 'stile/vogel.csl'), style('Talstil'));
    const rebuilt = runBuild([join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], dir, join(work, 'dist-again'), join(work, 'cache'));
    expect(rebuilt.status, rebuilt.output).toBe(0);
    expect(readFileSync(join(work, 'dist-again/wiki/quellen/index.html'), 'utf8')).toContain('Talstil: Die Vögel des Tals (2020)');
  }, 400_000);

  it('with a mistake in wiki.config.yaml: stops, naming the file, the line and the fix', () => {
    const broken = copyWithoutGit(wiki);
    writeFileSync(join(broken, 'wiki.config.yaml'), 'title: Vogelwiki\nlanguage: de\nstrickt: true\n');
    const failed = buildSite(broken, 'adopt-bad-config');
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('wiki.config.yaml:3: error: unknown field `strickt`: did you mean `strict`?');
    expect(failed.exists('index.html')).toBe(false);
  }, 400_000);
});
