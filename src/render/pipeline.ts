/**
 * The wiki's remark and rehype plugins, in order: one list for Astro's markdown processor (articles compiled
 * as MDX) and for the article loader's renderers (articles rendered straight to HTML, on the main thread and
 * in worker threads), so that every article is rendered by the same pipeline.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import type { PageId } from '../model/ids.ts';
import type { PageIndex } from '../model/page-index.ts';
import { rehypeCitations } from './plugins/rehype-citations.ts';
import { rehypeHeadingIds } from './plugins/rehype-heading-ids.ts';
import { rehypeLinkSchemes } from './plugins/rehype-link-schemes.ts';
import { rehypeReferences } from './plugins/rehype-references.ts';
import { remarkExpressionErrors } from './plugins/remark-expression-errors.ts';
import { remarkCharts } from './plugins/remark-charts.ts';
import { chartWords } from './charts/chart-words.ts';
import { remarkMathSyntax } from './plugins/remark-math-syntax.ts';
import { remarkMathml } from './plugins/remark-mathml.ts';
import { remarkSeeAlso } from './plugins/remark-see-also.ts';
import { remarkWikiSyntax } from './plugins/remark-wiki-syntax.ts';
import { remarkWikiLinks } from './plugins/remark-wiki-links.ts';
import { remarkWikiLists } from './plugins/remark-wiki-lists.ts';
import { listData, type ListData, type ListedChange } from './wiki-lists.ts';
import { unknownNodeToHast } from './unknown-node.ts';

/** remark-rehype's options for every article: the wiki's own nodes turned into HTML (src/render/unknown-node.ts). */
export const wikiRemarkRehype = { unknownHandler: unknownNodeToHast } as const;

export interface PipelineOptions {
  contentDir: string;
  citationStyle: string;
  /** The page index as last read (a function: in `astro dev` it is read again after each change). */
  index: () => PageIndex;
  /** The CSL-JSON file of the entries an article cites, if it cites any. */
  citedPath: (page: PageId) => string | undefined;
  /** The wiki's language (BCP 47): references are written with its terms. */
  language: string;
  /** The interface strings (src/shared/ui-strings.ts): a red link's title, the embedded lists' words. */
  strings: Readonly<Record<string, string>>;
  /** The latest changes, for `<RecentChanges />` (a function: read again in `astro dev`). */
  recent: () => readonly ListedChange[];
  /**
   * Whether the tree is written out as HTML (the article renderer), not compiled by MDX: charts are then passed
   * through as the HTML of their drawing, and formulas as the HTML of their MathML (src/render/serialized-tree.ts).
   */
  stringified?: boolean;
  /** Charts drawn ahead on the other core, as HTML, by key (src/render/charts/chart-prefetch.ts); for a stringified tree. */
  prefetchedChart?: (key: string) => Promise<string> | undefined;
}

/** The lists' data, made when an article first embeds one, again when the index or recent changes are read anew. */
function lazyLists(options: PipelineOptions): () => ListData {
  let made: { index: PageIndex; recent: readonly ListedChange[]; data: ListData } | undefined;
  return () => {
    const index = options.index();
    const recent = options.recent();
    if (made?.index !== index || made.recent !== recent) made = { index, recent, data: listData(index, recent, options.strings, options.language) };
    return made.data;
  };
}

export function wikiRemarkPlugins(options: PipelineOptions): RemarkPlugins {
  return [
    // The wiki's lists (`<RecentChanges />`…) are known elements: HTML before anything else reads the tree.
    [remarkWikiLists, { index: options.index, lists: lazyLists(options) }],
    // `$` math is read with the article; then the wiki's blocks (infobox, figures, callouts, charts) are
    // expanded, so that the formulas, links and citations inside them are drawn and resolved with the rest.
    remarkMathSyntax,
    [remarkWikiSyntax, { index: options.index, contentDir: options.contentDir, strings: options.strings }],
    [
      remarkCharts,
      { index: options.index, stringified: options.stringified, prefetched: options.prefetchedChart, words: chartWords(options.language, options.strings) },
    ],
    [remarkMathml, { stringified: options.stringified }],
    // See also first: it appends wiki links that remarkWikiLinks then resolves.
    [remarkSeeAlso, { index: options.index, contentDir: options.contentDir }],
    [remarkWikiLinks, { index: options.index, contentDir: options.contentDir, redLinkTitle: options.strings['article.redLinkTitle'] }],
    // Full MDX only: an expression that throws names its article and line.
    [remarkExpressionErrors, { contentDir: options.contentDir }],
  ];
}

export function wikiRehypePlugins(options: PipelineOptions): RehypePlugins {
  return [
    // Citations first, so that the footnote section is merged into References before headings get ids.
    [
      rehypeCitations,
      {
        contentDir: options.contentDir,
        style: options.citationStyle,
        language: options.language,
        bibliographyFor: (page: PageId | undefined) => {
          const path = page && options.citedPath(page);
          return path ? [path] : [];
        },
      },
    ],
    rehypeReferences,
    rehypeHeadingIds,
    [
      rehypeAutolinkHeadings,
      { behavior: 'append', properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 }, content: { type: 'text', value: '#' } },
    ],
    // Links to other sites cannot reach back into the wiki's window, nor learn which page sent the reader
    // (`HTTPS://…` too: rehype-external-links compares schemes as written).
    rehypeLinkSchemes,
    [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
  ];
}
