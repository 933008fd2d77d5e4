/**
 * The wiki's own Markdown nodes become the HTML elements mdast-util-to-hast's default handler makes of them, with
 * properties copied without `structuredClone` (src/render/unknown-node.ts).
 */
import type { Root } from 'mdast';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { unknownNodeToHast } from '../../src/render/unknown-node.ts';

/** A document of unknown nodes, made afresh each time (the handlers may keep what they are given). */
function tree(): Root {
  const unknown = (node: Record<string, unknown>) => node as never;
  return {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          // A wiki link: an element with properties and its own children.
          unknown({
            type: 'wikiLink',
            value: 'Huawei',
            data: {
              hName: 'a',
              hProperties: { href: '/wiki/huawei/', className: ['wiki-link'], dataPage: 'huawei' },
              hChildren: [{ type: 'text', value: 'Huawei' }],
            },
            position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 11, offset: 10 } },
          }),
          // A node with a value and nothing else: its text.
          unknown({ type: 'mystery', value: 'plain text' }),
          // A value, a name, no properties: the text inside that element.
          unknown({ type: 'named', value: 'named text', data: { hName: 'kbd' } }),
          // Properties of every kind hast allows, and some it does not (objects), which are still copied deeply.
          unknown({
            type: 'odd',
            value: 'x',
            data: {
              hProperties: { id: 'a', tabIndex: 0, hidden: true, title: null, rel: undefined, coords: [1, 2, 3], style: { color: 'red' }, list: [{ a: 1 }] },
            },
          }),
          // Children of its own, no data: a div around them.
          unknown({ type: 'box', children: [{ type: 'text', value: 'inside' }] }),
          // hChildren null: the node's own children kept.
          unknown({ type: 'keep', data: { hName: 'span', hChildren: null }, children: [{ type: 'emphasis', children: [{ type: 'text', value: 'kept' }] }] }),
          // A formula: a math element with its MathML as hChildren.
          unknown({
            type: 'inlineMath',
            value: 'C \\approx 6ND',
            data: {
              hName: 'math',
              hProperties: { display: 'inline' },
              hChildren: [{ type: 'element', tagName: 'mi', properties: {}, children: [{ type: 'text', value: 'C' }] }],
            },
          }),
        ],
      },
    ],
  };
}

const hastOf = (options: Parameters<typeof remarkRehype>[1]) => unified().use(remarkRehype, options).runSync(tree());

describe("the wiki's own nodes in HTML", () => {
  it("are the elements mdast-util-to-hast's default handler makes", () => {
    expect(hastOf({ unknownHandler: unknownNodeToHast })).toEqual(hastOf({}));
  });

  it('get properties of their own: changing the element leaves the Markdown node (and the next element made from it) as it was', () => {
    const source = tree();
    const made = unified().use(remarkRehype, { unknownHandler: unknownNodeToHast }).runSync(source);
    const paragraph = made.children.find((node) => node.type === 'element');
    const link = paragraph?.type === 'element' ? paragraph.children[0] : undefined;
    expect(link?.type === 'element' && link.properties.className).toEqual(['wiki-link']);
    if (link?.type === 'element') (link.properties.className as string[]).push('changed');
    const first = source.children[0];
    const node = first?.type === 'paragraph' ? (first.children[0] as unknown as { data: { hProperties: { className: string[] } } }) : undefined;
    expect(node?.data.hProperties.className).toEqual(['wiki-link']);
  });
});
