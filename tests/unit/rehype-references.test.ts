/** The citation plugins on markdown strings: numbering, merging, back-links, safe links, and the rehype-citation fix. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeCitation from 'rehype-citation';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseBibliography } from '../../src/model/bibliography.ts';
import { writeBibliographyCache } from '../../src/content-folder/cited-entries.ts';
import { rehypeCitations } from '../../src/render/plugins/rehype-citations.ts';
import { rehypeReferences, type ReferenceEntry } from '../../src/render/plugins/rehype-references.ts';
import { repoRoot } from '../helpers/build-site.ts';

const fixture = join(repoRoot, 'tests/fixtures/references');
const { bibliography } = parseBibliography('references.bib', readFileSync(join(fixture, 'references.bib'), 'utf8'));
const bibPath = writeBibliographyCache([bibliography], join(repoRoot, 'tests/.output/unit-references')).get('references.bib') ?? '';

async function render(markdown: string, { style = 'vancouver', bib = [bibPath] } = {}) {
  const file = new VFile({ value: markdown, path: '/content/page.mdx' });
  const html = String(
    await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeCitations, { contentDir: '/content', bibliographyFor: () => bib, style })
      .use(rehypeReferences)
      .use(rehypeStringify)
      .process(file),
  ).trim();
  const references = (file.data.astro?.frontmatter?.references ?? []) as ReferenceEntry[];
  /** Each marker as `[n]→ref-n`, in reading order. */
  const markers = [...html.matchAll(/<a href="#(ref-\d+)" data-reference="ref-\d+">\[(\d+)\]<\/a>/g)].map((m) => `[${m[2]}]→${m[1]}`);
  const text = (n: number) => references[n - 1]?.html.replace(/<[^>]+>/g, '') ?? '';
  return { html, references, markers, text };
}

describe('rehypeReferences: numbering and merging', () => {
  it('numbers footnotes and bibliography citations together, by first citation', async () => {
    const { markers, text, references } = await render('One.[^x] Two [@gamma2019]. Three.[^y]\n\n[^y]: Why, 2020.\n[^x]: Ex, 2019.\n');
    expect(markers).toEqual(['[1]→ref-1', '[2]→ref-2', '[3]→ref-3']);
    expect(text(1)).toBe('Ex, 2019.');
    expect(text(2)).toContain('Gamma Book');
    expect(text(3)).toBe('Why, 2020.');
    expect(references.map((r) => r.number)).toEqual([1, 2, 3]);
  });

  it('sets each marker right after its word, as Wikipedia does, whatever space the citation was written with', async () => {
    const { html } = await render('Two [@gamma2019]. Three,\n[@alpha2020] and four [^x] five.\n\n[^x]: Ex.\n');
    expect(html).toMatch(
      /^<p>Two<sup class="reference" id="cite-ref-1-a">.*<\/sup>\. Three,<sup class="reference" id="cite-ref-2-a">.*<\/sup> and four<sup [^>]*>.*<\/sup> five\.<\/p>$/,
    );
  });

  it('gives a source cited again one entry with a back-link per citation, lettered a b c', async () => {
    const { markers, references } = await render('A.[^x] B [@alpha2020]. C.[^x] D [@alpha2020]. E.[^x]\n\n[^x]: Ex.\n');
    expect(markers).toEqual(['[1]→ref-1', '[2]→ref-2', '[1]→ref-1', '[2]→ref-2', '[1]→ref-1']);
    expect(references).toHaveLength(2);
    expect(references[0]?.backlinks).toEqual(['cite-ref-1-a', 'cite-ref-1-b', 'cite-ref-1-c']);
    expect(references[1]?.backlinks).toEqual(['cite-ref-2-a', 'cite-ref-2-b']);
  });

  it('keeps two footnotes of the same text but different addresses as two sources, and merges those that match in both', async () => {
    const { markers, references, html } = await render(
      'One.[^one] Two.[^two] Again.[^three]\n\n[^one]: [Report](https://e.example/1)\n[^two]: [Report](https://e.example/2)\n[^three]: [Report](https://e.example/1)\n',
    );
    expect(markers).toEqual(['[1]→ref-1', '[2]→ref-2', '[1]→ref-1']);
    expect(references.map((r) => r.html.match(/href="([^"]+)"/)?.[1])).toEqual(['https://e.example/1', 'https://e.example/2']);
    expect(references[0]?.backlinks).toEqual(['cite-ref-1-a', 'cite-ref-1-b']);
    expect(html).toContain('id="cite-ref-2-a"');
  });

  it('every back-link id is a marker on the page', async () => {
    const { html, references } = await render('A.[^x] B.[^x] C [@beta2021; @alpha2020].\n\n[^x]: Ex.\n');
    for (const id of references.flatMap((r) => r.backlinks)) expect(html).toContain(`id="${id}"`);
  });

  it('merges footnotes with identical texts into one entry, as DokuWiki does', async () => {
    const { markers, references } = await render(
      'A.[^one] B.[^two] C.[^three]\n\n[^one]: [Same](https://x.org/a), Site.\n[^two]: [Same](https://x.org/a), Site.\n[^three]: [Other](https://x.org/b), Site.\n',
    );
    expect(markers).toEqual(['[1]→ref-1', '[1]→ref-1', '[2]→ref-2']);
    expect(references).toHaveLength(2);
    expect(references[0]?.backlinks).toHaveLength(2);
  });

  it('drops the GFM footnote section and the bibliography div: the page shows one References list', async () => {
    const { html } = await render('A.[^x] B [@alpha2020].\n\n[^x]: Ex.\n');
    expect(html).not.toContain('data-footnotes');
    expect(html).not.toContain('id="refs"');
    expect(html).not.toContain('↩');
  });
});

describe('rehypeReferences: multi-key citations', () => {
  it('links each key of [@a; @b; @c] to its own entry (rehype-citation alone links them wrongly)', async () => {
    const { markers, text } = await render('First [@alpha2020]. Then [@gamma2019; @alpha2020; @beta2021].');
    expect(markers).toEqual(['[1]→ref-1', '[2]→ref-2', '[1]→ref-1', '[3]→ref-3']);
    expect(text(1)).toContain('Alpha Paper');
    expect(text(2)).toContain('Gamma Book');
    expect(text(3)).toContain('Beta Paper');
  });

  it('documents the upstream bug we work around: rehype-citation collapses numbers to a range and mislinks them', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkRehype)
        .use(rehypeCitation, { bibliography: bibPath, path: '/', csl: 'vancouver', linkCitations: true })
        .use(rehypeStringify)
        .process('[@gamma2019; @alpha2020; @beta2021]'),
    );
    // Entries are numbered 1 gamma, 2 alpha, 3 beta; "3" should lead to beta2021.
    expect(html).toMatch(/<a href="#bib-alpha2020">3<\/a>/);
  });

  it('keeps a locator beside its marker: [@a, p. 4]', async () => {
    const { html } = await render('Claim [@beta2021; @alpha2020, p. 4].');
    expect(html).toContain('<a href="#ref-2" data-reference="ref-2">[2]</a><span class="reference-locator">: p. 4</span>');
  });

  it('finds citations inside emphasis and leaves them alone in code', async () => {
    const { markers, html } = await render('*see [@alpha2020]* and `[@beta2021]`');
    expect(markers).toEqual(['[1]→ref-1']);
    expect(html).toContain('<code>[@beta2021]</code>');
  });

  it('numbers entries the same way whatever the CSL style; the style sets how an entry is written', async () => {
    const apa = await render('A [@alpha2020; @beta2021].', { style: 'apa' });
    expect(apa.markers).toEqual(['[1]→ref-1', '[2]→ref-2']);
    expect(apa.text(1)).toContain('Beta, B. (2020). Alpha Paper.');
    // APA writes the DOI, which becomes a link.
    expect(apa.references[0]?.html).toContain('<a href="https://doi.org/10.1234/alpha.2020" rel="noopener noreferrer">');
  });

  it('without a bibliography, leaves the citation as written (the pre-pass reports it)', async () => {
    const { html, references } = await render('A [@alpha2020].', { bib: [] });
    expect(references).toEqual([]);
    expect(html).toContain('[@alpha2020]');
  });
});

describe('rehypeReferences: links in references', () => {
  it('opens links safely and names their site', async () => {
    const { references } = await render('A.[^x]\n\n[^x]: [Notes](https://www.interconnects.ai/p/notes), Interconnects, 2026.\n');
    expect(references[0]?.html).toBe(
      '<a href="https://www.interconnects.ai/p/notes" rel="noopener noreferrer">Notes</a> <span class="reference-domain">(interconnects.ai)</span>, Interconnects, 2026.',
    );
  });

  it('turns DOIs and arXiv ids in the text into links', async () => {
    const { references } = await render('A.[^x]\n\n[^x]: Paper, doi:10.1234/abc.5 and arXiv:2104.04473.\n');
    expect(references[0]?.html).toContain('<a href="https://doi.org/10.1234/abc.5" rel="noopener noreferrer">doi:10.1234/abc.5</a>');
    expect(references[0]?.html).toContain('<a href="https://arxiv.org/abs/2104.04473" rel="noopener noreferrer">arXiv:2104.04473</a>');
  });

  it('never renders a javascript: link as a link', async () => {
    const { references } = await render('A.[^x]\n\n[^x]: [Click](javascript:alert(1)), Evil.\n');
    expect(references[0]?.html).toBe('Click, Evil.');
  });
});
