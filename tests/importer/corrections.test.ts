import { describe, expect, it } from 'vitest';
import { applyReplacements, CorrectionError, parseCorrections } from '../../src/importer/corrections.ts';

const replacement = (find: string, replace: string, count = 1) => ({ find, replace, count, reason: 'because' });

describe('applyReplacements', () => {
  it.each([
    ['a b a', [replacement('a', 'c', 2)], 'c b c'],
    ['one\ntwo', [replacement('two', 'three')], 'one\nthree'],
    ['x', [replacement('x', 'y'), replacement('y', 'z')], 'z'],
    ['kept', [], 'kept'],
  ])('%j', (source, replacements, expected) => {
    expect(applyReplacements(source, replacements).source).toBe(expected);
  });

  it('reports each correction with its reason and the line it applies to', () => {
    expect(applyReplacements('one\ntwo two', [replacement('two', '2', 2)]).issues).toEqual([
      { kind: 'corrected', line: 2, construct: 'correction', message: 'because (2×)' },
    ]);
  });

  it.each([
    ['missing', [replacement('absent', 'x')], /occurs 0 time\(s\), the corrections expect 1/],
    ['a a', [replacement('a', 'b', 1)], /occurs 2 time\(s\), the corrections expect 1/],
  ])('stops when the source no longer matches: %j', (source, replacements, message) => {
    expect(() => applyReplacements(source, replacements)).toThrow(message);
  });
});

describe('parseCorrections', () => {
  it('accepts a well-formed file', () => {
    const file = {
      pages: [{ id: 'p', source: 'p.txt', frontmatter: { tags: ['a'] }, replacements: [replacement('a', 'b')] }],
    };
    expect(parseCorrections(file)).toEqual(file);
  });

  it.each([
    [{}, 'the corrections file needs "pages"'],
    [{ pages: {} }, '"pages" must be a list'],
    [{ pages: [{ replacements: [] }] }, 'pages[0] needs "id"'],
    [{ pages: [{ id: 'p', replacements: [{ find: 'a', replace: 'b', count: 0, reason: 'r' }] }] }, 'count must be'],
    [{ pages: [{ id: 'p', replacements: [{ find: 'a', replace: 'b', count: 1, reason: '' }] }] }, 'reason must say why'],
  ])('names the field to fix: %j', (file, message) => {
    expect(() => parseCorrections(file)).toThrow(CorrectionError);
    expect(() => parseCorrections(file)).toThrow(message);
  });
});
