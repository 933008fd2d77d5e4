/**
 * remark plugin: the wiki's own blocks (infobox, figures, callouts, chart blocks, `<Infobox>` and `<Figure>`)
 * expanded in the article's tree, as the pre-pass expanded them (src/model/wiki-syntax.ts), before the wiki
 * links and citations inside them are resolved. The frontmatter's infobox is read from the page index,
 * where the pre-pass checked it and kept the line of each row, and so are the charts' specs.
 */
import { relative, sep } from 'node:path';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { formatDiagnostic } from '../../model/diagnostics.ts';
import { idFromPath } from '../../model/ids.ts';
import type { PageIndex } from '../../model/page-index.ts';
import { CALLOUT_TYPES, type CalloutLabels } from '../../model/callouts.ts';
import { expandWikiSyntax } from '../../model/wiki-syntax.ts';

export interface RemarkWikiSyntaxOptions {
  index: () => PageIndex;
  contentDir: string;
  /** The interface strings in the wiki's language: the callouts' labels (`callout.note`, …). */
  strings?: Readonly<Record<string, string>>;
}

/** The callouts' labels from the interface strings, English where a table has none. */
export function calloutLabels(strings: Readonly<Record<string, string>> = {}): CalloutLabels {
  return {
    note: strings['callout.note'] ?? CALLOUT_TYPES.note,
    tip: strings['callout.tip'] ?? CALLOUT_TYPES.tip,
    important: strings['callout.important'] ?? CALLOUT_TYPES.important,
    warning: strings['callout.warning'] ?? CALLOUT_TYPES.warning,
    caution: strings['callout.caution'] ?? CALLOUT_TYPES.caution,
  };
}

export const remarkWikiSyntax: Plugin<[RemarkWikiSyntaxOptions], Root> = function (options) {
  const labels = calloutLabels(options.strings);
  return (tree, file) => {
    const path = file.path ? relative(options.contentDir, file.path).split(sep).join('/') : '';
    const id = path && !path.startsWith('..') ? idFromPath(path) : '';
    const page = id ? options.index().pages.get(id) : undefined;
    const frontmatter = (file.data.astro?.frontmatter ?? {}) as { title?: unknown };
    const title = page?.title ?? (typeof frontmatter.title === 'string' ? frontmatter.title : '');
    const infobox = page?.article.infobox;
    const { diagnostics } = expandWikiSyntax(tree, {
      file: path || (file.path ?? ''),
      title,
      source: String(file.value),
      calloutLabels: labels,
      ...(infobox ? { infobox } : {}),
      ...(page ? { charts: page.article.charts } : {}),
    });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    // The pre-pass stops the build on these first; an article rendered outside the wiki's reading still must not pass.
    if (errors.length > 0) throw new Error(errors.map(formatDiagnostic).join('\n'));
  };
};

export default remarkWikiSyntax;
