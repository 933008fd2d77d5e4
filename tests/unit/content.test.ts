/** The wiki's own articles (content/) meet the standards of issue 7: no red links, no orphans, cited, sized. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIN_PAGE_ID } from '../../src/model/ids.ts';
import { buildLinkGraph } from '../../src/model/link-graph.ts';
import { loadPageIndex } from '../../src/content-folder/read-folder.ts';
import { repoRoot } from '../helpers/build-site.ts';

const contentDir = join(repoRoot, 'content');
const index = loadPageIndex(contentDir);
const graph = buildLinkGraph(index);
// The main page (index.mdx) is the wiki's front door, not an article: the standards are the articles'.
const pages = [...index.pages.values()].filter((page) => page.id !== MAIN_PAGE_ID);

/**
 * Words of the body: without frontmatter (and so the infobox), footnote definitions, tables, fenced blocks (a
 * chart's spec is data, not prose), display formulas and the See also list.
 */
function bodyWords(file: string): number {
  const source = readFileSync(join(contentDir, file), 'utf8');
  const body = (source.replace(/^---\n[\s\S]*?\n---\n/, '').split(/\n## See also\n/i)[0] ?? '')
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '')
    .replace(/^\$\$[ \t]*\n[\s\S]*?^\$\$[ \t]*$/gm, '');
  const prose = body
    .split('\n')
    .filter((line) => !/^\[\^[^\]]+\]:/.test(line) && !line.startsWith('|'))
    .join(' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Distinct sources an article cites, as the pre-pass read them: footnote texts and bibliography keys. */
function citedSources(page: (typeof pages)[number]): Set<string> {
  const { citations, definitions } = page.article.citations;
  return new Set([...definitions.map((d) => `fn:${d.text}`), ...citations.flatMap((c) => c.keys.map((k) => `bib:${k.key}`))]);
}

describe('the articles of this wiki', () => {
  it('has at least 13 articles, the seed and its link targets among them', () => {
    expect(pages.length).toBeGreaterThanOrEqual(13);
    for (const id of ['nvidia_vs_huawei_for_ai_compute', 'nvidia', 'huawei', 'nvidia_gpus', 'nvidia_robotics']) {
      expect(index.pages.has(id as never), id).toBe(true);
    }
  });

  it('has no red links', () => {
    expect(graph.redLinks.map((l) => `${l.file}:${l.line} [[${l.target}]]`)).toEqual([]);
  });

  it('has no link to a missing section', () => {
    expect(graph.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  });

  it('has no orphan: every article is linked from another', () => {
    const orphans = pages.filter((p) => !graph.backlinks.has(p.id)).map((p) => p.id);
    expect(orphans).toEqual([]);
  });

  it.each(pages.filter((p) => p.id !== 'nvidia_vs_huawei_for_ai_compute').map((p) => [p.id, p] as const))(
    '%s: 300–1,200 words, tags, description, See also and at least 3 references',
    (_, page) => {
      const words = bodyWords(page.file);
      expect(words).toBeGreaterThanOrEqual(300);
      expect(words).toBeLessThanOrEqual(1200);
      expect(page.article.frontmatter.tags.length).toBeGreaterThan(0);
      expect(page.article.frontmatter.description).toBeTruthy();
      const hasSeeAlso = page.article.headings.some((h) => /^see also$/i.test(h.text)) || page.article.frontmatter.seeAlso.length > 0;
      expect(hasSeeAlso).toBe(true);
      expect(citedSources(page).size).toBeGreaterThanOrEqual(3);
    },
  );
});
