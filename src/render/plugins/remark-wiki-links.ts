/**
 * remark plugin: parse `[[target|text]]` (through remark-wiki-link) and turn
 * each link into an anchor to the resolved article, or a red link. Resolution
 * is `resolveWikiLink`; reporting is the link graph's job, done once per build.
 */
import { relative } from 'node:path';
import type { Root } from 'mdast';
import remarkWikiLink from 'remark-wiki-link';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { idFromPath, urlForId, wantedUrlForId, type PageId } from '../../model/ids.ts';
import { resolveWikiLink, type ResolverIndex } from '../../model/resolve-wiki-link.ts';
import { wikiLinkSyntaxOptions, writtenAlias, writtenTarget } from '../../model/wiki-link-node.ts';
import { withoutByteOrderMark } from '../../model/satteri-reader.ts';

export interface RemarkWikiLinksOptions {
  /** The page index; a function so that the dev server can refresh it. */
  index: () => ResolverIndex;
  /** The content folder, to tell which page a file is. */
  contentDir: string;
  /** The title of a red link, in the wiki's language, `{id}` standing for the missing page. */
  redLinkTitle?: string;
}

export const remarkWikiLinks: Plugin<[RemarkWikiLinksOptions], Root> = function (options) {
  remarkWikiLink.call(this, wikiLinkSyntaxOptions);
  return (tree, file) => {
    const index = options.index();
    const path = file.path ? relative(options.contentDir, file.path) : '';
    const from: PageId | undefined = path && !path.startsWith('..') ? idFromPath(path) || undefined : undefined;
    // Positions count from after a byte-order mark (Astro hands MDX modules the file as it is).
    const source = withoutByteOrderMark(String(file.value));
    visit(tree, 'wikiLink', (node) => {
      const resolution = resolveWikiLink(writtenTarget(node), index, from);
      const alias = writtenAlias(node, source);
      let href: string;
      let text: string;
      const properties: Record<string, string | string[]> = {};
      if (resolution.kind === 'page') {
        // A #section the target lacks is a warning in the build report; the link still leads to the page, never to a dead anchor.
        href = urlForId(resolution.id, resolution.anchorExists ? resolution.anchor : undefined);
        text = alias ?? resolution.title;
        properties.className = ['wikilink'];
      } else {
        text = alias ?? writtenTarget(node);
        href = resolution.kind === 'missing' ? wantedUrlForId(resolution.id) : '#';
        properties.className = ['wikilink', 'new'];
        const missing = resolution.kind === 'missing' ? resolution.id : writtenTarget(node);
        properties.title = (options.redLinkTitle ?? '{id} (page does not exist yet)').replace('{id}', () => missing);
      }
      node.data = {
        ...node.data,
        hName: 'a',
        hProperties: { ...properties, href },
        hChildren: [{ type: 'text', value: text }],
      };
    });
  };
};

export default remarkWikiLinks;
