import { describe, expect, it } from 'vitest';
import { classifyLinkTarget, isImage, mediaPlugin, parseMedia } from '../../src/importer/parse-link.ts';
import { resolveInterwiki } from '../../src/importer/interwiki.ts';

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
    [
      'wiki:logo.png?50',
      { src: 'wiki:logo.png', width: 50, height: null, align: null, caption: null, linkOnly: false },
    ],
    ['logo.png?200x50', { src: 'logo.png', width: 200, height: 50, align: null, caption: null, linkOnly: false }],
    [' logo.png', { src: 'logo.png', width: null, height: null, align: 'right', caption: null, linkOnly: false }],
    ['logo.png ', { src: 'logo.png', width: null, height: null, align: 'left', caption: null, linkOnly: false }],
    [
      ' logo.png |Caption',
      { src: 'logo.png', width: null, height: null, align: 'center', caption: 'Caption', linkOnly: false },
    ],
    [
      'a.pdf?linkonly|The PDF',
      { src: 'a.pdf', width: null, height: null, align: null, caption: 'The PDF', linkOnly: true },
    ],
    [
      'http://x.org/i.gif?20x10',
      { src: 'http://x.org/i.gif', width: 20, height: 10, align: null, caption: null, linkOnly: false },
    ],
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
    ['doku>wiki:interwiki', 'https://www.dokuwiki.org/wiki:interwiki'],
    ['WP>Wiki', 'https://en.wikipedia.org/wiki/Wiki'],
    ['rfc>2616', 'https://tools.ietf.org/html/rfc2616'],
    ['go>a b', 'https://www.google.com/search?q=a%20b&btnI=lucky'],
    ['nosuch>page', null],
  ])('%s → %s', (target, url) => {
    expect(resolveInterwiki(target).url).toBe(url);
  });
});
