import { describe, expect, it } from 'vitest';
import { FootnoteNames, footnoteBaseName } from '../../src/importer/footnote-slugs.ts';
import { parseInline } from '../../src/importer/parse-inline.ts';

const inline = (text: string) => parseInline(text, { lineAt: () => 1, closedTags: new Set() });

describe('footnoteBaseName', () => {
  it.each([
    ["[[https://www.interconnects.ai/p/x|Interconnects - Notes from Inside China's AI Labs (2026)]]", 'interconnects'],
    ['[[https://www.nvidia.com/en-us/data-center/h100/|NVIDIA - H100 Tensor GPU Technical Specifications]]', 'nvidia'],
    ['[[https://arxiv.org/abs/2104.04473|Narayanan et al. - Efficient Large-Scale Training (2021)]]', 'narayanan2021'],
    ['[[https://arxiv.org/abs/1712.05877|Jacob et al. - Quantization (CVPR 2018)]]. Corrected: …', 'jacob2018'],
    ['[[https://www.example.com/report.pdf]]', 'example'],
    ['https://arxiv.org/abs/1', 'arxiv'],
    ['This is a footnote', 'footnote'],
    ['Smith: a different note', 'smith-different-note'],
    ['**Über** café notes here', 'uber-cafe-notes'],
    ['…', 'note'],
  ])('%s → %s', (source, expected) => {
    expect(footnoteBaseName(inline(source))).toBe(expected);
  });
});

describe('FootnoteNames', () => {
  it('gives identical footnotes one name and different ones distinct names', () => {
    const names = new FootnoteNames();
    const cite = (source: string) => names.nameFor(source, inline(source));
    expect(cite('This is a footnote')).toEqual({ name: 'footnote', first: true });
    expect(cite('  This is   a footnote ')).toEqual({ name: 'footnote', first: false });
    expect(cite('A footnote')).toEqual({ name: 'footnote-2', first: true });
    expect(cite('the footnote')).toEqual({ name: 'footnote-3', first: true });
  });
});
