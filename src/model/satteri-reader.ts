/**
 * satteri, the Rust Markdown parser of Astro's default processor, reading an article into the mdast tree
 * remark would give (some forty times faster: bench/RESULTS.md), for the pre-pass (parse-article.ts) and for
 * the rendering of plain-Markdown articles (src/render/plugins/remark-satteri-parse.ts). Articles it may read
 * otherwise than remark are left to remark (`needsRemark`); tests/unit/parse-article-readers.test.ts and
 * tests/unit/render-readers.test.ts hold both readings to the same results.
 */
import type { Root, RootContent } from 'mdast';
import { mdxToMdast } from 'satteri';
import { markCostProblem, textNestingProblem, treeNestingProblem } from './reading-limits.ts';
import { readWithProseDollars } from './prose-dollars.ts';
import { wikiLinkSyntaxOptions, type WikiLinkNode } from './wiki-link-node.ts';

/**
 * The text without a leading byte-order mark, which editors on Windows write. Both readers skip it, so that
 * the offsets of the tree count from the character after it: every use of an offset into the text (wiki
 * links' written form) must read the text without it.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How an article is read into a tree; throws on an MDX syntax error. */
export type TreeReader = (source: string) => Root;

/**
 * The article's tree as satteri reads it (MDX, GFM, YAML frontmatter, wiki links, `$` math). satteri gives
 * `[[target|text]]` as a `link` node; it becomes the `wikiLink` node remark-wiki-link makes, with the target
 * as written.
 */
export const satteriTree: TreeReader = (source) => {
  const tree = mdxToMdast(source, { features: { wikilinks: true, gfm: true, frontmatter: true, math: true } }) as unknown as Root;
  markWikiLinks(tree, withoutByteOrderMark(source));
  return tree;
};

/** Turn satteri's wiki links (`link` nodes written `[[…]]`) into remark-wiki-link's `wikiLink` nodes, in place. */
function markWikiLinks(parent: Root | Extract<RootContent, { children: unknown }>, source: string): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'link' && start !== undefined && end !== undefined && source.startsWith('[[', start)) {
      const inner = source.slice(start + 2, end - 2);
      const divider = inner.indexOf(wikiLinkSyntaxOptions.aliasDivider);
      const link: WikiLinkNode = { type: 'wikiLink', value: divider === -1 ? inner : inner.slice(0, divider), position: node.position };
      children[i] = link;
    } else if ('children' in node) {
      markWikiLinks(node, source);
    }
  }
}

/**
 * True when remark may read the article otherwise than satteri: it holds MDX of its own (`import`/`export`,
 * a JSX element or an `{expression}`: satteri checks MDX's JavaScript less strictly than the MDX compiler
 * that renders the page, and takes `import tariffs rose…` for an import), or a text holds `](` or `][`, the
 * trace of a link whose text has a wiki link in it (to satteri a link cannot hold a link, so there is no
 * outer link; to remark a wiki link is no link, so there is one).
 */
export function needsRemark(node: Root | RootContent): boolean {
  if (node.type.startsWith('mdx')) return true;
  if (node.type === 'text') return /\][([]/.test(node.value);
  return 'children' in node && (node.children as RootContent[]).some(needsRemark);
}

/**
 * An article's tree: satteri's reading (`satteri`), unless remark may read the article otherwise
 * (`needsRemark`) or satteri refuses it; then `remark`'s, whose reading and errors are the ones the page
 * meets. Dollar signs of prose are read as prose by both (src/model/prose-dollars.ts). Throws what `remark`
 * throws, and a ReadingLimitError (reading-limits.ts) for an article nested too deeply or too costly to read,
 * found on the text before any reading that would take more than linear time.
 */
export function readArticleTree(source: string, remark: (source: string) => Root, satteri: TreeReader = satteriTree): Root {
  const problem = textNestingProblem(source) ?? markCostProblem(source);
  if (problem) throw problem;
  return readWithProseDollars(source, (text) => {
    let tree: Root | undefined;
    try {
      tree = satteri(text);
    } catch {
      tree = undefined;
    }
    const deep = tree && treeNestingProblem(tree);
    if (deep) throw deep;
    if (tree && !needsRemark(tree)) return tree;
    const read = remark(text);
    const deepRead = treeNestingProblem(read);
    if (deepRead) throw deepRead;
    return read;
  });
}
