/**
 * Keep the importer's inline tags (`<sub>`, `<sup>`, `<u>`, `<code>`, `<span />`) inside their paragraph. MDX
 * reads a line that holds nothing but tags as a block of JSX, which ends the paragraph it interrupts: DokuWiki's
 * `<sub>a` + line break + `</sub>` would be written as `<sub>a\n</sub>`, whose `<sub>` is then never closed,
 * and the compiler stops; `a\n<sup></sup>` would move the tag out of its paragraph.
 *
 * No tag may start or end a line inside a paragraph, then: a line break in running text is a space to the
 * reader, so one between a tag and the text around it becomes a space; a hard line break (`\\`) before a tag
 * becomes `<br />`, which MDX writes on the same line. Empty bold, italics and strike-through, which are written
 * as nothing, are left out first, so that the tag before them is seen; code spans side by side become one, which
 * the reader sees the same, since Markdown would read their backticks as one span.
 */
import type { Parent, PhrasingContent, Root } from 'mdast';

const LEADING_LINE_BREAK = /^[^\S\n]*\n\s*/;
const TRAILING_LINE_BREAK = /\s*\n[^\S\n]*$/;

const WRITTEN_AS_NOTHING_WHEN_EMPTY = new Set(['strong', 'emphasis', 'delete']);

function isTag(node: PhrasingContent | undefined): boolean {
  return node?.type === 'mdxJsxTextElement';
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

const BR: PhrasingContent = { type: 'mdxJsxTextElement', name: 'br', attributes: [], children: [] };

function keepInline(parent: Parent): void {
  for (const child of parent.children) {
    if ('children' in child) keepInline(child);
  }
  const children: PhrasingContent[] = [];
  for (const child of parent.children as PhrasingContent[]) {
    const previous = children.at(-1);
    if (WRITTEN_AS_NOTHING_WHEN_EMPTY.has(child.type) && 'children' in child && child.children.length === 0) continue;
    // Two code spans side by side would be written as one run of backticks (`` `a``b` ``), one code span.
    if (child.type === 'inlineCode' && previous?.type === 'inlineCode') children[children.length - 1] = { ...previous, value: previous.value + child.value };
    else children.push(child);
  }
  const inTag = parent.type === 'mdxJsxTextElement';
  // Hard breaks from the last, so that one before a `<br />` (blank text between them) becomes one too: the
  // blank would be all that stood before the tag on its line.
  let tagAhead = inTag;
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index]!;
    if (child.type === 'break' && tagAhead) children[index] = { ...BR };
    if (!isBlank(child)) tagAhead = isTag(children[index]);
  }
  parent.children = children.map((child, index): PhrasingContent => {
    if (child.type !== 'text') return child;
    const tagBefore = index === 0 ? inTag : isTag(children[index - 1]);
    const tagAfter = index === children.length - 1 ? inTag : isTag(children[index + 1]);
    let value = child.value;
    if (tagBefore) value = value.replace(LEADING_LINE_BREAK, ' ');
    if (tagAfter) value = value.replace(TRAILING_LINE_BREAK, ' ');
    return value === child.value ? child : { ...child, value };
  });
}

export function keepTagsInline(root: Root): void {
  keepInline(root);
}
