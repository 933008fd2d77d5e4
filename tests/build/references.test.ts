/** Build fixture sites with footnotes, a shared BibTeX file and a per-article one; and one whose citations are wrong. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, repoRoot, type BuildResult } from '../helpers/build-site.ts';

let site: BuildResult;
let broken: BuildResult;

beforeAll(() => {
  site = buildSite(join(repoRoot, 'tests/fixtures/references'), 'references-site');
  broken = buildSite(join(repoRoot, 'tests/fixtures/references-errors'), 'references-errors');
}, 300_000);

/** The References section of a built page: each entry's number, back-link count and text. */
function references(html: string) {
  const section = html.slice(html.indexOf('<section class="references"'));
  const list = section.slice(0, section.indexOf('</section>'));
  return [...list.matchAll(/<li id="ref-(\d+)"[^>]*>(.*?)<\/li>/gs)].map((m) => ({
    number: Number(m[1]),
    backlinks: (m[2]?.match(/href="#cite-ref-/g) ?? []).length,
    text: (m[2] ?? '')
      .replace(/<span class="reference-backlinks">.*?<\/span><span class="reference-text">/s, '')
      .replace(/<[^>]+>/g, '')
      .trim(),
    html: m[2] ?? '',
  }));
}
const markers = (html: string) => [...html.matchAll(/data-reference="ref-(\d+)">\[(\d+)\]/g)].map((m) => Number(m[2]));

describe('references in a built site', () => {
  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('numbers footnotes and [@key] citations together by first citation, and merges repeats', () => {
    const html = site.read('wiki/seed/index.html');
    expect(markers(html)).toEqual([1, 2, 1, 3, 4, 1, 1]);
    const refs = references(html);
    expect(refs.map((r) => [r.number, r.backlinks])).toEqual([
      [1, 4], // interconnects ×3 and the identical same-notes footnote
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    // The apostrophe may be typographic or not, depending on the markdown settings.
    expect(refs[0]?.text).toMatch(/^Notes from Inside China(’|'|&#39;)s AI Labs \(interconnects\.ai\), Interconnects, 2026\.$/);
    expect(refs[2]?.text).toContain('Beta Paper');
    expect(refs[3]?.text).toContain('Alpha Paper');
  });

  it('places References after the article text and before What links here', () => {
    const html = site.read('wiki/seed/index.html');
    const body = html.indexOf('class="article-body"');
    const refs = html.indexOf('<section class="references"');
    const backlinks = html.indexOf('id="what-links-here"');
    expect(body).toBeGreaterThan(0);
    expect(refs).toBeGreaterThan(body);
    expect(backlinks).toBeGreaterThan(refs);
    expect(html).not.toContain('data-footnotes');
  });

  it('opens reference links safely, shows their domain and links arXiv ids', () => {
    const spec = references(site.read('wiki/seed/index.html'))[1]?.html ?? '';
    expect(spec).toContain(
      '<a href="https://www.nvidia.com/en-us/data-center/h100/" rel="noopener noreferrer">H100 specifications</a> <span class="reference-domain">(nvidia.com)</span>',
    );
    expect(spec).toContain('<a href="https://arxiv.org/abs/2104.04473" rel="noopener noreferrer">arXiv:2104.04473</a>');
  });

  it('reads the per-article bibliography from frontmatter besides references.bib', () => {
    const refs = references(site.read('wiki/hardware/chips/index.html'));
    expect(refs.map((r) => r.text.slice(0, 22))).toEqual(['Delta D. Delta Chips. ', 'Beta B. Beta Paper. ar']);
  });

  it('shows no References section on a page that cites nothing', () => {
    expect(site.read('wiki/plain/index.html')).not.toContain('class="references"');
  });

  it('lists every source on /special/sources/, most-cited first, with the articles citing it', () => {
    const html = site.read('special/sources/index.html');
    const list = html.slice(html.indexOf('<ol class="sources"'), html.indexOf('</ol>'));
    const items = [...list.matchAll(/<li[^>]*>(.*?)<\/li>/gs)].map((m) =>
      (m[1] ?? '')
        .replace(/<span class="source-cited-by"/g, ' | $&')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    // Beta Paper is cited by two articles; the Interconnects notes four times (two identical footnotes) by one.
    expect(items[0]).toBe('Beta Paper (arxiv.org) – Beta (2021) | Cited 2 times in Chips, Seed');
    expect(items[1]).toBe('Notes from Inside China&#39;s AI Labs (interconnects.ai) – Interconnects, 2026. | Cited 4 times in Seed (4)');
    expect(items[2]).toBe('Alpha Paper (doi.org) – Alpha et al. (2020) | Cited 1 time in Seed');
    expect(items).toHaveLength(5);
  });
});

describe('a site with citation errors', () => {
  it('fails with every problem, its file and line, and the fix; no stack trace', () => {
    expect(broken.status).not.toBe(0);
    expect(broken.output).toContain('bad.mdx:5:28: error: citation `@nosuch2020` is not in the bibliography: there is no bibliography: create references.bib');
    expect(broken.output).toContain('bad.mdx:7: error: footnote `[^gone]` has no definition');
    expect(broken.output).toContain('bad.mdx:11: error: reference link `ftp://files.example.org/paper.pdf` is not a web address');
    expect(broken.output).toContain('bad.mdx:13: warning: footnote `[^unused]` is defined but never cited');
    expect(broken.output).not.toMatch(/\n\s+at .*\.(ts|js|mjs):\d+/);
  });
});
