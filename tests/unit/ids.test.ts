import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { romanize } from '../../src/importer/romanization.ts';
import { absoluteTarget, cleanId, idFromPath, idFromUrl, normalizeId, pathForId, urlForId, type IdRules, type PageId } from '../../src/model/ids.ts';

/**
 * What DokuWiki's own `cleanID()` makes of 873 names (every letter of its accent tables, every character of its
 * table of specials, and names in many scripts), with each `deaccent` and `useslash` setting: generated with
 * PHP 8.2 from a DokuWiki checkout by tests/importer/dokuwiki/reference.php, so that no PHP is needed here.
 * (A final capital sigma is left out: PHP lower-cases it to σ before 8.3 and to ς since, as JavaScript does.)
 */
const reference = JSON.parse(readFileSync(new URL('../importer/dokuwiki/ids-reference.json', import.meta.url), 'utf8')) as {
  columns: string[];
  rows: string[][];
};

describe('normalizeId', () => {
  it.each([
    ['nvidia', 'nvidia'],
    ['Nvidia', 'nvidia'],
    ['NVIDIA GPUs', 'nvidia_gpus'],
    ['  nvidia  gpus ', 'nvidia_gpus'],
    ['Hardware:Ascend 910B', 'hardware:ascend_910b'],
    ['hardware/ascend_910b', 'hardware:ascend_910b'],
    ['hardware;ascend_910b', 'hardware:ascend_910b'],
    ['a::b', 'a:b'],
    [':nvidia', 'nvidia'],
    ['Nvidia vs. Huawei for AI Compute', 'nvidia_vs._huawei_for_ai_compute'],
    ['C++ (language)', 'c_language'],
    ['what?!', 'what'],
    ['Émile Zola', 'emile_zola'],
    // DokuWiki's deaccent table, not Unicode decomposition: ł has no accent to strip, ä ö ü become ae oe ue.
    ['Stół warsztatowy', 'stol_warsztatowy'],
    ['Łódź', 'lodz'],
    ['Über Café', 'ueber_cafe'],
    ['Straße', 'strasse'],
    ['Ærø', 'aero'],
    ['Việt Nam', 'việt_nam'],
    // Letters and marks of other scripts stay, combining vowel signs included.
    ['हिन्दी', 'हिन्दी'],
    ['नमस्ते दुनिया', 'नमस्ते_दुनिया'],
    ['Привет мир', 'привет_мир'],
    ['東京:渋谷', '東京:渋谷'],
    // Hebrew and Arabic points are in DokuWiki's table of specials.
    ['עִבְרִית', 'ע_ב_ר_ית'],
    ['华为', '华为'],
    ['华为 Ascend', '华为_ascend'],
    ['__init__', 'init'],
    ['hbm-3e', 'hbm-3e'],
    ['', ''],
    ['???', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeId(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const name of ['Hardware:Ascend 910B', 'Émile', '华为 Ascend', 'a b:c d', 'हिन्दी', 'Stół', 'x²']) {
      const once = normalizeId(name);
      expect(normalizeId(once)).toBe(once);
    }
  });
});

describe("DokuWiki's cleanID()", () => {
  const column = (name: string) => {
    const at = reference.columns.indexOf(name);
    if (at === -1) throw new Error(`ids-reference.json has no column ${name}`);
    return at;
  };
  const settings: [string, IdRules][] = [
    ['deaccent1-useslash1', { slashSeparatesNamespaces: true, deaccent: true }],
    ['deaccent1-useslash0', { slashSeparatesNamespaces: false, deaccent: true }],
    ['deaccent0-useslash0', { slashSeparatesNamespaces: false, deaccent: false }],
    ['deaccent2-useslash0', { slashSeparatesNamespaces: false, deaccent: true, romanize }],
  ];

  it('has the reference table', () => {
    expect(reference.rows.length).toBeGreaterThan(800);
  });

  it.each(settings)('gives what DokuWiki gives with %s', (name, rules) => {
    const at = column(name);
    const differences = reference.rows
      .map((row) => ({ input: row[0] ?? '', dokuwiki: row[at] ?? '', ours: cleanId(row[0] ?? '', rules) }))
      .filter(({ dokuwiki, ours }) => dokuwiki !== ours);
    expect(differences).toEqual([]);
  });

  it("is what normalizeId does: the wiki uses DokuWiki's defaults, with / between namespaces", () => {
    const at = column('deaccent1-useslash1');
    for (const row of reference.rows) expect(normalizeId(row[0] ?? '')).toBe(row[at]);
  });
});

describe('ids, paths and URLs', () => {
  it.each([
    ['nvidia.mdx', 'nvidia', '/wiki/nvidia/'],
    ['hardware/ascend_910b.mdx', 'hardware:ascend_910b', '/wiki/hardware/ascend_910b/'],
    ['Hardware/Ascend 910B.mdx', 'hardware:ascend_910b', '/wiki/hardware/ascend_910b/'],
    ['华为.mdx', '华为', '/wiki/%E5%8D%8E%E4%B8%BA/'],
  ])('%s is %s at %s', (path, id, url) => {
    expect(idFromPath(path)).toBe(id);
    expect(urlForId(id as PageId)).toBe(url);
    expect(idFromUrl(url)).toBe(id);
  });

  it('maps an id back to its file', () => {
    expect(pathForId('hardware:ascend_910b' as PageId)).toBe('hardware/ascend_910b.mdx');
  });

  it('adds an encoded section to a URL', () => {
    expect(urlForId('nvidia' as PageId, 'see-also')).toBe('/wiki/nvidia/#see-also');
  });

  it('reads no id from a URL outside /wiki/', () => {
    expect(idFromUrl('/special/wanted/')).toBe('');
  });
});

describe('absoluteTarget', () => {
  it.each([
    ['nvidia', 'hardware:ascend', 'nvidia'],
    [':nvidia', 'hardware:ascend', 'nvidia'],
    ['.:ascend_910c', 'hardware:ascend_910b', 'hardware:ascend_910c'],
    ['..:nvidia', 'hardware:chips:ascend', 'hardware:nvidia'],
    ['.:x', undefined, '.:x'],
  ])('%s from %s → %s', (target, from, expected) => {
    expect(absoluteTarget(target, from as PageId | undefined)).toBe(expected);
  });
});
