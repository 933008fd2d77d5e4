/**
 * The link graph: every wiki link of every article resolved once per build.
 * Backlinks, red links and the build summary read it; nothing scans pages
 * while rendering a page.
 */
import type { Diagnostic } from './diagnostics.ts';
import type { PageId } from './ids.ts';
import type { PageIndex } from './page-index.ts';
import { linkTextToPlain } from './parse-article.ts';
import { resolveWikiLink, type WikiLinkResolution } from './resolve-wiki-link.ts';

/** Plain text from a page's context or lead, each link written without text read as its target's title. */
export function readableText(text: string, index: PageIndex, from: PageId): string {
  return linkTextToPlain(text, (target) => {
    const resolution = resolveWikiLink(target, index, from);
    return resolution.kind === 'page' ? resolution.title : target;
  });
}

export interface ResolvedLink {
  from: PageId;
  file: string;
  line: number;
  column: number;
  target: string;
  context: string;
  resolution: WikiLinkResolution;
}

export interface Backlink {
  from: PageId;
  /** The sentence around the first link from that page. */
  context: string;
}

export interface LinkGraph {
  /**
   * How many wiki links the articles hold. Not the links themselves: nothing after the graph reads them, and at
   * 10,000 articles their 250,000 resolved records held ~80 MB for the whole build (a shard's too).
   */
  linkCount: number;
  /** Article id → the articles that link to it (one entry per linking article, itself excluded). */
  backlinks: Map<PageId, Backlink[]>;
  /** Links to pages that do not exist. */
  redLinks: ResolvedLink[];
  /** Red-link target id → links to it. */
  wanted: Map<PageId, ResolvedLink[]>;
  /** Problems with links: `#section` that names no heading, targets that name no page. */
  diagnostics: Diagnostic[];
}

export function buildLinkGraph(index: PageIndex): LinkGraph {
  let linkCount = 0;
  const backlinks = new Map<PageId, Backlink[]>();
  const wanted = new Map<PageId, ResolvedLink[]>();
  const diagnostics: Diagnostic[] = [];

  for (const page of index.pages.values()) {
    for (const occurrence of page.article.links) {
      linkCount++;
      const resolution = resolveWikiLink(occurrence.target, index, page.id);
      // The sentence's text is made only for a link that shows it: the first backlink from a page, a red link.
      const context = () => readableText(occurrence.context, index, page.id);
      const where = { file: page.file, line: occurrence.line, column: occurrence.column };
      if (resolution.kind === 'invalid') {
        diagnostics.push({ severity: 'error', ...where, message: resolution.reason });
      } else if (resolution.kind === 'missing') {
        const link: ResolvedLink = {
          from: page.id,
          file: page.file,
          line: occurrence.line,
          column: occurrence.column,
          target: occurrence.target,
          context: context(),
          resolution,
        };
        wanted.set(resolution.id, [...(wanted.get(resolution.id) ?? []), link]);
      } else {
        if (!resolution.anchorExists) {
          const target = index.pages.get(resolution.id);
          const anchors = target ? [...target.anchors].map((a) => `#${a}`).join(', ') : '';
          diagnostics.push({
            severity: 'warning',
            ...where,
            message: `\`[[${occurrence.target}]]\`: "${resolution.title}" has no section \`#${resolution.anchor ?? ''}\`; link to one of: ${anchors || '(it has no sections)'}`,
          });
        }
        if (resolution.id !== page.id) {
          const list = backlinks.get(resolution.id) ?? [];
          if (!list.some((b) => b.from === page.id)) list.push({ from: page.id, context: context() });
          backlinks.set(resolution.id, list);
        }
      }
    }
  }
  const redLinks = [...wanted.values()].flat();
  return { linkCount, backlinks, redLinks, wanted, diagnostics };
}

/**
 * Articles that no other article links to (a link from a page to itself does
 * not count; `seeAlso` entries do), A–Z by title.
 */
export function orphans(index: PageIndex, graph: LinkGraph): PageId[] {
  return [...index.pages.values()]
    .filter((page) => (graph.backlinks.get(page.id) ?? []).length === 0)
    .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
    .map((page) => page.id);
}

/** Every alias with the article it leads to, A–Z by alias: one redirect page each. */
export function redirects(index: PageIndex): Array<{ alias: PageId; to: PageId }> {
  return [...index.aliases.entries()].map(([alias, to]) => ({ alias, to })).sort((a, b) => a.alias.localeCompare(b.alias));
}

/** Diagnostics for red links: warnings, or errors for teams that build with the strict setting. */
export function redLinkDiagnostics(graph: LinkGraph, strict: boolean): Diagnostic[] {
  return graph.redLinks.map((link) => ({
    severity: strict ? ('error' as const) : ('warning' as const),
    file: link.file,
    line: link.line,
    column: link.column,
    message: `red link \`[[${link.target}]]\`: no page \`${link.resolution.kind === 'missing' ? link.resolution.id : link.target}\` exists; create it, fix the target, or add it to another article's \`aliases\``,
  }));
}
