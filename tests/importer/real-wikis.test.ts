/**
 * What importing real DokuWiki wikis showed (issue 19): structure lost, mostly in silence. One small page of
 * the shape found on those wikis for each defect; each test fails on the importer as it was before the fix.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/import-dokuwiki.ts';
import { convertPage } from '../../src/importer/convert-page.ts';
import { formatReport } from '../../src/importer/report.ts';
import { parseArticle } from '../../src/model/parse-article.ts';
import { compileArticle, textOf } from './helpers.ts';

/** A DokuWiki `data/` folder with these pages (and media files), imported by the command line in-process. */
function importWiki(pages: Record<string, string>, media: Record<string, string> = {}, ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'dokuwiki-real-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  for (const [path, text] of Object.entries(pages)) write(join(dir, 'data/pages', path), text);
  for (const [path, text] of Object.entries(media)) write(join(dir, 'data/media', path), text);
  let stdout = '';
  let stderr = '';
  const run = (...extra: string[]) => {
    stdout = '';
    stderr = '';
    const code = main(['data/pages', '--out', 'content', ...extra], { cwd: dir, out: (text) => (stdout += text), err: (text) => (stderr += text) });
    return { code, stdout, stderr };
  };
  const first = run(...args);
  const article = (path: string) => readFileSync(join(dir, 'content', path), 'utf8');
  return { dir, ...first, article, run, write: (path: string, text: string) => write(join(dir, path), text) };
}

function elements(tree: HastRoot, tagName: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === tagName) found.push(node);
  });
  return found;
}

function page(source: string, id = 'wiki:page') {
  const converted = convertPage(source, { id });
  return { ...converted, report: formatReport([{ file: 'page.txt', report: converted.report }]) };
}

describe('1. links to sections', () => {
  const wiki = importWiki({
    'ns/a.txt':
      '====== A ======\n\nSee [[ns:sub:b#Some_Section|the section]], [[.sub:b#links_co]], [[ns:sub:b#B Title]] and [[ns:sub:b#nowhere]].\n\nHere: [[#local_section]] and [[#missing_one|gone]].\n\n===== Local section =====\n',
    'ns/sub/b.txt': '====== B Title ======\n\n===== Some Section =====\n\nText.\n\n===== Links & Co =====\n\nMore.\n\n===== Some Section =====\n',
  });

  it('writes each link with the id the build gives the heading it reaches', () => {
    const a = wiki.article('ns/a.mdx');
    const b = parseArticle(wiki.article('ns/sub/b.mdx'), 'ns/sub/b.mdx');
    if (!b.ok) throw new Error('b.mdx does not parse');
    const slugs = b.article.headings.map((heading) => heading.slug);
    expect(slugs).toEqual(['some-section', 'links--co', 'some-section-1']);
    expect(a).toContain('[[ns:sub:b#some-section|the section]]');
    // DokuWiki's `links_co` is the heading "Links & Co", which the build calls `links--co`.
    expect(a).toContain('[[ns:sub:b#links--co|links_co]]');
    // The first heading is the title: the link leads to the top of the article (whose title it shows, as
    // DokuWiki shows the section's name).
    expect(a).toContain('[[ns:sub:b]] and');
  });

  it('reports a section that does not exist with file and line, and leaves it for the build to warn about too', () => {
    expect(wiki.code).toBe(0);
    expect(wiki.stdout).toMatch(
      /data\/pages\/ns\/a\.txt:3 {2}section link: \[\[ns:sub:b#nowhere]]: ns:sub:b has no section #nowhere \(its sections: #some_section, #links_co, #some_section1\)/,
    );
    expect(wiki.stdout).toMatch(/data\/pages\/ns\/a\.txt:5 {2}section link: \[\[#missing_one\|gone]]: this page has no section #missing_one/);
    expect(wiki.article('ns/a.mdx')).toContain('[[ns:sub:b#nowhere|nowhere]]');
  });

  it('writes [[#local]] as a wiki link, which the build checks, not as a plain Markdown link', () => {
    const a = wiki.article('ns/a.mdx');
    expect(a).toContain('[[#local-section|local_section]]');
    expect(a).toContain('[[#missing_one|gone]]');
    expect(a).not.toMatch(/\]\(#/);
  });
});

describe('2. a <code> or <file> block opened in a list item', () => {
  const source =
    "====== Setup ======\n\n  * Put this in the config: <code php conf/local.php>\n<?php\n$conf['title'] = 'Wiki';\n</code> then reload.\n  * Next item <file>\nplain\n</file>\n\nAfter the list.\n";

  it('keeps the code as a code block inside the item, and the text around it', async () => {
    const { mdx, report } = page(source);
    expect(mdx).not.toContain('<code');
    expect(report).toMatch(/Not converted \(kept visibly as code\): none/);
    const tree = await compileArticle(mdx);
    const items = elements(tree, 'li');
    expect(items).toHaveLength(2);
    const [first, second] = items;
    if (first === undefined || second === undefined) throw new Error('two items expected');
    expect(textOf(first)).toContain('Put this in the config:');
    expect(textOf(first)).toContain("$conf['title'] = 'Wiki';");
    expect(textOf(first)).toContain('then reload.');
    expect(elements({ type: 'root', children: [first] }, 'pre')).toHaveLength(1);
    expect(elements({ type: 'root', children: [second] }, 'pre')).toHaveLength(1);
    expect(textOf(elements(tree, 'p').at(-1)).trim()).toBe('After the list.');
  });
});

describe('3. image alignment', () => {
  const source = '====== Gallery ======\n\n{{ wiki:a.png}}\n\n{{wiki:b.png?100&right}}\n\n{{wiki:c.png?left}}\n\n{{ wiki:d.png |Centred}}\n';

  it('becomes a class the site styles, never a style attribute the CSP would block', () => {
    const { mdx } = page(source);
    expect(mdx).not.toMatch(/style/);
    expect(mdx).toContain('<img src="/media/wiki/a.png" alt="" className="align-right" />');
    expect(mdx).toContain('<img src="/media/wiki/b.png" alt="" width="100" className="align-right" />');
    expect(mdx).toContain('<img src="/media/wiki/c.png" alt="" className="align-left" />');
    expect(mdx).toContain('className="align-center"');
    const css = readFileSync(new URL('../../src/styles/article.css', import.meta.url), 'utf8');
    for (const align of ['left', 'right', 'center']) expect(css).toMatch(new RegExp(`\\.align-${align} \\{`));
  });

  it('keeps the alignment of pictures copied beside the article', () => {
    const wiki = importWiki(
      { 'wiki/gallery.txt': source },
      { 'wiki/a.png': 'a', 'wiki/b.png': 'b', 'wiki/c.png': 'c', 'wiki/d.png': 'd' },
      '--media',
      'data/media',
    );
    const mdx = wiki.article('wiki/gallery.mdx');
    expect(mdx).toContain('<span className="align-right">![](./a.png)</span>');
    expect(mdx).toContain('<span className="align-left">![](./c.png)</span>');
    expect(wiki.stdout).toMatch(/wiki\/gallery\.txt:5 {2}image size: \{\{wiki:b\.png\?100&right}}: shown at the size of the file/);
  });
});

describe("4. DokuWiki's default interwiki shortcuts user> and this>", () => {
  it('links user> to the user page and this> to this site, and reports neither as unknown', () => {
    const { mdx, report } = page('====== Team ======\n\nAsk [[user>jane_doe]] or [[user>bob|Bob]]; see [[this>doku.php?do=index|the index]].\n');
    expect(mdx).toContain('Ask [[user:jane_doe|jane_doe]] or [[user:bob|Bob]]; see [the index](/doku.php?do=index).');
    expect(report).not.toContain('unknown interwiki');
    expect(report).toMatch(/page\.txt:3 {2}interwiki this>: \[\[this>doku\.php\?do=index\|the index]] links into the DokuWiki itself/);
  });
});

describe('5. \\\\ at the end of a paragraph', () => {
  it('leaves no stray backslash', async () => {
    const { mdx } = page('====== Address ======\n\nMain Street 1\\\\\nSpringfield\\\\\n\nNext paragraph.\\\\ \n');
    const text = textOf(await compileArticle(mdx));
    expect(text).not.toContain('\\');
    expect(text).toContain('Springfield');
  });
});

describe('6. smaller losses', () => {
  it('keeps each cell alignment a table can keep, and reports the cells it cannot', () => {
    const { mdx, report } = page('====== T ======\n\n^ Name ^ Count ^\n| a    |     1|\n| b    |     2|\n|  c  |  3   |\n');
    expect(mdx).toMatch(/\| :?-+ +\| -+: \|/);
    // The header and `3` are not right-aligned in DokuWiki; `c` is centred.
    expect(report).toMatch(/page\.txt:3 {2}cell alignment: 3 cells are aligned unlike the rest of their column/);
  });

  it('keeps {{tag>…}} in a table cell as links to the tags, and in the frontmatter', () => {
    const { mdx } = page('====== Projects ======\n\n^ Project ^ Tags ^\n| Wiki | {{tag>docs web}} |\n');
    expect(mdx).toContain('tags: ["docs", "web"]');
    expect(mdx).toContain('| Wiki    | [docs](/special/tags/docs/), [web](/special/tags/web/) |');
  });

  it('shows a URL or an e-mail address in <nowiki> or plain text as text, not as a link', async () => {
    const { mdx } = page('====== Contact ======\n\n<nowiki>http://www.example.org</nowiki> and %%www.example.org%%, or write to jane@example.org.\n');
    const tree = await compileArticle(mdx);
    expect(elements(tree, 'a')).toEqual([]);
    expect(textOf(tree)).toContain('http://www.example.org and www.example.org, or write to jane@example.org.');
  });

  it("folds ł and the other letters of DokuWiki's deaccent table in links, as DokuWiki resolves them", () => {
    const wiki = importWiki({
      'start.txt': '====== Start ======\n\n[[Stół warsztatowy]] and [[Łódź]].\n',
      'stol_warsztatowy.txt': '====== Stół warsztatowy ======\n',
    });
    // The page's title is what DokuWiki shows, so the link needs no text; the missing page shows its name.
    expect(wiki.article('start.mdx')).toContain('[[stol_warsztatowy]] and [[lodz|Łódź]].');
    expect(existsSync(join(wiki.dir, 'content/stol_warsztatowy.mdx'))).toBe(true);
  });

  it("writes ''<related>'' as code, once, and reports nothing", () => {
    const { mdx, report } = page("====== Plugin ======\n\nWrite ''<related>'' then ''</related>'' around the list.\n");
    expect(mdx).toContain('Write `<related>` then `</related>` around the list.');
    expect(report).toMatch(/Not converted \(kept visibly as code\): none/);
  });

  it('embeds a video as <video>, with the link to the file for browsers that cannot play it', () => {
    const { mdx } = page('====== Demo ======\n\n{{wiki:clip.mp4|A short demo}}\n');
    expect(mdx).toContain('<video src="/media/wiki/clip.mp4" controls="controls" title="A short demo">[A short demo](/media/wiki/clip.mp4)</video>');
  });

  it("applies DokuWiki's typography and smileys, and reports the smileys", () => {
    const { mdx, report } = page('====== Notes ======\n\n"Quoted" -> next (c) 2024 -- 640x480... FIXME :-)\n\n  "code" -> stays\n');
    expect(mdx).toContain('“Quoted” → next © 2024 – 640×480… **FIXME** 🙂');
    expect(mdx).toContain('"code" -> stays');
    expect(report).toMatch(/page\.txt:3 {2}smiley: DokuWiki shows these smileys as pictures; here FIXME → \*\*FIXME\*\*, :-\) → 🙂/);
  });
});

describe('media files', () => {
  it('copies the files the pages use: pictures beside the articles, other files to the public folder', () => {
    const wiki = importWiki(
      { 'wiki/start.txt': '====== Start ======\n\n{{wiki:logo.png}} {{:manual.pdf|the manual}} {{wiki:clip.mp4}} {{wiki:gone.png}}\n' },
      { 'wiki/logo.png': 'PNG', 'manual.pdf': 'PDF', 'wiki/clip.mp4': 'MP4', 'wiki/clip.webm': 'WEBM', 'wiki/clip.jpg': 'JPG', 'unused.png': 'x' },
      '--media',
      'data/media',
      '--public',
      'public',
    );
    expect(wiki.code).toBe(0);
    const mdx = wiki.article('wiki/start.mdx');
    expect(mdx).toContain('![](./logo.png)');
    expect(mdx).toContain('[the manual](/media/manual.pdf)');
    expect(mdx).toContain('<source src="/media/wiki/clip.webm" type="video/webm" /><source src="/media/wiki/clip.mp4" type="video/mp4" />');
    expect(mdx).toContain('poster="/media/wiki/clip.jpg"');
    expect(readFileSync(join(wiki.dir, 'content/wiki/logo.png'), 'utf8')).toBe('PNG');
    for (const file of ['manual.pdf', 'wiki/clip.mp4', 'wiki/clip.webm', 'wiki/clip.jpg'])
      expect(existsSync(join(wiki.dir, 'public/media', file)), file).toBe(true);
    expect(existsSync(join(wiki.dir, 'content/unused.png'))).toBe(false);
    // A file data/media lacks: reported with file and line, linked where the build will warn about it.
    expect(wiki.stdout).toMatch(/wiki\/start\.txt:3 {2}media file: \{\{wiki:gone\.png}}: wiki\/gone\.png is not in data\/media/);
    expect(mdx).toContain('![](/media/wiki/gone.png)');
  });
});

describe("the imported wiki's settings", () => {
  it('romanizes ids with --deaccent 2, as a wiki set to romanize names its pages', () => {
    const wiki = importWiki({ 'start.txt': '====== Start ======\n\n[[Привет мир]]\n', 'privet_mir.txt': '====== Привет мир ======\n' }, {}, '--deaccent', '2');
    expect(wiki.code).toBe(0);
    expect(wiki.article('start.mdx')).toContain('[[privet_mir]]');
  });

  it('refuses pages that would become one article, naming both', () => {
    // With deaccent 0, DokuWiki keeps stół and stol apart; this wiki folds accents, so they would collide.
    const wiki = importWiki({ 'stół.txt': '====== A ======\n', 'stol.txt': '====== B ======\n' }, {}, '--deaccent', '0');
    expect(wiki.code).toBe(1);
    expect(wiki.stderr).toMatch(/These pages would become the same article; rename one of each:\n {2}data\/pages\/stol\.txt and data\/pages\/stół\.txt → stol/);
    expect(existsSync(join(wiki.dir, 'content'))).toBe(false);
  });

  it('reads the interwiki shortcuts of the wiki from --interwiki', () => {
    const wiki = importWiki({ 'start.txt': '====== Start ======\n\n[[bug>1234|Bug 1234]]\n' });
    expect(wiki.code).toBe(0);
    expect(wiki.stdout).toContain('unknown interwiki shortcut "bug"');
    wiki.write('interwiki.local.conf', 'bug https://bugs.example.org/show?id={URL}\n');
    expect(wiki.run('--interwiki', 'interwiki.local.conf', '--force').code).toBe(0);
    expect(wiki.article('start.mdx')).toContain('[Bug 1234](https://bugs.example.org/show?id=1234)');
  });
});

describe('7. a re-run over a folder with a hand-edited article', () => {
  it('writes nothing at all without --force, says which files stopped it, and writes everything with it', () => {
    const wiki = importWiki({ 'a.txt': '====== A ======\n\nFirst.\n', 'b.txt': '====== B ======\n\nFirst.\n' });
    expect(wiki.code).toBe(0);
    wiki.write('content/a.mdx', '---\ntitle: "A"\n---\n\nEdited by hand.\n');
    wiki.write('data/pages/b.txt', '====== B ======\n\nSecond.\n');
    const refused = wiki.run();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Nothing was written: these files exist and would change[^\n]*\n {2}content\/a\.mdx\n {2}content\/b\.mdx\n/);
    expect(wiki.article('a.mdx')).toContain('Edited by hand.');
    expect(wiki.article('b.mdx')).toContain('First.');
    const forced = wiki.run('--force');
    expect(forced.code).toBe(0);
    expect(wiki.article('a.mdx')).toContain('First.');
    expect(wiki.article('b.mdx')).toContain('Second.');
    expect(forced.stdout).toContain('Written: 2 files (0 already up to date, 2 overwritten).');
  });
});
