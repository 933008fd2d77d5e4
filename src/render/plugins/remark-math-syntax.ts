/**
 * remark plugin: `$…$` and `$$…$$` are read as math (remark-math's syntax, the one GitHub, Obsidian and Quartz
 * use), and dollar signs of prose stay prose (src/model/prose-dollars.ts). It wraps the processor's parser,
 * so it must come after remark-parse, and after remark-satteri-parse when that one reads the article (its
 * reader already keeps prose dollars).
 */
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import type { Plugin, Processor } from 'unified';
import { handlesProseDollars, markHandlesProseDollars, readWithProseDollars } from '../../model/prose-dollars.ts';

export const remarkMathSyntax: Plugin<[], Root> = function (this: Processor) {
  remarkMath.call(this);
  const parser = this.parser;
  if (!parser || handlesProseDollars(parser)) return;
  this.parser = markHandlesProseDollars((document: string, file) => readWithProseDollars(document, (text) => parser(text, file) as Root));
};

export default remarkMathSyntax;
