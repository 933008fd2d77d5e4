/** Inline Markdown of infobox values, captions and chart sources: plain text, and plain text with footnote calls and wiki links, skip the reader and give what it gives. */
import { describe, expect, it } from 'vitest';
import { callsAndLinks, parseInlineMarkdown, readInlineMarkdown } from '../../src/model/inline-markdown.ts';

const AT = { line: 7, column: 3, offset: 120 };
const FOOTNOTES = new Set(['n1']);

/** Expect each text to give, through `parseInlineMarkdown`, what the reader gives; each text (trimmed, not empty) with the reader's nodes. */
function heldToTheReader(texts: string[], footnotes: ReadonlySet<string>): Array<[string, ReturnType<typeof readInlineMarkdown>]> {
  return texts.flatMap((text) => {
    const value = text.trim();
    if (value === '') return [];
    const read = readInlineMarkdown(value, AT, footnotes);
    expect(parseInlineMarkdown(text, AT, footnotes), JSON.stringify(text)).toEqual(read);
    return [[value, read] as [string, ReturnType<typeof readInlineMarkdown>]];
  });
}

/** `count` texts of 1 to `longest` pieces of `alphabet`, the same ones for the same `seed`. */
function randomTexts(alphabet: string[], count: number, longest: number, seed: number): string[] {
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * longest) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
  );
}

describe('inline Markdown outside the body', () => {
  it('reads links, citations, emphasis and autolinks', () => {
    expect(parseInlineMarkdown('80 GB [[high_bandwidth_memory|HBM3]]', AT, FOOTNOTES).map((node) => node.type)).toEqual(['text', 'wikiLink']);
    expect(parseInlineMarkdown('2022[^n1]', AT, FOOTNOTES).map((node) => node.type)).toEqual(['text', 'footnoteReference']);
    expect(parseInlineMarkdown('*fast* chip', AT, FOOTNOTES).map((node) => node.type)).toEqual(['emphasis', 'text']);
    expect(parseInlineMarkdown('see www.example.org now', AT, FOOTNOTES).map((node) => node.type)).toContain('link');
    expect(parseInlineMarkdown('at https://example.org', AT, FOOTNOTES).map((node) => node.type)).toContain('link');
  });

  it('gives plain text, without the reader, exactly what the reader gives', () => {
    const values = [
      '80 GB',
      '2022',
      'TSMC N4 (5 nm class), 814 mm²',
      'Nvidia H100 SXM, as shipped',
      '8.9 TB/s',
      '1. first',
      '2024.',
      '1) x',
      '- item',
      '+ item',
      '-',
      '---',
      '--',
      '===',
      'a  b',
      '\'quoted\' and "double"',
      'Ascend 910B – 910C — 2024',
      'x = y + 1?',
      'ratio: 3:1; 50%',
      'München, Zürich, 北京',
    ];
    const alphabet = ['a', 'Z', '9', '0', ' ', ' ', ',', '.', ';', ':', '(', ')', '%', "'", '"', '/', '+', '=', '?', '–', '—', '-', 'é', '1.', '#'];
    values.push(...randomTexts(alphabet, 2000, 12, 7));
    let skipped = 0;
    for (const [, read] of heldToTheReader(values, FOOTNOTES)) if (read.length === 1 && read[0]?.type === 'text') skipped++;
    // The random texts are nearly all plain (a `#` sends some to the reader, which reads headings from them).
    expect(skipped).toBeGreaterThan(1500);
  });

  it('gives footnote calls and wiki links amid plain text, without the reader, exactly what the reader gives', () => {
    const values = [
      '73.5 TB/s[^n1]',
      '2022[^N1]',
      '[[hardware:family_yield_380]]',
      '80 GB [[high_bandwidth_memory|HBM3]]',
      'a [[b]] c[^n1].',
      '[[a|b c]] and [[d#E f]]',
      '[[ a ]]',
      '[[a_b_c]]',
      'The package, 82.3 mm across[^n1][^n2]',
    ];
    // `[[b|]]` twice: the reader reads the second as a reference link (satteri 0.10); left to it.
    const alphabet = [
      'a',
      'Z',
      '9',
      ' ',
      ' ',
      ',',
      '.',
      ':',
      '(',
      ')',
      '[',
      ']',
      '|',
      '-',
      '+',
      '=',
      '1.',
      '2)',
      '_',
      '#',
      '[^n1]',
      '[^N2]',
      '[^nope]',
      '[^n1]',
      '[[a]]',
      '[[x:y#Z w|V u]]',
      '[[b|]]',
      '[[a_b]]',
      '[[c]]',
      '[[',
    ];
    values.push(...randomTexts(alphabet, 3000, 8, 11));
    const footnotes = new Set(['n1', 'n2']);
    let fast = 0;
    for (const [value] of heldToTheReader(values, footnotes)) if (callsAndLinks(value, AT, footnotes) !== undefined && /\[/.test(value)) fast++;
    // Most random texts with a call or a link skip the reader; the first nine all do.
    expect(values.slice(0, 9).every((value) => callsAndLinks(value.trim(), AT, footnotes) !== undefined)).toBe(true);
    expect(fast).toBeGreaterThan(250);
  });

  it('leaves to the reader what only it reads: a call of no footnote, a link before a bracket, a list item', () => {
    for (const value of ['x[^nope]', '[^n1](https://example.org)', '[[a]](b)', '[^n1]: note', '- [[a]]', '1. [[a]]', '*a* [[b]]', '[[a*b*]]', '[[a|]]'])
      expect(callsAndLinks(value, AT, new Set(['n1'])), value).toBeUndefined();
  });
});
