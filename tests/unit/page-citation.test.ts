/** "Cite this page": the style's citation made from a template per date is the one citeproc writes entry by entry; BibTeX escaped. */
import { describe, expect, it } from 'vitest';
import { bibtexCitation, citeprocCitation, styledCitation, type CitationInput } from '../../src/render/page-citation.ts';
import { BUNDLED_CITATION_STYLES } from '../../src/model/wiki-config.ts';

const input = (over: Partial<CitationInput>): CitationInput => ({
  style: 'vancouver',
  language: 'en',
  wikiTitle: 'Birdwatch Wiki',
  authors: 'Birdwatch Wiki contributors',
  title: 'Great tit',
  url: 'https://birds.example.org/wiki/voegel/meise/',
  date: '2026-03-05',
  key: 'voegel:meise',
  ...over,
});

describe('styledCitation', () => {
  it.each(BUNDLED_CITATION_STYLES.flatMap((style) => ['en', 'de'].map((language) => [style, language] as const)))(
    '%s in %s: each article’s entry is what citeproc writes for it',
    (style, language) => {
      for (const title of [
        'the history of GPUs & more',
        'Why do great tits sing?',
        'Kohlmeise',
        'A tit: its song',
        'Nvidia\'s "GPUs"',
        'Tits (Paridae)',
        'Ends with a dot.',
      ]) {
        for (const date of ['2026-03-05', undefined]) {
          const entry = input({ style, language, title, date });
          expect(styledCitation(entry), `${style} ${language} ${title} ${date}`).toBe(citeprocCitation(entry));
        }
      }
      expect(styledCitation(input({ style, language }))).toContain('https://birds.example.org/wiki/voegel/meise/');
    },
  );

  it('writes the wiki’s language: German terms and dates', () => {
    expect(styledCitation(input({ language: 'de' }))).toContain('Verfügbar unter: https://birds.example.org/wiki/voegel/meise/');
    expect(styledCitation(input({ style: 'mla', language: 'de' }))).toContain('5. März 2026');
    expect(styledCitation(input({ style: 'chicago', language: 'en', title: 'the song of the great tit' }))).toContain('“The Song of the Great Tit.”');
  });
});

describe('bibtexCitation', () => {
  it('writes an @misc entry, braces and backslashes in titles kept as text', () => {
    expect(bibtexCitation(input({ title: 'Sets {a} and \\b', revisionNote: 'Revision abc of 5 March 2026' }))).toBe(
      [
        '@misc{Birdwatch_Wiki:voegel:meise,',
        '  author       = {{Birdwatch Wiki contributors}},',
        '  title        = {Sets \\{a\\} and \\textbackslash{}b},',
        '  howpublished = {\\url{https://birds.example.org/wiki/voegel/meise/}},',
        '  url          = {https://birds.example.org/wiki/voegel/meise/},',
        '  organization = {Birdwatch Wiki},',
        '  year         = {2026},',
        '  month        = mar,',
        '  note         = {Revision abc of 5 March 2026}',
        '}',
      ].join('\n'),
    );
  });
});
