/**
 * rehype plugin: bibliography citations. Each `[@a; @b, p. 4]` becomes a
 * placeholder `<span data-cite-keys>` that `rehype-references` turns into one
 * numbered marker per key, and rehype-citation formats the cited entries in the
 * configured CSL style. We do not let rehype-citation write the in-text numbers:
 * with numeric styles it links `[@c; @a; @b]` rendered as "(1–3)" to the wrong
 * entries and drops citations inside emphasis (see tests/unit/rehype-references.test.ts).
 */
import { relative } from 'node:path';
import type { Element, ElementContent, Root, Text } from 'hast';
import rehypeCitation from 'rehype-citation';
import type { Plugin, Transformer } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { idFromPath, type PageId } from '../../model/ids.ts';
import { findCitations } from '../../model/references.ts';
import { cslLocale } from '../csl-locales.ts';

export interface RehypeCitationsOptions {
  /** The content folder, to tell which article a file is. */
  contentDir: string;
  /** Absolute paths of the CSL-JSON bibliographies the article cites against (see `writeBibliographyCache`). */
  bibliographyFor: (page: PageId | undefined) => string[];
  /** A CSL style rehype-citation knows (`vancouver`, `apa`, `harvard1`, `chicago`, `mla`) or a path to a `.csl` file. */
  style: string;
  /** The wiki's language (BCP 47): entries are written with its CSL locale's terms (src/render/csl-locales.ts). */
  language?: string;
}

/** Elements whose text is never a citation (a formula's is TeX and its glyphs). */
const LITERAL = new Set(['code', 'pre', 'a', 'script', 'style', 'math']);

/** Replace bracketed citations in text with placeholders; returns the keys cited, in order. */
export function markCitations(tree: Root): string[] {
  const keys: string[] = [];
  const edits: Array<{ parent: Root | Element; node: Text; parts: ElementContent[] }> = [];
  visitParents(tree, 'text', (node, ancestors) => {
    if (ancestors.some((a) => a.type === 'element' && LITERAL.has(a.tagName))) return;
    const found = findCitations(node.value);
    if (found.length === 0) return;
    const parts: ElementContent[] = [];
    let last = 0;
    for (const citation of found) {
      if (citation.index > last) parts.push({ type: 'text', value: node.value.slice(last, citation.index) });
      parts.push({
        type: 'element',
        tagName: 'span',
        properties: {
          dataCiteKeys: citation.keys.map((k) => k.key).join(' '),
          dataCiteLocators: JSON.stringify(citation.keys.map((k) => k.locator ?? '')),
        },
        children: [],
      });
      keys.push(...citation.keys.map((k) => k.key));
      last = citation.index + citation.length;
    }
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    const parent = ancestors.at(-1);
    if (parent && (parent.type === 'root' || parent.type === 'element')) edits.push({ parent, node, parts });
  });
  for (const { parent, node, parts } of edits) {
    const at = parent.children.indexOf(node);
    if (at >= 0) parent.children.splice(at, 1, ...(parts as typeof parent.children));
  }
  return [...new Set(keys)];
}

export const rehypeCitations: Plugin<[RehypeCitationsOptions], Root> = function (options) {
  return async (tree, file) => {
    const keys = markCitations(tree);
    const path = file.path ? relative(options.contentDir, file.path) : '';
    const page = path && !path.startsWith('..') ? idFromPath(path) || undefined : undefined;
    const bibliography = options.bibliographyFor(page);
    // Missing keys and missing bibliographies are reported by the pre-pass, with file and line.
    if (keys.length === 0 || bibliography.length === 0) return;
    const format = rehypeCitation.call(this, {
      bibliography,
      path: '/',
      csl: options.style,
      lang: cslLocale(options.language ?? 'en'),
      noCite: keys.map((key) => `@${key}`),
    }) as Transformer<Root, Root>;
    await format(tree, file, () => undefined);
  };
};

export default rehypeCitations;
