/**
 * The data that pages read about the whole wiki, computed once per build from
 * the page index and the link graph and handed to pages as `virtual:wiki/data`.
 */
import { urlForId, type PageId } from './ids.ts';
import { readableText, type LinkGraph } from './link-graph.ts';
import type { PageIndex } from './page-index.ts';
import { resolveWikiLink } from './resolve-wiki-link.ts';

export interface PageSummary {
  id: PageId;
  title: string;
  url: string;
  file: string;
  description: string;
  tags: string[];
  aliases: PageId[];
  /** The frontmatter's `seeAlso`, resolved: an article, or a missing page (a red link). */
  seeAlso: Array<{ id: PageId; exists: boolean }>;
  /** ISO date from frontmatter, if any. */
  updated?: string;
}

export interface WikiData {
  pages: Record<string, PageSummary>;
  backlinks: Record<string, Array<{ from: PageId; context: string }>>;
  wanted: Array<{ id: PageId; links: Array<{ from: PageId; file: string; line: number }> }>;
  stats: { pages: number; links: number; redLinks: number };
}

export function toWikiData(index: PageIndex, graph: LinkGraph): WikiData {
  const pages: WikiData['pages'] = {};
  for (const page of index.pages.values()) {
    const fm = page.article.frontmatter;
    pages[page.id] = {
      id: page.id,
      title: page.title,
      url: urlForId(page.id),
      file: page.file,
      description: fm.description ?? readableText(page.article.lead, index, page.id),
      tags: fm.tags,
      aliases: page.aliasIds,
      seeAlso: fm.seeAlso.flatMap((written) => {
        const resolution = resolveWikiLink(written, index, page.id);
        return resolution.kind === 'invalid' ? [] : [{ id: resolution.id, exists: resolution.kind === 'page' }];
      }),
      ...(fm.updated ? { updated: fm.updated.toISOString().slice(0, 10) } : {}),
    };
  }
  const backlinks: WikiData['backlinks'] = {};
  for (const [id, list] of graph.backlinks) backlinks[id] = list;
  const wanted = [...graph.wanted.entries()]
    .map(([id, links]) => ({ id, links: links.map((l) => ({ from: l.from, file: l.file, line: l.line })) }))
    .sort((a, b) => b.links.length - a.links.length || a.id.localeCompare(b.id));
  return {
    pages,
    backlinks,
    wanted,
    stats: { pages: index.pages.size, links: graph.links.length, redLinks: graph.redLinks.length },
  };
}
