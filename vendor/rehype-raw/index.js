/**
 * rehype-raw 7 (https://github.com/rehypejs/rehype-raw), as Astro's Markdown processor runs it after every
 * other plugin, except that a tree with nothing for an HTML parser to do is returned as it is.
 *
 * hast-util-raw sends the whole tree through parse5 to turn raw HTML into elements. The wiki's articles are
 * read with MDX syntax, so their trees never hold raw HTML; the round trip then changes nothing and was half
 * the time of rendering an article (1,000 generated articles: 4.0 s → 1.8 s on one thread). A tree is still
 * parsed when it has raw HTML, MDX nodes, a block element inside a paragraph or a link inside a link (which
 * the parser would move). Raw HTML that hast-util-to-html wrote from a tree, marked `data.serializedTree`
 * (src/render/serialized-tree.ts: a chart), is passed over like the tree it came from, unless it sits in a
 * paragraph or a link; inside a `<math>` element (a formula's MathML) it is passed over anywhere, since the parser
 * reads MathML there as foreign content, which no paragraph or link ends.
 * `tests/unit/rehype-raw-skip.test.ts` holds rendered articles byte for byte equal to the parsed ones;
 * `globalThis[Symbol.for('rehype-raw.always')] = true` parses every tree, as the original does.
 */
import { raw } from 'hast-util-raw';

const ALWAYS = Symbol.for('rehype-raw.always');

/** Elements that may not sit inside a `<p>`: a parser would end the paragraph before them. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'search', 'section', 'table', 'ul',
]);

/**
 * Whether the parser would change the tree: raw HTML or MDX nodes to read, or elements it would move (a
 * block inside a paragraph ends the paragraph; a link inside a link ends the outer one).
 */
function needsParser(node, inParagraph, inLink, inMath) {
  if (node.type === 'raw') return !node.data?.serializedTree || (!inMath && (inParagraph || inLink));
  if (node.type.startsWith('mdx')) return true;
  if (node.type === 'element') {
    if (inParagraph && BLOCKS.has(node.tagName)) return true;
    if (inLink && node.tagName === 'a') return true;
    if (node.tagName === 'template' && node.content && needsParser(node.content, false, false, false)) return true;
    inParagraph = inParagraph || node.tagName === 'p';
    inLink = inLink || node.tagName === 'a';
    inMath = inMath || node.tagName === 'math';
  }
  if (node.children) for (const child of node.children) if (needsParser(child, inParagraph, inLink, inMath)) return true;
  return false;
}

export default function rehypeRaw(options) {
  return function (tree, file) {
    if (!globalThis[ALWAYS] && !needsParser(tree, false, false, false)) return tree;
    return raw(tree, { ...options, file });
  };
}
