/**
 * How remark-rehype turns the wiki's own Markdown nodes (wiki links, formulas, charts, the wiki's lists: nodes of a
 * type mdast-util-to-hast has no handler for) into HTML: as its default handler for unknown nodes does, through
 * `data.hName`, `data.hProperties` and `data.hChildren`, but with the properties copied as what they are, strings,
 * numbers, booleans and lists of them. mdast-util-to-hast copies them with `structuredClone`, whose fixed cost per
 * call (serialising into a buffer and back) made it 0.09 s of the main thread's rendering of 1,000 articles with
 * every component, where every wiki link and formula is such a node. The element is the same:
 * tests/unit/unknown-node.test.ts holds the two to each other.
 */
import type { Element, ElementContent, Properties, Text } from 'hast';
import type { Nodes } from 'mdast';
import type { Options } from 'remark-rehype';

type State = Parameters<NonNullable<Options['unknownHandler']>>[0];

/** A copy of hast properties as `structuredClone` makes it: lists copied, anything else but a primitive cloned. */
function copyProperties(properties: Properties): Properties {
  const copy: Properties = {};
  for (const key of Object.keys(properties)) {
    const value = properties[key];
    copy[key] =
      value === null || typeof value !== 'object'
        ? value
        : Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')
          ? [...value]
          : (structuredClone(value) as Properties[string]);
  }
  return copy;
}

/** mdast-util-to-hast's `defaultUnknownHandler` and `applyData` (13.2), the properties copied by `copyProperties`. */
export function unknownNodeToHast(state: State, node: Nodes): Element | Text {
  const data = node.data ?? {};
  let result: Element | Text =
    'value' in node && !(Object.hasOwn(data, 'hProperties') || Object.hasOwn(data, 'hChildren'))
      ? { type: 'text', value: node.value }
      : { type: 'element', tagName: 'div', properties: {}, children: state.all(node) };
  state.patch(node, result);
  const { hChildren, hName, hProperties } = data as { hChildren?: ElementContent[] | null; hName?: string; hProperties?: Properties };
  if (typeof hName === 'string') {
    if (result.type === 'element') result.tagName = hName;
    else result = { type: 'element', tagName: hName, properties: {}, children: [result] };
  }
  if (result.type === 'element' && hProperties) Object.assign(result.properties, copyProperties(hProperties));
  if ('children' in result && result.children && hChildren !== null && hChildren !== undefined) result.children = hChildren;
  return result;
}
