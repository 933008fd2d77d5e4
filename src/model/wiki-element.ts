/**
 * The mdast node of the wiki's own blocks (infobox, figure, callout, chart): an element with mdast children,
 * turned into HTML by mdast-util-to-hast through `data.hName`/`hProperties` (and `hChildren` for parts that
 * are already HTML, such as a chart's SVG). Its children stay mdast, so the wiki links, citations and
 * formulas inside are read by the pre-pass and resolved by the same plugins as the rest of the article.
 */
import type { Data, Parent, PhrasingContent, RootContent } from 'mdast';
import type { ElementContent, Properties } from 'hast';
import type { Position } from 'unist';
import type { ChartUse } from './chart-spec.ts';

export interface WikiElementData extends Data {
  hName: string;
  hProperties?: Properties;
  hChildren?: ElementContent[];
  /** A chart to draw here (src/render/plugins/remark-charts.ts). */
  chart?: ChartUse;
}

export interface WikiElement extends Parent {
  type: 'wikiElement';
  data: WikiElementData;
  children: RootContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    wikiElement: WikiElement;
  }
  interface BlockContentMap {
    wikiElement: WikiElement;
  }
  interface PhrasingContentMap {
    wikiElement: WikiElement;
  }
}

export function element(hName: string, hProperties: Properties, children: Array<RootContent | PhrasingContent>, position?: Position): WikiElement {
  return { type: 'wikiElement', data: { hName, hProperties }, children: children as RootContent[], ...(position ? { position } : {}) };
}
