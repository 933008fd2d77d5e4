/**
 * The published seed article is exactly what the importer and the tracked corrections make of the seed:
 * `npm run import:seed` must leave content/nvidia_vs_huawei_for_ai_compute.mdx unchanged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorrections } from '../../src/importer/corrections.ts';
import { convertPage } from '../../src/importer/convert-page.ts';
import { cleanId } from '../../src/importer/page-id.ts';
import { compileArticle, fixtureFile, splitFrontmatter, textOf } from './helpers.ts';

const root = new URL('../../', import.meta.url);
const seed = readFileSync(fixtureFile('seed-one-line', 'input.txt'), 'utf8');
const corrections = parseCorrections(JSON.parse(readFileSync(new URL('cli/seed-corrections.json', root), 'utf8')));
const [pageCorrections] = corrections.pages;
const published = readFileSync(new URL('content/nvidia_vs_huawei_for_ai_compute.mdx', root), 'utf8');

function importSeed() {
  if (pageCorrections === undefined) throw new Error('cli/seed-corrections.json lists no page');
  return convertPage(seed, { id: cleanId(pageCorrections.id), corrections: pageCorrections });
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

  it('cites the Interconnects notes six times through one footnote definition', () => {
    expect(published.match(/\[\^interconnects\](?!:)/g)).toHaveLength(6);
    expect(published.match(/^\[\^interconnects\]:/gm)).toHaveLength(1);
    expect(importSeed().report.stats).toMatchObject({ footnoteCitations: 9, footnoteDefinitions: 4 });
  });

  it('corrects the two misattributed references and says so in the article', () => {
    expect(published).toContain(
      '[Narayanan et al. - Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM (2021)](https://arxiv.org/abs/2104.04473)',
    );
    expect(published).toContain('](https://arxiv.org/abs/1712.05877)');
    expect(published).toMatch(/Jacob et al\. - .*CVPR 2018/);
    expect(published).not.toContain('[Hoffmann et al.');
    expect(published).not.toContain('[Gupta et al.');
    expect(published.match(/Corrected: the original article/g)).toHaveLength(2);
  });

  it('restores the sections, has no empty References heading and lists See also as wiki links', () => {
    expect(published.match(/^## /gm)).toHaveLength(5);
    expect(published).not.toMatch(/^#+ References/m);
    expect(published).toMatch(
      /^## See also\n\n- \[\[huawei\|Huawei]]\n- \[\[nvidia_gpus\|NVIDIA GPUs]]\n- \[\[nvidia_robotics\|NVIDIA Robotics]]\n/m,
    );
  });

  it('compiles, and shows every sentence of the seed', async () => {
    const text = textOf(await compileArticle(published)).replace(/\s+/g, ' ');
    // Sentences end at a full stop, a footnote, a heading or a list item; markup around link texts goes.
    const body = seed.replace(/\(\(.*?\)\)|={2,}[^=]*={2,}|\s\*\s/g, '\n').replace(/\[\[[^|\]]*\||\]\]|\*\*|\/\//g, '');
    for (const sentence of body.split(/(?<=\.)\s+|\n/)) {
      const words = sentence.replace(/\s+/g, ' ').trim();
      if (words.length > 3) expect(text).toContain(words);
    }
  });

  it.skipIf(!existsSync(new URL('../shared/seed/nvidia_vs_huawei_for_ai_compute.txt', root)))(
    'fixture copy matches shared/seed',
    () => {
      expect(seed).toBe(readFileSync(new URL('../shared/seed/nvidia_vs_huawei_for_ai_compute.txt', root), 'utf8'));
    },
  );
});
