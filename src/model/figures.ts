/**
 * Figures: an image alone in its paragraph with a title, `![A die shot](./die.png "The H100 die[^die]")`,
 * becomes a `<figure>` whose caption is the title read as inline Markdown (links, formulas and citations
 * allowed). `<Figure src alt caption credit />` in MDX gives the same, with a credit line. The image stays
 * an mdast `image`, so it goes through Astro's image pipeline like any picture of the body. Pure.
 */
import type { Image, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import { literalAttributes, type JsxElementLike } from './components.ts';
import type { Diagnostic } from './diagnostics.ts';
import { parseInlineMarkdown } from './inline-markdown.ts';
import { element, type WikiElement } from './wiki-element.ts';

export interface FigureParts {
  image: Image;
  caption: PhrasingContent[];
  credit: PhrasingContent[];
}

/** The `<figure>`: the picture, then a caption and a credit line when there are any. */
export function figureElement({ image, caption, credit }: FigureParts, position?: Position): WikiElement {
  const lines: PhrasingContent[] = [...caption];
  if (credit.length > 0) lines.push(element('span', { className: ['figure-credit'] }, credit) as unknown as PhrasingContent);
  return element('figure', { className: ['figure'] }, [image, ...(lines.length > 0 ? [element('figcaption', {}, lines)] : [])], position);
}

/** Paragraphs holding only an image with a title become figures. */
export function expandMarkdownFigures(tree: Root, footnotes: ReadonlySet<string>): void {
  const walk = (parent: { children: RootContent[] }) => {
    parent.children.forEach((node, i) => {
      if (node.type === 'paragraph') {
        const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
        const image = content.length === 1 && content[0]?.type === 'image' ? content[0] : undefined;
        if (image?.title) {
          const at = image.position?.start ?? { line: 1, column: 1 };
          const caption = parseInlineMarkdown(image.title, at, footnotes);
          parent.children[i] = figureElement({ image: { ...image, title: null }, caption, credit: [] }, node.position);
        }
        return;
      }
      if ('children' in node) walk(node as { children: RootContent[] });
    });
  };
  walk(tree);
}

/** `<Figure src="./die.png" alt="…" caption="…" credit="…" />` as a figure, or what is wrong with it. */
export function figureFromJsx(
  node: JsxElementLike & { children: RootContent[]; position?: Position | undefined },
  file: string,
  footnotes: ReadonlySet<string>,
): { figure: WikiElement } | { diagnostics: Diagnostic[] } {
  const line = node.position?.start.line ?? 1;
  const problem = (message: string) => ({ diagnostics: [{ severity: 'error' as const, file, line, message }] });
  const attributes = literalAttributes(node);
  if (!attributes.ok)
    return problem(
      `\`${attributes.name}\` on \`<Figure>\` must be written as text, e.g. \`caption="The H100 die"\`: the wiki's own components take no \`{expressions}\``,
    );
  const { values } = attributes;
  const src = values.get('src');
  const alt = values.get('alt');
  if (!src) return problem('`<Figure>` needs the picture: add `src="./picture.png"` (a file beside the article, or an https:// address)');
  if (alt === undefined) return problem('`<Figure>` needs a text alternative for readers who cannot see the picture: add `alt="What the picture shows"`');
  if (node.children.some((child) => !(child.type === 'text' && child.value.trim() === ''))) {
    return problem('`<Figure>` takes no content between its tags: write the caption as `caption="…"` and close it with `/>`');
  }
  const at = node.position?.start ?? { line, column: 1 };
  const image: Image = { type: 'image', url: src, alt, title: null, ...(node.position ? { position: node.position } : {}) };
  return {
    figure: figureElement(
      {
        image,
        caption: parseInlineMarkdown(values.get('caption') ?? '', at, footnotes),
        credit: parseInlineMarkdown(values.get('credit') ?? '', at, footnotes),
      },
      node.position,
    ),
  };
}
