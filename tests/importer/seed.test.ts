/**
 * The published seed article is exactly what the importer and the tracked corrections make of the seed:
 * `npm run import:seed` must leave content/nvidia_vs_huawei_for_ai_compute.mdx unchanged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyReplacements, parseCorrections } from '../../src/importer/corrections.ts';
import { convertPage } from '../../src/importer/convert-page.ts';
import { DOKUWIKI_DEFAULT_RULES } from '../../src/importer/page-id.ts';
import { cleanId } from '../../src/model/ids.ts';
import { compileArticle, fixtureFile, splitFrontmatter, textOf } from './helpers.ts';

const root = new URL('../../', import.meta.url);
const seed = readFileSync(fixtureFile('seed-one-line', 'input.txt'), 'utf8');
const corrections = parseCorrections(JSON.parse(readFileSync(new URL('cli/seed-corrections.json', root), 'utf8')));
const [pageCorrections] = corrections.pages;
const published = readFileSync(new URL('content/nvidia_vs_huawei_for_ai_compute.mdx', root), 'utf8');

function importSeed() {
  if (pageCorrections === undefined) throw new Error('cli/seed-corrections.json lists no page');
  return convertPage(seed, { id: cleanId(pageCorrections.id, DOKUWIKI_DEFAULT_RULES), corrections: pageCorrections });
}

describe('the seed article', () => {
  it('is the importer output plus the tracked corrections, byte for byte', () => {
    expect(importSeed().mdx).toBe(published);
  });

  it('keeps the frontmatter fields of the first published version', () => {
    const { data } = splitFrontmatter(published);
    expect(data.title).toBe('Nvidia vs. Huawei for AI Compute');
    expect(data.tags).toEqual(['hardware', 'nvidia', 'huawei', 'ai-compute']);
    expect(data.description).toEqual(expect.any(String));
    expect(data.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('cites the Interconnects notes through one footnote definition that names author, publisher and date', () => {
    expect(published.match(/\[\^notes-inside-china\](?!:)/g)).toHaveLength(10);
    expect(published.match(/^\[\^notes-inside-china\]:/gm)).toHaveLength(1);
    expect(published).toContain(
      "[^notes-inside-china]: [Notes from inside China's AI labs](https://www.interconnects.ai/p/notes-from-inside-chinas-ai-labs), Nathan Lambert, Interconnects, 7 May 2026.",
    );
    expect(importSeed().report.stats).toMatchObject({ footnoteCitations: 28, footnoteDefinitions: 7 });
  });

  it('cites the two papers of the bibliography as [@key] on the sentences they support, and lists every correction', () => {
    // The serializer writes `[` as `\[`; the wiki reads `\[@key]` as the citation `[@key]`.
    expect(published).toContain('(NVLink for Nvidia) \\[@narayanan2021].');
    expect(published).toContain('\\[@jacob2018; @gholami2021]');
    // No footnote repeats a work of references.bib.
    for (const paper of ['arxiv.org/abs/2104.04473', 'arxiv.org/abs/1712.05877']) {
      expect(published.split('\n').filter((line) => line.startsWith('[^') && line.includes(paper))).toEqual([]);
    }
    expect(published).not.toContain('[Hoffmann et al.');
    expect(published).not.toContain('[Gupta et al.');
    const section = published.slice(published.indexOf('## Corrections to the original article'), published.indexOf('## See also'));
    // One item per finding of the fact-check (11), one for the dated H100/H200 and one for the form of the import.
    expect(section.match(/^- \*\*/gm)).toHaveLength(13);
    for (const label of ['(wrong)', '(imprecise)', '(unsupported)', '(misplaced)', '(dated)']) expect(section).toContain(label);
    // Quotes written "…" in the corrections are typographic, as DokuWiki shows them.
    expect(section).toContain('“Hoffmann et al. - Training Compute-Optimal Large Language Models (2022)”');
    expect(section).toContain('“Gupta et al. (2019)”');
  });

  it('keeps the sections, adds the corrections note before See also, has no empty References heading', () => {
    expect(published.match(/^## .*/gm)).toEqual([
      '## Training Workload Performance',
      '## Inference Workload Characteristics',
      '## Supply Chain Constraints and Adoption',
      '## Comparative Technical Considerations',
      '## Corrections to the original article',
      '## See also',
    ]);
    expect(published).not.toMatch(/^#+ References/m);
    expect(published).toMatch(/^## See also\n\n- \[\[huawei\|Huawei]]\n- \[\[nvidia_gpus\|NVIDIA GPUs]]\n- \[\[nvidia_robotics\|NVIDIA Robotics]]\n/m);
  });

  it('compiles, and shows every sentence of the seed as corrected', async () => {
    // DokuWiki's typography makes "…" “…”: the sentences are compared with the source's straight quotes.
    const text = textOf(await compileArticle(published))
      .replace(/\s+/g, ' ')
      .replace(/[“”]/g, '"');
    // Sentences end at a full stop, a footnote, a heading or a list item; markup around link texts goes.
    const corrected = applyReplacements(seed, pageCorrections?.replacements ?? []).source;
    const body = corrected.replace(/\(\(.*?\)\)|={2,}[^=]*={2,}|\s\*\s/g, '\n').replace(/\[\[[^|\]]*\||\]\]|\*\*|\/\//g, '');
    for (const sentence of body.split(/(?<=\.)\s+|\n/)) {
      const words = sentence.replace(/\s+/g, ' ').trim();
      if (words.length > 3) expect(text).toContain(words);
    }
  });

  it.skipIf(!existsSync(new URL('../shared/seed/nvidia_vs_huawei_for_ai_compute.txt', root)))('fixture copy matches shared/seed', () => {
    expect(seed).toBe(readFileSync(new URL('../shared/seed/nvidia_vs_huawei_for_ai_compute.txt', root), 'utf8'));
  });
});
