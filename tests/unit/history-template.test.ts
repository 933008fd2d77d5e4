import { describe, expect, it } from 'vitest';
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

/** A template as Astro writes one: the stand-in escaped in text and in attributes, the template's address, the bodies between marks. */
function template(bodies: string[], siteName = 'Wiki'): string {
  const title = `History of ${TITLE_STAND_IN}`;
  const shell = `<!DOCTYPE html><html><head><title>${escapeText(`${title} – ${siteName}`)}</title><meta name="description" content="${escapeAttribute(`Every change to ${TITLE_STAND_IN}.`)}"><link rel="canonical" href="${TEMPLATE_URL}"><meta property="og:title" content="${escapeAttribute(title)}"><meta property="og:url" content="${TEMPLATE_URL}"></head><body><main id="content">`;
  return `${shell}${bodies.map((body) => BODY_MARK + body).join('')}${BODY_MARK}</main></body></html>`;
}

const page = (id: string, title: string): HistoryPageFill => ({
  id: id as HistoryPageFill['id'],
  title,
  canonical: `https://w.example/special/history/${id}/`,
  pageTitle: `History of ${title}`,
});

describe('history pages written from a template', () => {
  it('gives each page its body, title and address, escaped as Astro escapes text and attributes', () => {
    const [first, second] = fillTemplate(template(['<h1>A</h1>', '<h1>B</h1>']), TEMPLATE_URL, [page('a', 'Tom & "Jerry" <3'), page('b', 'Plain')], 'Wiki').map(
      (pieces) => pieces.join(''),
    );
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
    const [only] = fillTemplate(template(['x'], 'History of Birds'), TEMPLATE_URL, [page('birds', 'Birds')], 'History of Birds').map((pieces) =>
      pieces.join(''),
    );
    expect(only).toContain('<title>History of Birds</title>');
  });

  it('refuses a template whose bodies do not match its articles, or whose stand-in or address it cannot find', () => {
    expect(() => fillTemplate(template(['a']), TEMPLATE_URL, [page('a', 'A'), page('b', 'B')], 'Wiki')).toThrow(TemplateError);
    expect(() => fillTemplate(template(['a']).replace(TEMPLATE_URL, 'x').replace(TEMPLATE_URL, 'x'), TEMPLATE_URL, [page('a', 'A')], 'Wiki')).toThrow(
      /address/,
    );
    const odd = template(['a']).replace('\u0001&lt;\u0001', '\u0001&#60;\u0001');
    expect(() => fillTemplate(odd, TEMPLATE_URL, [page('a', 'A')], 'Wiki')).toThrow(/stand-in/);
  });

  it('splits the articles into templates of TEMPLATE_PAGES, in order', () => {
    const ids = Array.from({ length: TEMPLATE_PAGES * 2 + 1 }, (_, i) => i);
    const shares = templateShares(ids);
    expect(shares.map((share) => share.length)).toEqual([TEMPLATE_PAGES, TEMPLATE_PAGES, 1]);
    expect(shares.flat()).toEqual(ids);
    expect(templateShares([])).toEqual([]);
  });
});
