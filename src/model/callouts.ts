/**
 * Callouts: GitHub's and Obsidian's alert syntax, a blockquote whose first line is `[!NOTE]`, `[!TIP]`,
 * `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` (any case), becomes a labelled aside. As in Obsidian, text
 * after the marker is the callout's title, and `[!NOTE]-` or `[!NOTE]+` makes it fold (closed or open).
 * A marker of another type is a mistake reported with the types there are, never a quote that shows
 * `[!NOTE]` to readers. Pure: tree in, tree changed in place and diagnostics out.
 */
import type { Blockquote, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Diagnostic } from './diagnostics.ts';
import { element } from './wiki-element.ts';

/** The types, with the label each shows when the wiki gives none in its language (src/shared/ui-strings/, `callout.<type>`). */
export const CALLOUT_TYPES = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' } as const;
export type CalloutType = keyof typeof CALLOUT_TYPES;

/** Each type's label in the wiki's language. */
export type CalloutLabels = Readonly<Record<CalloutType, string>>;

const MARKER = /^\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*/;

/** `source`: the article's text, in which a marker written `\\[!NOTE]` is quoted as written; `labels`: each type's label in the wiki's language. */
export function expandCallouts(tree: Root, file: string, source?: string, labels: CalloutLabels = CALLOUT_TYPES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const walk = (parent: { children: RootContent[] }) => {
    parent.children.forEach((node, i) => {
      if ('children' in node) walk(node as { children: RootContent[] });
      if (node.type !== 'blockquote') return;
      const callout = calloutOf(node, file, diagnostics, labels, source);
      if (callout) parent.children[i] = callout;
    });
  };
  walk(tree);
  return diagnostics;
}

function calloutOf(quote: Blockquote, file: string, diagnostics: Diagnostic[], labels: CalloutLabels, source?: string): RootContent | undefined {
  const first = quote.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const lead = first.children[0];
  if (lead?.type !== 'text') return undefined;
  const at = lead.position?.start.offset;
  if (source !== undefined && at !== undefined && source[at] !== '[') return undefined;
  const match = MARKER.exec(lead.value);
  if (!match) return undefined;
  const written = match[1] ?? '';
  const type = written.toLowerCase();
  if (!(type in CALLOUT_TYPES)) {
    diagnostics.push({
      severity: 'error',
      file,
      line: quote.position?.start.line ?? 1,
      message: `unknown callout type \`[!${written}]\`: use one of ${Object.keys(CALLOUT_TYPES)
        .map((t) => `\`[!${t.toUpperCase()}]\``)
        .join(', ')}, or write \`\\[!${written}]\` to quote the text as it is`,
    });
    return undefined;
  }
  const label = labels[type as CalloutType];
  const { title, rest } = splitFirstLine({ ...first, children: [{ ...lead, value: lead.value.slice(match[0].length) }, ...first.children.slice(1)] });
  const body = [...(rest ? [rest] : []), ...quote.children.slice(1)];
  const fold = match[2];
  const heading = title.length > 0 ? title : [{ type: 'text' as const, value: label }];
  const className = ['callout', `callout-${type}`];
  // A screen reader announces the type whatever the title: "Warning, note".
  if (fold) {
    return element(
      'details',
      { className, ariaLabel: label, ...(fold === '+' ? { open: true } : {}) },
      [element('summary', { className: ['callout-title'] }, heading), ...body],
      quote.position,
    );
  }
  return element('aside', { className, role: 'note', ariaLabel: label }, [element('p', { className: ['callout-title'] }, heading), ...body], quote.position);
}

/** The first line of a paragraph (the callout's title) and the paragraph after it, if anything follows. */
function splitFirstLine(paragraph: Paragraph): { title: PhrasingContent[]; rest: Paragraph | undefined } {
  const title: PhrasingContent[] = [];
  const children = paragraph.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const newline = node.type === 'text' ? node.value.indexOf('\n') : -1;
    if (node.type === 'break' || newline !== -1) {
      if (node.type === 'text') {
        const before = node.value.slice(0, newline);
        if (before.trim()) title.push({ ...node, value: before.trimEnd() });
      }
      const after = node.type === 'text' ? node.value.slice(newline + 1) : '';
      const rest: PhrasingContent[] = [...(after ? [{ ...node, value: after } as PhrasingContent] : []), ...children.slice(i + 1)];
      return { title: trimTitle(title), rest: rest.length > 0 ? { ...paragraph, children: rest } : undefined };
    }
    title.push(node);
  }
  return { title: trimTitle(title), rest: undefined };
}

function trimTitle(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
}
