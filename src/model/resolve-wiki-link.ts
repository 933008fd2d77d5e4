/**
 * Where a wiki link goes. Pure: the written target and the page index in, a
 * resolution out. The remark plugin and the link graph both call this, so a
 * link is resolved the same way everywhere.
 */
import { slug as slugify } from 'github-slugger';
import { absoluteTarget, normalizeId, type PageId } from './ids.ts';

/** What resolution needs to know about each page. */
export interface ResolvablePage {
  id: PageId;
  title: string;
  /** Anchor ids of the page's headings. */
  anchors: ReadonlySet<string>;
}

export interface ResolverIndex {
  pages: ReadonlyMap<PageId, ResolvablePage>;
  /** Alias id → the id of the article it leads to. */
  aliases: ReadonlyMap<PageId, PageId>;
}

export type WikiLinkResolution =
  | {
      kind: 'page';
      /** The id of the article (never an alias). */
      id: PageId;
      title: string;
      /** The anchor of `#section`, if one was written. */
      anchor?: string;
      /** False when `#section` names no heading of the target. */
      anchorExists: boolean;
      /** True when the link was written with an alias of the article. */
      viaAlias: boolean;
    }
  | {
      kind: 'missing';
      /** The id the page would have. */
      id: PageId;
      anchor?: string;
    }
  | {
      kind: 'invalid';
      /** Why the target cannot name any page. */
      reason: string;
    };

/**
 * Resolve `[[target]]` as written (`ns:Page Name#Section`) from page `from`.
 * Case, spaces and punctuation are normalised as ids are; aliases lead to
 * their article; `[[#section]]` links within the page itself.
 */
export function resolveWikiLink(written: string, index: ResolverIndex, from?: PageId): WikiLinkResolution {
  const hash = written.indexOf('#');
  const targetPart = hash === -1 ? written : written.slice(0, hash);
  const sectionPart = hash === -1 ? '' : written.slice(hash + 1).trim();
  const anchor = sectionPart ? slugify(sectionPart) : undefined;
  const withAnchor = anchor ? { anchor } : {};

  const id = targetPart.trim() === '' && from ? from : normalizeId(absoluteTarget(targetPart, from));
  if (id === '') {
    return { kind: 'invalid', reason: `\`[[${written}]]\` names no page: write a page id, e.g. \`[[nvidia]]\` or \`[[hardware:ascend_910b|Ascend 910B]]\`` };
  }
  const canonical = index.pages.has(id) ? id : index.aliases.get(id);
  const page = canonical ? index.pages.get(canonical) : undefined;
  if (!page) return { kind: 'missing', id, ...withAnchor };
  return {
    kind: 'page',
    id: page.id,
    title: page.title,
    ...withAnchor,
    anchorExists: anchor === undefined || page.anchors.has(anchor),
    viaAlias: page.id !== id,
  };
}
