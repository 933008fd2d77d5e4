import { describe, expect, it } from 'vitest';
import { classifyLinkTarget, isImage, mediaPlugin, parseMedia } from '../../src/importer/parse-link.ts';
import { parseInterwikiConf, resolveInterwiki } from '../../src/importer/interwiki.ts';

describe('classifyLinkTarget', () => {
  it.each([
    ['wiki:syntax', { kind: 'internal', page: 'wiki:syntax', section: null, query: null }],
    ['syntax#Image Links', { kind: 'internal', page: 'syntax', section: 'Image Links', query: null }],
    ['#local', { kind: 'internal', page: '', section: 'local', query: null }],
    ['page?do=edit', { kind: 'internal', page: 'page', section: null, query: 'do=edit' }],
    ['https://example.org/a#b', { kind: 'external', url: 'https://example.org/a#b' }],
    ['ftp://example.org', { kind: 'external', url: 'ftp://example.org' }],
    ['andi@splitbrain.org', { kind: 'email', address: 'andi@splitbrain.org' }],
    ['wp>Wiki', { kind: 'interwiki', target: 'wp>Wiki' }],
    ['\\\\server\\share', { kind: 'windows-share', target: '\\\\server\\share' }],
  ])('%s', (target, expected) => {
    expect(classifyLinkTarget(target)).toEqual(expected);
  });
});

describe('parseMedia', () => {
  it.each([
    ['wiki:logo.png', { src: 'wiki:logo.png', width: null, height: null, align: null, caption: null, linkOnly: false }],
    ['wiki:logo.png?50', { src: 'wiki:logo.png', width: 50, height: null, align: null, caption: null, linkOnly: false }],
    ['logo.png?200x50', { src: 'logo.png', width: 200, height: 50, align: null, caption: null, linkOnly: false }],
    [' logo.png', { src: 'logo.png', width: null, height: null, align: 'right', caption: null, linkOnly: false }],
    ['logo.png ', { src: 'logo.png', width: null, height: null, align: 'left', caption: null, linkOnly: false }],
    [' logo.png |Caption', { src: 'logo.png', width: null, height: null, align: 'center', caption: 'Caption', linkOnly: false }],
    ['a.pdf?linkonly|The PDF', { src: 'a.pdf', width: null, height: null, align: null, caption: 'The PDF', linkOnly: true }],
    ['http://x.org/i.gif?20x10', { src: 'http://x.org/i.gif', width: 20, height: 10, align: null, caption: null, linkOnly: false }],
  ])('{{%s}}', (inner, expected) => {
    expect(parseMedia(inner)).toEqual(expected);
  });

  it.each([
    ['a.png', true],
    ['a.JPG', true],
    ['a.svg', true],
    ['a.pdf', false],
    ['archive.tar.gz', false],
  ])('isImage(%s) is %s', (src, expected) => {
    expect(isImage(src)).toBe(expected);
  });

  it.each([
    ['tag>a b', 'tag'],
    ['rss>http://x', 'rss'],
    ['wiki:logo.png', null],
    ['http://x.org/a.png', null],
  ])('mediaPlugin(%s) is %s', (inner, expected) => {
    expect(mediaPlugin(inner)).toBe(expected);
  });
});

describe('resolveInterwiki', () => {
  it.each([
    ['wp>Wiki', 'https://en.wikipedia.org/wiki/Wiki'],
    ['wp>Foo Bar#History', 'https://en.wikipedia.org/wiki/Foo%20Bar#History'],
    // A template without a placeholder gets the name URL-encoded, `:` too, as DokuWiki writes it.
    ['doku>wiki:interwiki', 'https://www.dokuwiki.org/wiki%3Ainterwiki'],
    ['WP>Wiki', 'https://en.wikipedia.org/wiki/Wiki'],
    ['rfc>2616', 'https://tools.ietf.org/html/rfc2616'],
    ['go>a b', 'https://www.google.com/search?q=a%20b&btnI=lucky'],
    ['amazon>0596007124', 'https://www.amazon.com/dp/0596007124?tag=splitbrain-20'],
    ['paypal>andi@splitbrain.org', 'https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&business=andi%40splitbrain.org'],
    ['tel>+1 555', 'tel:+1%20555'],
    ['this>lib/exe/fetch.php?media=x.png', '/lib/exe/fetch.php?media=x.png'],
    ['nosuch>page', null],
  ])('%s → %s', (target, url) => {
    const link = resolveInterwiki(target);
    expect(link.kind === 'url' ? link.url : null).toBe(url);
  });

  it("reads DokuWiki's user> shortcut as a page of the wiki itself", () => {
    expect(resolveInterwiki('user>Jane Doe#Projects')).toEqual({
      kind: 'page',
      shortcut: 'user',
      name: 'Jane Doe#Projects',
      page: ':user:Jane Doe',
      section: 'Projects',
    });
  });
});

describe('parseInterwikiConf', () => {
  it("reads a wiki's interwiki.local.conf, HTML-escaped ampersands as &", () => {
    const { map, errors } = parseInterwikiConf('# ours\nbug   https://bugs.example.org/show?id={URL}&amp;x=1\nMan2 http://man.example/  # manual\nbroken\n');
    expect(map).toEqual({ bug: 'https://bugs.example.org/show?id={URL}&x=1', man2: 'http://man.example/' });
    expect(errors).toEqual(['line 4: expected "shortcut  URL template", found "broken"']);
  });
});
