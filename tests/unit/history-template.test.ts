import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageId } from '../../src/model/ids.ts';
import type { PageSummary } from '../../src/model/wiki-data.ts';
import { readTemplate, removeTemplate, writeTemplatePages, writtenHistoryFolder, type HistoryPagesSite } from '../../src/postbuild/history-pages.ts';
import { filesUnder } from '../../src/postbuild/security-check.ts';
import {
  BODY_MARK,
  escapeAttribute,
  escapeText,
  fillTemplate,
  templateShares,
  TEMPLATE_PAGES,
  TemplateError,
  TITLE_STAND_IN,
  type HistoryPageFill,
} from '../../src/model/history-template.ts';

const TEMPLATE_URL = 'https://w.example/special/history/.template-0/';

/** A template as Astro writes one: the stand-in escaped in text and in attributes, the template's address, the place of the body. */
function template(siteName = 'Wiki', marks = 1): string {
  const title = `History of ${TITLE_STAND_IN}`;
  const shell = `<!DOCTYPE html><html><head><title>${escapeText(`${title} – ${siteName}`)}</title><meta name="description" content="${escapeAttribute(`Every change to ${TITLE_STAND_IN}.`)}"><link rel="canonical" href="${TEMPLATE_URL}"><meta property="og:title" content="${escapeAttribute(title)}"><meta property="og:url" content="${TEMPLATE_URL}"></head><body><main id="content">`;
  return `${shell}${BODY_MARK.repeat(marks)}</main></body></html>`;
}

const bodies = (list: string[]) => (i: number) => list[i]!;

const page = (id: string, title: string): HistoryPageFill => ({
  id: id as HistoryPageFill['id'],
  title,
  canonical: `https://w.example/special/history/${id}/`,
  pageTitle: `History of ${title}`,
});

describe('history pages written from a template', () => {
  it('gives each page its body, title and address, escaped as Astro escapes text and attributes', () => {
    const [first, second] = fillTemplate(
      template(),
      TEMPLATE_URL,
      [page('a', 'Tom & "Jerry" <3'), page('b', 'Plain')],
      'Wiki',
      bodies(['<h1>A</h1>', '<h1>B</h1>']),
    ).map((pieces) => pieces.join(''));
    expect(first).toBe(
      '<!DOCTYPE html><html><head><title>History of Tom &amp; &quot;Jerry&quot; &lt;3 – Wiki</title>' +
        '<meta name="description" content="Every change to Tom &amp; &quot;Jerry&quot; <3."><link rel="canonical" href="https://w.example/special/history/a/">' +
        '<meta property="og:title" content="History of Tom &amp; &quot;Jerry&quot; <3"><meta property="og:url" content="https://w.example/special/history/a/">' +
        '</head><body><main id="content"><h1>A</h1></main></body></html>',
    );
    expect(second).toContain('<title>History of Plain – Wiki</title>');
    expect(second).toContain('<main id="content"><h1>B</h1></main>');
  });

  it('leaves the wiki’s name out of a title that is the name itself, as the layout does', () => {
    const [only] = fillTemplate(template('History of Birds'), TEMPLATE_URL, [page('birds', 'Birds')], 'History of Birds', bodies(['x'])).map((pieces) =>
      pieces.join(''),
    );
    expect(only).toContain('<title>History of Birds</title>');
  });

  it('refuses a template without exactly one place for a body, or whose stand-in or address it cannot find', () => {
    const one = [page('a', 'A')];
    for (const marks of [0, 2]) expect(() => fillTemplate(template('Wiki', marks), TEMPLATE_URL, one, 'Wiki', bodies(['a']))).toThrow(TemplateError);
    expect(() => fillTemplate(template().replace(TEMPLATE_URL, 'x').replace(TEMPLATE_URL, 'x'), TEMPLATE_URL, one, 'Wiki', bodies(['a']))).toThrow(/address/);
    const odd = template().replace('\u0001&lt;\u0001', '\u0001&#60;\u0001');
    expect(() => fillTemplate(odd, TEMPLATE_URL, one, 'Wiki', bodies(['a']))).toThrow(/stand-in/);
  });

  it('splits the articles into templates of TEMPLATE_PAGES, in order', () => {
    const ids = Array.from({ length: TEMPLATE_PAGES * 2 + 1 }, (_, i) => i);
    const shares = templateShares(ids);
    expect(shares.map((share) => share.length)).toEqual([TEMPLATE_PAGES, TEMPLATE_PAGES, 1]);
    expect(shares.flat()).toEqual(ids);
    expect(templateShares([])).toEqual([]);
  });

  describe('history pages written from their template', () => {
    const summary = (id: string, title: string): PageSummary => ({
      id: id as PageId,
      title,
      url: `/wiki/${id}/`,
      file: `${id}.mdx`,
      description: '',
      tags: [],
      aliases: [],
      seeAlso: [],
    });
    /** A built site with the template of two articles' history pages, as Astro wrote it. */
    const site = () => {
      const out = mkdtempSync(join(tmpdir(), 'history-pages-'));
      mkdirSync(join(out, 'special/history/.template-0'), { recursive: true });
      writeFileSync(join(out, 'special/history/.template-0/index.html'), template().replaceAll(TEMPLATE_URL, 'https://w.example/special/history/.template-0/'));
      return out;
    };
    const options = (body: (page: PageSummary) => string) => ({
      site: 'https://w.example/',
      siteName: 'Wiki',
      historyTitle: (title: string) => `History of ${title}`,
      body,
    });
    const pages = [summary('birds:robin', 'Robin'), summary('wren', 'Wren')];
    /** The pages of the one template, written as a build writes them, then the template removed. */
    const writeHistoryPages = (out: string, share: PageSummary[], site: HistoryPagesSite & { body: (page: PageSummary) => string }) => {
      const written = writeTemplatePages(out, 0, readTemplate(out, 0), share, site, (j) => site.body(share[j]!));
      removeTemplate(out, 0);
      return written;
    };

    it('writes each article its page, with its body, and removes the template', () => {
      const out = site();
      expect(
        writeHistoryPages(
          out,
          pages,
          options((page) => `<h1>${page.title}</h1>`),
        ),
      ).toBe(2);
      const robin = readFileSync(join(out, 'special/history/birds/robin/index.html'), 'utf8');
      expect(robin).toContain('<title>History of Robin – Wiki</title>');
      expect(robin).toContain('<link rel="canonical" href="https://w.example/special/history/birds/robin/">');
      expect(robin).toContain('<main id="content"><h1>Robin</h1></main>');
      expect(readFileSync(join(out, 'special/history/wren/index.html'), 'utf8')).toContain('<h1>Wren</h1>');
      expect(existsSync(join(out, 'special/history/.template-0'))).toBe(false);
    });

    it('are left out of the security check, which reads the templates and every other page', () => {
      const out = site();
      writeHistoryPages(
        out,
        pages.slice(0, 1),
        options(() => '<h1>Robin</h1>'),
      );
      for (const path of ['special/history/.template-1', 'wiki/wren', 'special/history-of-birds']) {
        mkdirSync(join(out, path), { recursive: true });
        writeFileSync(join(out, path, 'index.html'), '<p>');
      }
      const checked = filesUnder(out, '.html', writtenHistoryFolder(out)).map((file) => relative(out, file));
      expect(existsSync(join(out, 'special/history/birds/robin/index.html'))).toBe(true);
      expect(checked.sort()).toEqual(['special/history-of-birds/index.html', 'special/history/.template-1/index.html', 'wiki/wren/index.html']);
    });
  });
});
