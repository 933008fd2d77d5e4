import { describe, expect, it } from 'vitest';
import { generateWiki } from '../../bench/generate.ts';
import type { PageId } from '../../src/model/ids.ts';
import { buildLinkGraph } from '../../src/model/link-graph.ts';
import { buildPageIndex } from '../../src/model/page-index.ts';

const wiki = generateWiki({ pages: 120 });
const index = buildPageIndex(new Map(wiki.map((a) => [`${a.path}.mdx`, a.mdx])));
const graph = buildLinkGraph(index);

describe('benchmark wiki generator', () => {
  it('gives the same articles, byte for byte, for the same seed, and others for another seed', () => {
    const again = generateWiki({ pages: 120 });
    expect(again.map((a) => a.mdx)).toEqual(wiki.map((a) => a.mdx));
    expect(again.map((a) => a.markdown)).toEqual(wiki.map((a) => a.markdown));
    expect(generateWiki({ pages: 120, seed: 2 }).map((a) => a.mdx)).not.toEqual(wiki.map((a) => a.mdx));
  });

  it('writes articles the page index accepts, under their generated ids, with no warnings', () => {
    expect(index.pages.size).toBe(120);
    expect(wiki.every((a) => index.pages.get(a.id as PageId)?.title === a.title)).toBe(true);
    expect(index.warnings).toEqual([]);
  });

  it('writes articles of about 1,000 words with 5–25 wiki links and 2–8 footnote citations', () => {
    for (const a of wiki) {
      const body = a.mdx.split('\n---\n')[1] ?? '';
      const words = body.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;
      expect(words).toBeGreaterThan(850);
      expect(words).toBeLessThan(1400);
      const page = index.pages.get(a.id as PageId);
      const inBody = (page?.article.links.length ?? 0) - (page?.article.frontmatter.seeAlso.length ?? 0);
      expect(inBody).toBe(a.links.length);
      expect(a.links.length).toBeGreaterThanOrEqual(5);
      expect(a.links.length).toBeLessThanOrEqual(25);
      const definitions = a.mdx.match(/^\[\^n\d+\]: \[/gm) ?? [];
      expect(definitions.length).toBe(a.footnotes);
      for (let n = 1; n <= a.footnotes; n++) expect(a.mdx).toMatch(new RegExp(`\\.\\[\\^n${n}\\]( |\\n)`));
      expect(a.footnotes).toBeGreaterThanOrEqual(2);
      expect(a.footnotes).toBeLessThanOrEqual(8);
    }
  });

  it('resolves every generated link except a few red ones, and hub pages collect the most backlinks', () => {
    const red = wiki.flatMap((a) => a.links.filter((l) => l.startsWith('missing:')));
    expect(graph.redLinks.length).toBe(red.length);
    expect(red.length).toBeGreaterThan(0);
    expect(red.length).toBeLessThan(wiki.length / 5);
    const hub = wiki[0];
    const ordinary = wiki[wiki.length - 1];
    expect(graph.backlinks.get((hub?.id ?? '') as PageId)?.length ?? 0).toBeGreaterThan(
      5 * (graph.backlinks.get((ordinary?.id ?? '') as PageId)?.length ?? 0) + 5,
    );
    expect(graph.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
