/**
 * remark plugin: the wiki's lists an article embeds (`<FeaturedArticle page="…" />`, `<RecentChanges />`,
 * `<ArticlesByTopic />`, `<ArticleCount />`: src/model/wiki-lists.ts) become their HTML
 * (src/render/wiki-lists.ts), as known elements, like Markdown. The pre-pass has checked every use; a use it
 * would refuse is left to it to report.
 */
import type { Element, Text } from 'hast';
import { h } from 'hastscript';
import type { Paragraph, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { wantedUrlForId } from '../../model/ids.ts';
import type { ResolverIndex } from '../../model/resolve-wiki-link.ts';
import { resolveWikiLink } from '../../model/resolve-wiki-link.ts';
import { isWikiList, readWikiList } from '../../model/wiki-lists.ts';
import { wikiListElement, type ListData } from '../wiki-lists.ts';

export interface RemarkWikiListsOptions {
  index: () => ResolverIndex;
  /** What the lists show, made when an article first asks (most articles embed none). */
  lists: () => ListData;
}

export const remarkWikiLists: Plugin<[RemarkWikiListsOptions], Root> = function (options) {
  return (tree, file) => {
    const edits: Array<{ parent: { children: RootContent[] }; node: RootContent; by: RootContent }> = [];
    visitParents(tree, (node, ancestors) => {
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !isWikiList(node.name)) return;
      const read = readWikiList({ ...node, name: node.name }, file.path ?? '');
      const parent = ancestors.at(-1);
      if (!read.ok || !parent || !('children' in parent)) return;
      let use = read.use;
      let element: Element | Text | undefined;
      if (use.list === 'FeaturedArticle') {
        // A featured page that does not exist is a red link here, and in the build's report.
        const resolution = resolveWikiLink(use.page, options.index());
        if (resolution.kind === 'page') use = { ...use, page: resolution.id };
        else if (resolution.kind === 'missing') element = h('a', { className: ['wikilink', 'new'], href: wantedUrlForId(resolution.id) }, resolution.id);
        else element = { type: 'text', value: use.page };
      }
      element ??= wikiListElement(use, options.lists());
      const by: RootContent =
        element.type === 'text'
          ? { type: 'text', value: element.value }
          : ({ type: 'paragraph', children: [], data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children } } as Paragraph);
      edits.push({ parent: parent as { children: RootContent[] }, node, by });
    });
    for (const { parent, node, by } of edits) {
      const at = parent.children.indexOf(node);
      if (at >= 0) parent.children[at] = by;
    }
  };
};

export default remarkWikiLists;
