/**
 * What the wiki's articles say (issue 22, "The seed article, fact-checked"): numbers with units are cited where
 * they stand, the wrong figures the fact-check found stay out, and no footnote repeats a BibTeX entry. The checks
 * live in ./content-facts.ts; the first block below proves on small articles that each one fails when it should.
 *
 * `CONTENT_FACTS_DIR=/some/copy npx vitest run tests/unit/content-facts.test.ts` checks another content folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-site.ts';
import { bibliographyWorks, checkArticle, correctionItems, figuresIn, isCited, sentences } from './content-facts.ts';

const contentDir = process.env['CONTENT_FACTS_DIR'] ?? join(repoRoot, 'content');
const works = bibliographyWorks(readFileSync(join(contentDir, 'references.bib'), 'utf8'));

function articles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? articles(join(dir, entry.name)) : entry.name.endsWith('.mdx') ? [join(dir, entry.name)] : [],
  );
}

const files = articles(contentDir).map((path) => [relative(contentDir, path), readFileSync(path, 'utf8')] as const);
const messages = (file: string, source: string): string[] =>
  checkArticle(file, source, works).map((finding) => `${finding.file}:${finding.line} ${finding.message}`);

const article = (body: string, description = 'A test article.'): string =>
  `---\ntitle: Test\ndescription: ${description}\n---\n\n${body}\n\n[^spec]: [Spec](https://example.com/spec), Example, 2026.\n`;

describe('the checks', () => {
  it('find numbers with units, and only those', () => {
    expect(figuresIn('80 GB at 3.35 TB/s, 3,958 teraFLOPS, up to 700 W, 1.8 TB/s per GPU')).toEqual([
      '80 GB',
      '3.35 TB/s',
      '3,958 teraFLOPS',
      '700 W',
      '1.8 TB/s',
    ]);
    expect(figuresIn('3.8 × 10^25 FLOP, 10^25 floating-point operations, 3.14 × 10^23 operations, 502 petaFLOP/s')).toEqual([
      '3.8 × 10^25 FLOP',
      '10^25 floating-point operations',
      '3.14 × 10^23 operations',
      '502 petaFLOP/s',
    ]);
    expect(figuresIn('3.8 × 10²⁵ FLOP, 10¹² operations per second, 2.53 × 10²⁴ floating-point operations')).toEqual([
      '3.8 × 10²⁵ FLOP',
      '10¹² operations',
      '2.53 × 10²⁴ floating-point operations',
    ]);
    expect(figuresIn('the H100 SXM, GB200 NVL72, W8A8, FP8, 72 GPUs, 16 channels, 2 operations per token')).toEqual([]);
  });

  it('split sentences after the full stop and the citations written right after it', () => {
    expect(sentences('It has 80 GB.\uE000 The H200, e.g. the SXM, has more [@a]. Next one.')).toEqual([
      'It has 80 GB.\uE000',
      'The H200, e.g. the SXM, has more [@a].',
      'Next one.',
    ]);
    expect(isCited('It has 80 GB.\uE000')).toBe(true);
    expect(isCited('It has 80 GB [@nvidia2024].')).toBe(true);
    expect(isCited('It has 80 GB.')).toBe(false);
  });

  it('accept a figure cited in its sentence, by footnote or by [@key]', () => {
    expect(messages('a.mdx', article('The H100 has 80 GB at 3.35 TB/s.[^spec] Llama 3 took 3.8 × 10^25 FLOP [@grattafiori2024].'))).toEqual([]);
  });

  it('reject a figure whose sentence has no citation, even when the next sentence has one', () => {
    expect(messages('a.mdx', article('The H100 has 80 GB at 3.35 TB/s. It was announced in 2022.[^spec]'))).toEqual([
      'a.mdx:6 "80 GB" has no citation in its sentence: The H100 has 80 GB at 3.35 TB/s.',
      'a.mdx:6 "3.35 TB/s" has no citation in its sentence: The H100 has 80 GB at 3.35 TB/s.',
    ]);
  });

  it('accept a table cited in its header or row, and reject an uncited one', () => {
    const table = (header: string, row: string) => `| Figure${header} | H100 |\n| --- | --- |\n| Memory bandwidth | 3.35 TB/s${row} |`;
    expect(messages('a.mdx', article(table('[^spec]', '')))).toEqual([]);
    expect(messages('a.mdx', article(table('', '[^spec]')))).toEqual([]);
    expect(messages('a.mdx', article(table('', '')))).toEqual(['a.mdx:8 "3.35 TB/s" has no citation in its table cell, row or header: 3.35 TB/s']);
  });

  it('hold infobox rows to the same rule: a row that gives a figure cites it', () => {
    const withInfobox = (rows: string, body = 'It is a GPU.[^spec]') =>
      `---\ntitle: Test\ndescription: A GPU with 80 GB.\ninfobox:\n  caption: A GPU\n  rows:\n${rows}\n---\n\n${body}\n\n[^spec]: [Spec](https://example.com/spec), Example, 2026.\n`;
    expect(messages('a.mdx', withInfobox('    Designer: "[[nvidia]]"\n    Memory: "80 GB[^spec]"\n    Bandwidth: "3.35 TB/s [@hoffmann2022]"'))).toEqual([]);
    expect(messages('a.mdx', withInfobox('    Designer: "[[nvidia]]"\n    Memory: "80 GB[^spec]"\n    Power: up to 700 W'))).toEqual([
      'a.mdx:9 "700 W" in the infobox\'s `Power` has no citation: add one after it, e.g. `Power: "up to 700 W[^spec]"`',
    ]);
    // A cited row supports the description's figure as a cited sentence does.
    expect(messages('a.mdx', withInfobox('    Memory: 80 GB'))).toEqual([
      'a.mdx:7 "80 GB" in the infobox\'s `Memory` has no citation: add one after it, e.g. `Memory: "80 GB[^spec]"`',
      'a.mdx:1 the description\'s "80 GB" appears in no cited sentence or table cell of the body',
    ]);
  });

  it('require every chart to cite where its numbers come from', () => {
    const chart = (source: string) =>
      `\`\`\`chart\ntype: bar\ntitle: Bandwidth\nx: chip\ny: tbs\nunit: TB/s\n${source}data:\n  - { chip: H100, tbs: 3.35 }\n\`\`\``;
    expect(messages('a.mdx', article(chart('source: "Nvidia[^spec]"\n')))).toEqual([]);
    expect(messages('a.mdx', article(chart('source: "Nvidia [@hoffmann2022]"\n')))).toEqual([]);
    expect(messages('a.mdx', article(chart('')))).toEqual([
      'a.mdx:6 the chart "Bandwidth" has no `source`: add `source: "Publisher, year[^spec]"` citing where its numbers come from',
    ]);
    expect(messages('a.mdx', article(chart('source: Nvidia datasheets\n')))).toEqual([
      'a.mdx:6 the source of the chart "Bandwidth" cites nothing: add a footnote call or a `[@key]` to `source: Nvidia datasheets`',
    ]);
  });

  it('read formulas as math, and prices as prose', () => {
    // TeX braces would be MDX expressions without remark-math; a figure in a formula's sentence still needs a citation.
    expect(messages('a.mdx', article('The loss is $L = E + \\frac{A}{N^{\\alpha}}$ at 80 GB.[^spec]\n\n$$\nC \\approx 6ND\n$$'))).toEqual([]);
    expect(messages('a.mdx', article('It cost between $25,000 and $40,000 with 80 GB.'))).toEqual([
      'a.mdx:6 "80 GB" has no citation in its sentence: It cost between $25,000 and $40,000 with 80 GB.',
    ]);
  });

  it('reject a figure of the description that no cited sentence of the body gives', () => {
    const body = 'It has 141 GB.[^spec]';
    expect(messages('a.mdx', article(body, 'A GPU with 141 GB.'))).toEqual([]);
    expect(messages('a.mdx', article(body, 'A GPU with 141 GB at 4.8 TB/s.'))).toEqual([
      'a.mdx:1 the description\'s "4.8 TB/s" appears in no cited sentence or table cell of the body',
    ]);
  });

  it('reject the wrong figures of the fact-check, cited or not, outside the corrections note', () => {
    const wrong = [
      'Nvidia GPUs have HBM with 1-3 TB/s bandwidth.[^spec]',
      'Inference operates with lower memory bandwidth requirements than training.[^spec]',
      "Porting code to Huawei's programming models (Ascend C++) is hard.[^spec]",
      'Training often exceeding 10^24 floating-point operations is common.[^spec]',
      'CUDA represents decades of optimization.[^spec]',
      'They offer superior FLOPS compared to competing solutions.[^spec]',
      'Huawei follows an inference-centric design philosophy.[^spec]',
      "Huawei's networking for distributed training remains less mature.[^spec]",
      'Quantization makes Huawei solutions economically viable.[^spec]',
      'CUDA has had two decades of tuning.[^spec]',
    ];
    for (const sentence of wrong) expect(messages('a.mdx', article(sentence)), sentence).not.toEqual([]);
    const quoted = `## Corrections to the original article\n\n- The original said "1-3 TB/s" and "Ascend C++".[^spec]`;
    expect(messages('a.mdx', article(quoted))).toEqual([]);
  });

  it('reject a footnote that repeats a work of references.bib', () => {
    const body = 'Megatron-LM trains on 3,072 GPUs.[^m]\n\n[^m]: [Megatron-LM](https://arxiv.org/abs/2104.04473), 2021.';
    expect(messages('a.mdx', article(body))).toEqual([
      'a.mdx:8 a footnote repeats https://arxiv.org/abs/2104.04473, which references.bib holds: cite [@narayanan2021]',
    ]);
  });
});

describe('the articles of this wiki', () => {
  it('has articles to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  it.each(files)('%s: figures cited where they stand, none of the wrong figures, no footnote repeating the bibliography', (file, source) => {
    expect(messages(file, source)).toEqual([]);
  });

  it('the seed article lists its corrections, each with its source', () => {
    const seed = files.find(([file]) => file === 'nvidia_vs_huawei_for_ai_compute.mdx')?.[1] ?? '';
    const items = correctionItems(seed);
    expect(items.length).toBeGreaterThanOrEqual(11);
    // Every item but the one on the form of the import names its source.
    expect(items.filter((item) => !isCited(item)).map((item) => item.slice(0, 40))).toEqual(['Form: missing full stops, paragraph brea']);
  });
});
