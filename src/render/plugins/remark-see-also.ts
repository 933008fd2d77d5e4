/**
 * remark plugin: a body `## See also` list of wiki links renders like the
 * frontmatter `seeAlso` list — each existing target followed by its
 * description — and the frontmatter entries not already listed are appended.
 * The list is left out of the search index, like the frontmatter list: its
 * descriptions are other articles' words.
 * Runs before `remarkWikiLinks`, which then turns every wiki link (including
 * the appended ones) into an anchor or a red link.
 */
import { relative } from 'node:path';
import type { List, ListItem, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { idFromPath, type PageId } from '../../model/ids.ts';
import type { PageIndex } from '../../model/page-index.ts';
import { resolveWikiLink } from '../../model/resolve-wiki-link.ts';
import { isSeeAlsoHeading } from '../../model/see-also.ts';
import { pageDescription } from '../../model/wiki-data.ts';
import type { WikiLinkNode } from '../../model/wiki-link-node.ts';

export interface RemarkSeeAlsoOptions {
  /** The page index; a function so that the dev server can refresh it. */
  index: () => PageIndex;
  /** The content folder, to tell which page a file is. */
  contentDir: string;
}

/** The wiki link an item consists of, or undefined when the item says more than a link. */
function soleWikiLink(item: ListItem): WikiLinkNode | undefined {
  const [first] = item.children;
  if (item.children.length !== 1 || first?.type !== 'paragraph') return undefined;
  const links = first.children.filter((c): c is WikiLinkNode => c.type === 'wikiLink');
  const rest = first.children.filter((c) => c.type !== 'wikiLink');
  return links.length === 1 && toString({ type: 'paragraph', children: rest }).trim() === '' ? links[0] : undefined;
}

function descriptionNode(text: string): PhrasingContent {
  return { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['page-description'] } }, children: [{ type: 'text', value: ` – ${text}` }] };
}

export const remarkSeeAlso: Plugin<[RemarkSeeAlsoOptions], Root> = (options) => (tree, file) => {
  const index = options.index();
  const path = file.path ? relative(options.contentDir, file.path) : '';
  const from: PageId | '' = path && !path.startsWith('..') ? idFromPath(path) : '';
  const page = from ? index.pages.get(from) : undefined;

  const start = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && isSeeAlsoHeading(toString(n)));
  if (start === -1) return;
  const endOffset = tree.children.slice(start + 1).findIndex((n) => n.type === 'heading' && n.depth <= 2);
  const section = tree.children.slice(start + 1, endOffset === -1 ? undefined : start + 1 + endOffset);
  let list = section.find((n): n is List => n.type === 'list');
  if (!list) {
    list = { type: 'list', ordered: false, spread: false, children: [] };
    tree.children.splice(start + 1, 0, list);
  }
  list.data = { ...list.data, hProperties: { className: ['see-also-list'], dataPagefindIgnore: '' } };

  const listed = new Set<PageId>();
  const describe = (item: ListItem, link: WikiLinkNode) => {
    const resolution = resolveWikiLink(link.value, index, page?.id);
    if (resolution.kind === 'invalid') return;
    listed.add(resolution.id);
    const target = resolution.kind === 'page' ? index.pages.get(resolution.id) : undefined;
    const description = target ? pageDescription(target, index) : '';
    const paragraph = item.children[0];
    if (description && paragraph?.type === 'paragraph') paragraph.children.push(descriptionNode(description));
  };
  for (const item of list.children) {
    const link = soleWikiLink(item);
    if (link) describe(item, link);
  }
  for (const written of page?.article.frontmatter.seeAlso ?? []) {
    const resolution = resolveWikiLink(written, index, page?.id);
    if (resolution.kind === 'invalid' || listed.has(resolution.id)) continue;
    const link: WikiLinkNode = { type: 'wikiLink', value: written };
    const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [link] }] };
    list.children.push(item);
    describe(item, link);
  }
};

export default remarkSeeAlso;
