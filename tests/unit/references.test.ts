/** Citations in the pre-pass: parsing, URL rules, and every error and warning with file and line. */
import { describe, expect, it } from 'vitest';
import { buildReferenceIndex } from '../../src/model/references-index.ts';
import { backlinkLabel, classifyUrl, domainOf, linkifyIdentifiers, parseCitationKeys, sourceIdentity } from '../../src/model/references.ts';
import { article, indexOf } from '../helpers/index.ts';

const BIB = `% Cite with [@key]: the @ in this comment must not start an entry.
@article{alpha2020,
  title = {Alpha Paper},
  author = {Alpha, Ann and Beta, Bob},
  year = {2020},
  doi = {10.1234/alpha.2020}
}

@book{gamma2019,
  title = {Gamma Book},
  author = {Gamma, Gail},
  year = {2019},
  url = {https://arxiv.org/abs/2104.04473}
}
`;

function referencesOf(files: Record<string, string>) {
  return buildReferenceIndex(indexOf(files));
}
const messages = (files: Record<string, string>) => referencesOf(files).diagnostics.map((d) => `${d.file}:${d.line ?? ''} ${d.severity}: ${d.message}`);

describe('parseCitationKeys', () => {
  it.each([
    ['@alpha2020', [{ key: 'alpha2020' }]],
    ['@a; @b', [{ key: 'a' }, { key: 'b' }]],
    ['@jacob2018; @hoffmann2022, p. 4', [{ key: 'jacob2018' }, { key: 'hoffmann2022', locator: 'p. 4' }]],
    ['see @a, ch. 2', [{ key: 'a', locator: 'ch. 2' }]],
    ['no key here', []],
  ])('%s', (inner, keys) => {
    expect(parseCitationKeys(inner)).toEqual(keys);
  });
});

describe('classifyUrl', () => {
  it.each([
    ['https://www.interconnects.ai/p/x', 'web', 'https://www.interconnects.ai/p/x'],
    ['http://example.org', 'web', 'http://example.org'],
    ['doi:10.1145/3458817.3476209', 'doi', 'https://doi.org/10.1145/3458817.3476209'],
    ['https://doi.org/10.1145/3458817.3476209', 'doi', 'https://doi.org/10.1145/3458817.3476209'],
    ['arXiv:2104.04473', 'arxiv', 'https://arxiv.org/abs/2104.04473'],
    ['https://arxiv.org/pdf/2104.04473v2.pdf', 'arxiv', 'https://arxiv.org/abs/2104.04473'],
    ['javascript:alert(1)', 'unsafe', 'javascript:alert(1)'],
    ['data:text/html,hi', 'unsafe', 'data:text/html,hi'],
    ['/wiki/nvidia/', 'unsafe', '/wiki/nvidia/'],
  ])('%s is %s', (url, kind, href) => {
    expect(classifyUrl(url)).toMatchObject({ kind, href });
  });

  it('names the site without www', () => {
    expect(domainOf('https://www.nvidia.com/en-us/')).toBe('nvidia.com');
    expect(domainOf('https://nvidianews.nvidia.com/news')).toBe('nvidianews.nvidia.com');
  });
});

describe('sourceIdentity', () => {
  it('is the same for one paper linked in different ways', () => {
    const id = sourceIdentity('arXiv:2104.04473', 'a');
    expect(sourceIdentity('https://arxiv.org/abs/2104.04473', 'b')).toBe(id);
    expect(sourceIdentity('https://arxiv.org/pdf/2104.04473.pdf', 'c')).toBe(id);
    expect(sourceIdentity('https://www.nvidia.com/h100/', 'x')).toBe(sourceIdentity('https://nvidia.com/h100#specs', 'y'));
  });
  it('falls back to the text when there is no link', () => {
    expect(sourceIdentity(undefined, 'A Book')).toBe(sourceIdentity(undefined, 'a book'));
  });
});

describe('linkifyIdentifiers and backlinkLabel', () => {
  it('splits text around DOIs, arXiv ids and URLs', () => {
    expect(linkifyIdentifiers('See 10.1234/abc.5, arXiv:2104.04473 and https://x.org/a.')).toEqual([
      'See ',
      { text: '10.1234/abc.5', href: 'https://doi.org/10.1234/abc.5', domain: 'doi.org' },
      ', ',
      { text: 'arXiv:2104.04473', href: 'https://arxiv.org/abs/2104.04473', domain: 'arxiv.org' },
      ' and ',
      { text: 'https://x.org/a', href: 'https://x.org/a', domain: 'x.org' },
      '.',
    ]);
  });
  it.each([
    [0, 'a'],
    [5, 'f'],
    [25, 'z'],
    [26, 'aa'],
    [27, 'ab'],
  ])('back-link %i is %s', (index, label) => {
    expect(backlinkLabel(index)).toBe(label);
  });
});

describe('reference errors, with file and line', () => {
  it('accepts well-formed citations of both kinds', () => {
    expect(messages({ 'references.bib': BIB, 'a.mdx': article('A', 'Claim [@alpha2020; @gamma2019, p. 4].[^x]\n\n[^x]: [T](https://x.org), Site.') })).toEqual(
      [],
    );
  });

  it('a wiki with no .bib file and only footnotes has nothing to report', () => {
    const refs = referencesOf({ 'a.mdx': article('A', 'Claim.[^x]\n\n[^x]: [T](https://x.org), Site.') });
    expect(refs.diagnostics).toEqual([]);
    expect(refs.pageBibliographies.get('a' as never)).toEqual([]);
  });

  it('a key missing from the bibliography is an error naming the file, the line and the fix', () => {
    expect(messages({ 'references.bib': BIB, 'a.mdx': article('A', 'One.\n\nTwo [@nosuch2020].') })).toEqual([
      'a.mdx:7 error: citation `@nosuch2020` is not in the bibliography: add an entry `@article{nosuch2020, …}` to references.bib, or correct the key',
    ]);
  });

  it('a citation with no bibliography at all says to create references.bib', () => {
    const [message] = messages({ 'a.mdx': article('A', 'Two [@alpha2020].') });
    expect(message).toMatch(/^a\.mdx:5 error: citation `@alpha2020` is not in the bibliography: there is no bibliography: create references\.bib/);
  });

  it('a footnote reference without a definition is an error', () => {
    expect(messages({ 'a.mdx': article('A', 'Claim.[^gone]') })).toEqual([
      'a.mdx:5 error: footnote `[^gone]` has no definition: add a line `[^gone]: [Title](https://…), Publisher, year.` at the end of the article',
    ]);
  });

  it('a definition that is never cited is a warning', () => {
    expect(messages({ 'a.mdx': article('A', 'Claim.\n\n[^lonely]: Nobody cites me.') })).toEqual([
      'a.mdx:7 warning: footnote `[^lonely]` is defined but never cited: cite it with `[^lonely]` after a claim, or remove the definition',
    ]);
  });

  it('a reference link that is not http(s), DOI or arXiv is an error', () => {
    const found = messages({ 'a.mdx': article('A', 'Claim.[^x][^y]\n\n[^x]: [Paper](ftp://files.example.org/paper.pdf).\n[^y]: [Page](/wiki/nvidia/).') });
    expect(found).toEqual([
      'a.mdx:7 error: reference link `ftp://files.example.org/paper.pdf` is not a web address: a source must be an http(s) URL, a DOI (`doi:10.1000/xyz`) or an arXiv id (`arXiv:2104.04473`)',
      'a.mdx:8 error: reference link `/wiki/nvidia/` is not a web address: a source must be an http(s) URL, a DOI (`doi:10.1000/xyz`) or an arXiv id (`arXiv:2104.04473`)',
    ]);
  });

  it('checks BibTeX urls too, with the line of the entry', () => {
    const bib = '@misc{bad, title = {Bad}, url = {javascript:alert(1)}}\n';
    expect(messages({ 'references.bib': bib, 'a.mdx': article('A', '[@bad]') })[0]).toMatch(
      /^references\.bib:1 error: reference link `javascript:alert\(1\)` is not a web address/,
    );
  });

  it('a frontmatter bibliography that does not exist is an error; one that does is used', () => {
    expect(messages({ 'a.mdx': article('A', '', 'bibliography: ./chips.bib\n') })[0]).toMatch(
      /^a\.mdx:3 error: field `bibliography`: `\.\/chips\.bib` is not a file/,
    );
    const refs = referencesOf({ 'hw/chips.bib': BIB, 'hw/a.mdx': article('A', '[@gamma2019]', 'bibliography: ./chips.bib\n') });
    expect(refs.diagnostics).toEqual([]);
    expect([...refs.pageBibliographies.values()]).toEqual([['hw/chips.bib']]);
  });

  it("hands each article only the entries it cites, its own bibliography's before the shared one's", () => {
    const own = '@book{gamma2019, title = {Gamma, Own Edition}, author = {Gamma, Gail}, year = {2020}}\n';
    const refs = referencesOf({
      'references.bib': BIB,
      'hw/chips.bib': own,
      'hw/a.mdx': article('A', '[@gamma2019] and [@alpha2020; @gamma2019]', 'bibliography: ./chips.bib\n'),
      'b.mdx': article('B', '[@gamma2019]'),
    });
    const cited = (id: string) => (refs.citedEntries.get(id as never) ?? []).map((e) => e.item.title);
    expect(cited('hw:a')).toEqual(['Gamma, Own Edition', 'Alpha Paper']);
    expect(cited('b')).toEqual(['Gamma Book']);
  });

  it("a BibTeX entry whose text holds HTML is an error with its line; citeproc's own markup is text", () => {
    const bib =
      '@article{fine,\n  title = {The <i>Drosophila</i> genome and CO<sub>2</sub>},\n  year = {2024}\n}\n\n@article{evil,\n  title = {Title <img src=x onerror=alert(1)>},\n  year = {2024}\n}\n';
    expect(messages({ 'references.bib': bib })).toEqual([
      'references.bib:6 error: entry `@evil`: field `title` holds HTML (`<img…`), which a reference shows as text: write plain text (italics as `<i>…</i>` or `\\emph{…}`)',
    ]);
  });

  it('a BibTeX file that cannot be read is an error naming the file', () => {
    expect(messages({ 'references.bib': '@article{broken, title = {x}\n@book{' })[0]).toMatch(/^references\.bib:\d* error: BibTeX cannot be read/);
  });
});

describe('sources of the wiki', () => {
  it('lists each source once, merging footnotes and BibTeX entries of the same paper, most-cited first', () => {
    const refs = referencesOf({
      'references.bib': BIB,
      'a.mdx': article('A', 'X [@gamma2019]. Y [@alpha2020]. Z [@gamma2019].'),
      'b.mdx': article('B', 'X.[^m]\n\n[^m]: [Megatron](https://arxiv.org/abs/2104.04473), arXiv, 2021.'),
      'c.mdx': article('C', 'X.[^n] Y.[^n]\n\n[^n]: [Nvidia](https://www.nvidia.com/h100/), Nvidia.'),
    });
    expect(refs.sources.map((s) => [s.title, s.count, s.citedBy.map((c) => `${c.page}×${c.count}`).join(' ')])).toEqual([
      ['Gamma Book', 3, 'a×2 b×1'],
      ['Nvidia', 2, 'c×2'],
      ['Alpha Paper', 1, 'a×1'],
    ]);
    expect(refs.sources[0]).toMatchObject({ url: 'https://arxiv.org/abs/2104.04473', domain: 'arxiv.org', text: 'Gamma (2019)' });
    expect(refs.sources[1]).toMatchObject({ domain: 'nvidia.com', text: 'Nvidia.' });
  });

  it('puts a source cited by more articles before one cited more often in fewer, as the list says', () => {
    const refs = referencesOf({
      'references.bib': BIB,
      'a.mdx': article('A', 'W [@alpha2020]. X [@alpha2020]. Y [@alpha2020]. Z [@alpha2020]. V [@gamma2019].'),
      'b.mdx': article('B', 'X [@gamma2019].'),
    });
    expect(refs.sources.map((s) => [s.title, s.count, s.citedBy.length])).toEqual([
      ['Gamma Book', 2, 2],
      ['Alpha Paper', 4, 1],
    ]);
  });
});
