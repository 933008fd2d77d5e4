/**
 * rehype plugin: one References list for GFM footnotes and bibliography
 * citations. Entries are numbered by first citation; a source cited again
 * (the same footnote, footnotes of identical text and addresses, the same BibTeX key) is one
 * entry with a back-link per citation. The in-text markers become `[n]` links;
 * the list is handed to the page as `frontmatter.references`, so the article
 * page places it after "See also" (src/components/References.astro).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { backlinkLabel, classifyUrl, linkifyIdentifiers } from '../../model/references.ts';

export interface ReferenceEntry {
  /** The entry's HTML id, `ref-<n>`. */
  id: string;
  number: number;
  /** The reference itself, as HTML built from the tree (links made safe). */
  html: string;
  /** One per citation, in reading order: the id of the marker to jump back to. */
  backlinks: string[];
}

const isElement = (node: RootContent | ElementContent | Root | undefined, tag?: string): node is Element =>
  node?.type === 'element' && (tag === undefined || node.tagName === tag);

/** Footnote definitions by their HTML id, without the "↩" back-references GFM adds. */
function takeFootnotes(tree: Root): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>();
  const at = tree.children.findIndex((n) => isElement(n, 'section') && n.properties.dataFootnotes !== undefined);
  const section = tree.children[at];
  if (!isElement(section)) return notes;
  visitParents(section, 'element', (li) => {
    if (li.tagName !== 'li' || typeof li.properties.id !== 'string') return;
    const blocks = li.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    const only = blocks.length === 1 ? blocks[0] : undefined;
    const content = isElement(only, 'p') ? only.children : blocks;
    notes.set(li.properties.id, stripBackrefs(content));
  });
  tree.children.splice(at, 1);
  return notes;
}

function stripBackrefs(nodes: ElementContent[]): ElementContent[] {
  const kept = nodes.filter((n) => !(isElement(n, 'a') && n.properties.dataFootnoteBackref !== undefined));
  // The space GFM puts before each "↩" would trail the reference.
  while (kept.at(-1)?.type === 'text' && /^\s*$/.test((kept.at(-1) as { value: string }).value)) kept.pop();
  const last = kept.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return kept.map((n) => (n.type === 'element' ? { ...n, children: stripBackrefs(n.children) } : n));
}

/** BibTeX entries formatted by rehype-citation (`#bib-<key>`), without its own numbering. */
function takeBibliography(tree: Root): Map<string, ElementContent[]> {
  const entries = new Map<string, ElementContent[]>();
  const at = tree.children.findIndex((n) => isElement(n, 'div') && n.properties.id === 'refs');
  const refs = tree.children[at];
  if (!isElement(refs)) return entries;
  for (const entry of refs.children) {
    if (!isElement(entry) || typeof entry.properties.id !== 'string') continue;
    const inline = entry.children.find((c) => isElement(c) && String(c.properties.className ?? '').includes('csl-right-inline'));
    entries.set(
      entry.properties.id,
      isElement(inline) ? inline.children : entry.children.filter((c) => !(isElement(c) && String(c.properties.className ?? '').includes('csl-left-margin'))),
    );
  }
  tree.children.splice(at, 1);
  return entries;
}

/** Make a reference's links safe and telling: rel, the site's domain, DOIs and arXiv ids as links. */
export function polishReference(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'element' && node.tagName === 'a') {
      const judged = classifyUrl(String(node.properties.href ?? ''));
      if (judged.kind === 'unsafe') return node.children; // reported by the pre-pass; never a live link
      return [
        { ...node, properties: { ...node.properties, href: judged.href, rel: ['noopener', 'noreferrer'] } },
        { type: 'text', value: ' ' },
        { type: 'element', tagName: 'span', properties: { className: ['reference-domain'] }, children: [{ type: 'text', value: `(${judged.domain})` }] },
      ];
    }
    if (node.type === 'element') return [{ ...node, children: polishReference(node.children) }];
    if (node.type !== 'text') return [node];
    return linkifyIdentifiers(node.value).map((part): ElementContent =>
      typeof part === 'string'
        ? { type: 'text', value: part }
        : { type: 'element', tagName: 'a', properties: { href: part.href, rel: ['noopener', 'noreferrer'] }, children: [{ type: 'text', value: part.text }] },
    );
  });
}

/** The addresses a reference links to, in order. */
function addressesOf(nodes: ElementContent[]): string[] {
  const found: string[] = [];
  visitParents({ type: 'root', children: nodes }, 'element', (node) => {
    if (node.tagName === 'a') found.push(String(node.properties.href ?? ''));
  });
  return found;
}

function marker(id: string, target: string, number: number, locator: string): Element {
  const children: ElementContent[] = [
    { type: 'element', tagName: 'a', properties: { href: `#${target}`, dataReference: target }, children: [{ type: 'text', value: `[${number}]` }] },
  ];
  if (locator)
    children.push({ type: 'element', tagName: 'span', properties: { className: ['reference-locator'] }, children: [{ type: 'text', value: `: ${locator}` }] });
  return { type: 'element', tagName: 'sup', properties: { className: ['reference'], id }, children };
}

export const rehypeReferences: Plugin<[], Root> = function () {
  return (tree, file) => {
    const footnotes = takeFootnotes(tree);
    const bibliography = takeBibliography(tree);

    interface Draft {
      number: number;
      content: ElementContent[];
      backlinks: string[];
    }
    const drafts = new Map<string, Draft>();
    const entryFor = (identity: string, content: ElementContent[]): Draft => {
      const known = drafts.get(identity);
      if (known) return known;
      const draft = { number: drafts.size + 1, content, backlinks: [] };
      drafts.set(identity, draft);
      return draft;
    };
    const cite = (draft: Draft, locator = ''): Element => {
      const id = `cite-ref-${draft.number}-${backlinkLabel(draft.backlinks.length)}`;
      draft.backlinks.push(id);
      return marker(id, `ref-${draft.number}`, draft.number, locator);
    };

    const edits: Array<{ parent: Root | Element; node: Element; markers: Element[] }> = [];
    visitParents(tree, 'element', (node, ancestors) => {
      const parent = ancestors.at(-1);
      if (!parent || (parent.type !== 'root' && parent.type !== 'element')) return;
      const call =
        node.tagName === 'sup' ? node.children.find((c): c is Element => isElement(c, 'a') && c.properties.dataFootnoteRef !== undefined) : undefined;
      if (call) {
        const target = String(call.properties.href ?? '').replace(/^#/, '');
        const content = footnotes.get(target);
        if (!content) return 'skip';
        // Identical footnotes are one reference, as in DokuWiki: the same text and the same addresses, so that
        // two reports both titled "Report" stay two sources.
        const identity = `note:${toString({ type: 'root', children: content }).replace(/\s+/g, ' ').trim()}\0${addressesOf(content).join(' ')}`;
        edits.push({ parent, node, markers: [cite(entryFor(identity, content))] });
        return 'skip';
      }
      if (node.tagName === 'span' && typeof node.properties.dataCiteKeys === 'string') {
        const keys = node.properties.dataCiteKeys.split(' ');
        const locators = JSON.parse(String(node.properties.dataCiteLocators ?? '[]')) as string[];
        const markers = keys.flatMap((key, i) => {
          const content = bibliography.get(`bib-${key.toLowerCase()}`);
          return content ? [cite(entryFor(`bib:${key}`, content), locators[i] ?? '')] : [];
        });
        // An unknown key is a build error (the pre-pass reports it); while editing, it stays visible as written.
        edits.push({
          parent,
          node,
          markers:
            markers.length > 0
              ? markers
              : [
                  {
                    type: 'element',
                    tagName: 'span',
                    properties: { className: ['citation-unknown'] },
                    children: [{ type: 'text', value: `[${keys.map((k) => `@${k}`).join('; ')}]` }],
                  },
                ],
        });
        return 'skip';
      }
      return undefined;
    });
    for (const { parent, node, markers } of edits) {
      const at = parent.children.indexOf(node);
      if (at < 0) continue;
      parent.children.splice(at, 1, ...markers);
      // A marker follows its word, as Wikipedia's do: `text [@key]`, as Pandoc's syntax is written, would otherwise
      // leave the [n] free to wrap onto a line of its own.
      const before = parent.children[at - 1];
      if (before?.type === 'text' && markers[0]?.tagName === 'sup') before.value = before.value.replace(/\s+$/, '');
    }

    const references: ReferenceEntry[] = [...drafts.values()].map((draft) => ({
      id: `ref-${draft.number}`,
      number: draft.number,
      html: toHtml(polishReference(draft.content)),
      backlinks: draft.backlinks,
    }));
    file.data.astro ??= {};
    file.data.astro.frontmatter = { ...file.data.astro.frontmatter, references };
  };
};

export default rehypeReferences;
