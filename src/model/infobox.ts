/**
 * The infobox: the table that sums up a chip or a company beside the lead. Written in the frontmatter,
 * so that a plain article needs no MDX:
 *
 *   infobox:
 *     image: ./h100.png
 *     caption: Nvidia H100 SXM
 *     rows:
 *       Designer: "[[nvidia]]"
 *       Released: "2022[^h100-launch]"
 *
 * or as `<Infobox image="…" caption="…">` around a list of `Label: value` items. Row values are inline
 * Markdown: their wiki links and citations join the article's. Both give the same element, placed first
 * in the body (beside the lead on wide screens, above it on narrow ones). Pure.
 */
import type { Image, List, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Point, Position } from 'unist';
import { literalAttributes, type JsxElementLike } from './components.ts';
import type { Diagnostic } from './diagnostics.ts';
import { parseInlineMarkdown } from './inline-markdown.ts';
import type { ArticleFrontmatter } from './schema.ts';
import { element, type WikiElement } from './wiki-element.ts';

/** The frontmatter's infobox, with the line of each field, as the pre-pass keeps it for the renderer. */
export interface InfoboxSpec {
  title?: string;
  image?: string;
  alt?: string;
  caption?: string;
  rows: Array<{ label: string; value: string; line: number }>;
  /** The line of `infobox:`. */
  line: number;
}

/**
 * The checked `infobox` field with the line of each row in the file. `yaml` is the frontmatter's text and
 * `firstLine` the file's line of its first line. Rows keep the order they are written in, and a number
 * keeps the digits written (`3.0`, not 3). Read from the text's lines (the frontmatter is parsed already):
 * rows written as `Label: value`, one per line under `rows:`, as the README shows.
 */
export function infoboxSpec(infobox: NonNullable<ArticleFrontmatter['infobox']>, yaml: string, firstLine: number): InfoboxSpec {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => /^infobox\s*:/.test(line));
  const written = new Map<string, { raw: string; line: number }>();
  let inRows = false;
  let rowsIndent = -1;
  for (let i = start + 1; start !== -1 && i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\S/.test(line)) break;
    const indent = line.search(/\S/);
    if (indent === -1) continue;
    if (/^\s*rows\s*:\s*$/.test(line)) {
      inRows = true;
      rowsIndent = indent;
      continue;
    }
    if (inRows && indent <= rowsIndent) inRows = false;
    const row = inRows ? /^\s*("([^"]*)"|'([^']*)'|[^:#][^:]*?)\s*:\s*(.*?)\s*(#.*)?$/.exec(line) : null;
    if (row) written.set(row[2] ?? row[3] ?? (row[1] ?? '').trim(), { raw: row[4] ?? '', line: firstLine + i });
  }
  const infoboxLine = firstLine + Math.max(start, 0);
  const order = [...written.keys()].filter((label) => label in infobox.rows);
  const labels = [...order, ...Object.keys(infobox.rows).filter((label) => !written.has(label))];
  const valueOf = (label: string) => {
    const value = infobox.rows[label] ?? '';
    const raw = written.get(label)?.raw;
    // A number as the writer wrote it: YAML would give 3 for `3.0`.
    return raw !== undefined && /^[-+]?[\d.,_eE+]+$/.test(raw) && Number(value) === Number(raw.replace(/_/g, '')) ? raw : value;
  };
  return {
    ...(infobox.title !== undefined ? { title: infobox.title } : {}),
    ...(infobox.image !== undefined ? { image: infobox.image } : {}),
    ...(infobox.alt !== undefined ? { alt: infobox.alt } : {}),
    ...(infobox.caption !== undefined ? { caption: infobox.caption } : {}),
    rows: labels.map((label) => ({ label, value: valueOf(label), line: written.get(label)?.line ?? infoboxLine })),
    line: infoboxLine,
  };
}

export interface InfoboxParts {
  title: string;
  image?: Image;
  caption: PhrasingContent[];
  rows: Array<{ label: string; value: PhrasingContent[] }>;
}

/** The infobox as a table: its title as caption, the picture across both columns, then one row per fact. */
export function infoboxElement({ title, image, caption, rows }: InfoboxParts, position?: Position): WikiElement {
  const body: RootContent[] = [];
  if (image) {
    const picture = element('figure', { className: ['infobox-image'] }, [image, ...(caption.length > 0 ? [element('figcaption', {}, caption)] : [])]);
    body.push(element('tr', {}, [element('td', { colSpan: 2 }, [picture])]));
  }
  for (const row of rows) {
    body.push(element('tr', {}, [element('th', { scope: 'row' }, [{ type: 'text', value: row.label }]), element('td', {}, row.value)]));
  }
  return element(
    'table',
    { className: ['infobox'] },
    // A line break after the caption: Pagefind, which reads the page for search, would otherwise join the title to the
    // first label ("High Bandwidth MemoryType"); it separates cells, but not a caption from them.
    [element('caption', { className: ['infobox-title'] }, [{ type: 'text', value: title }]), { type: 'text', value: '\n' }, element('tbody', {}, body)],
    position,
  );
}

/** The frontmatter's infobox as an element, its values read as inline Markdown. */
export function infoboxFromSpec(
  spec: InfoboxSpec,
  pageTitle: string,
  footnotes: ReadonlySet<string>,
  offsetOfLine: (line: number) => number = () => 0,
): WikiElement {
  const at: Point = { line: spec.line, column: 1, offset: offsetOfLine(spec.line) };
  const image: Image | undefined = spec.image
    ? { type: 'image', url: spec.image, alt: spec.alt ?? spec.caption ?? '', title: null, position: { start: at, end: at } }
    : undefined;
  return infoboxElement(
    {
      title: spec.title ?? pageTitle,
      ...(image ? { image } : {}),
      caption: parseInlineMarkdown(spec.caption ?? '', at, footnotes),
      rows: spec.rows.map((row) => ({
        label: row.label,
        value: parseInlineMarkdown(row.value, { line: row.line, column: 1, offset: offsetOfLine(row.line) }, footnotes),
      })),
    },
    { start: at, end: at },
  );
}

/**
 * `<Infobox title image alt caption>` around a list of `Label: value` items, as an element; or what is wrong
 * with it. Its caption is read as inline Markdown; the items already are.
 */
export function infoboxFromJsx(
  node: JsxElementLike & { children: RootContent[]; position?: Position | undefined },
  file: string,
  pageTitle: string,
  footnotes: ReadonlySet<string>,
): { infobox: WikiElement } | { diagnostics: Diagnostic[] } {
  const line = node.position?.start.line ?? 1;
  const problem = (message: string, at = line) => ({ diagnostics: [{ severity: 'error' as const, file, line: at, message }] });
  const attributes = literalAttributes(node);
  if (!attributes.ok)
    return problem(
      `\`${attributes.name}\` on \`<Infobox>\` must be written as text, e.g. \`caption="Nvidia H100 SXM"\`: the wiki's own components take no \`{expressions}\``,
    );
  const { values } = attributes;
  const fix = 'write the rows as a list of `Label: value` items between `<Infobox>` and `</Infobox>`, e.g. `- Designer: [[nvidia]]`';
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (content.length !== 1 || content[0]?.type !== 'list') return problem(`\`<Infobox>\` holds its rows as one list: ${fix}`);
  const rows: InfoboxParts['rows'] = [];
  for (const item of (content[0] as List).children) {
    const paragraph = item.children[0];
    const row = paragraph?.type === 'paragraph' && item.children.length === 1 ? splitLabel(paragraph.children) : undefined;
    if (!row) return problem(`this item of \`<Infobox>\` is not \`Label: value\`: ${fix}`, item.position?.start.line ?? line);
    rows.push(row);
  }
  const at = node.position?.start ?? { line, column: 1 };
  const src = values.get('image');
  const caption = values.get('caption');
  const image: Image | undefined = src
    ? { type: 'image', url: src, alt: values.get('alt') ?? caption ?? '', title: null, position: { start: at, end: at } }
    : undefined;
  if (image && !values.has('alt') && !caption)
    return problem('the picture of `<Infobox>` needs a text alternative: add `alt="What the picture shows"` or a `caption="…"`');
  return {
    infobox: infoboxElement(
      { title: values.get('title') ?? pageTitle, ...(image ? { image } : {}), caption: parseInlineMarkdown(caption ?? '', at, footnotes), rows },
      node.position,
    ),
  };
}

/** `Designer: [[nvidia]]` → label "Designer" and the nodes after the colon. */
function splitLabel(children: PhrasingContent[]): { label: string; value: PhrasingContent[] } | undefined {
  const labelNodes: PhrasingContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const colon = node.type === 'text' ? node.value.indexOf(':') : -1;
    if (node.type !== 'text' || colon === -1) {
      labelNodes.push(node);
      continue;
    }
    const label = (toString({ type: 'paragraph', children: labelNodes }) + node.value.slice(0, colon)).trim();
    const after = node.value.slice(colon + 1).replace(/^\s+/, '');
    const value: PhrasingContent[] = [...(after ? [{ ...node, value: after }] : []), ...children.slice(i + 1)];
    return label ? { label, value } : undefined;
  }
  return undefined;
}
