/**
 * remark plugin: read an article with satteri (src/model/satteri-reader.ts) instead of micromark, which is most
 * of the cost of rendering one (bench/RESULTS.md). An article satteri may read otherwise than remark (MDX of
 * its own, a wiki link inside a link's text) or cannot read is left to the parser it replaces: remark-parse
 * with the syntax extensions of the plugins before and after this one (MDX, GFM, remark-wiki-link), whose
 * errors are then the ones reported. The rendered HTML is the same either way
 * (tests/unit/render-readers.test.ts).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { markHandlesProseDollars } from '../../model/prose-dollars.ts';
import { readArticleTree } from '../../model/satteri-reader.ts';

export const remarkSatteriParse: Plugin<[], string, Root> = function () {
  const remarkParser = this.parser;
  if (!remarkParser) throw new Error('remarkSatteriParse replaces a parser: use it after remark-parse');
  this.parser = markHandlesProseDollars((document: string, file: Parameters<typeof remarkParser>[1]) =>
    readArticleTree(document, (source) => remarkParser(source, file) as Root),
  );
};
