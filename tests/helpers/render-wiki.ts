/** A content folder made ready for the article renderer, as the article loader would: its wiki and its jobs. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWiki, writeWiki } from '../../bench/generate.ts';
import type { RenderJob, WikiForRendering } from '../../src/integrations/article-renderer.ts';
import { loadPageIndex } from '../../src/lib/page-index.ts';
import { writeCitedEntries } from '../../src/lib/references-bibliography.ts';
import { buildReferenceIndex } from '../../src/lib/references-index.ts';
import { repoRoot } from './build-site.ts';

/** Astro's Markdown settings as the wiki's config gives them. */
export const markdown = { syntaxHighlight: 'prism' as const, gfm: true, smartypants: false };

export function wikiForRendering(contentDir: string): { wiki: WikiForRendering; jobs: RenderJob[] } {
  const index = loadPageIndex(contentDir);
  const citedPaths = writeCitedEntries(buildReferenceIndex(index).citedEntries, mkdtempSync(join(tmpdir(), 'cited-')));
  const jobs = [...index.pages.values()].map((page) => ({
    file: join(contentDir, page.file),
    body: readFileSync(join(contentDir, page.file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (m) => m.replace(/[^\n]/g, '')),
    frontmatter: page.article.frontmatter as unknown as Record<string, unknown>,
  }));
  return { wiki: { contentDir, citationStyle: 'vancouver', index, citedPaths }, jobs };
}

/**
 * Content folders that rendering is checked over, each as [name, folder]: the real content, every fixture site
 * and a generated wiki of 150 articles (`seed` picks which).
 */
export function renderedSites(seed: number): Array<[string, () => string]> {
  const generated = () => {
    const dir = mkdtempSync(join(tmpdir(), 'generated-'));
    writeWiki(dir, generateWiki({ pages: 150, seed }));
    return dir;
  };
  return [
    ['the real content', () => join(repoRoot, 'content')],
    ...['site', 'references', 'reading', 'graph', 'search'].map((name): [string, () => string] => [`the ${name} fixture`, () => join(repoRoot, 'tests/fixtures', name)]),
    ['a generated wiki of 150 articles', generated],
  ];
}
