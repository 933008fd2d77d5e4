/**
 * A measured alternative: satteri (Rust, the parser of Astro's default
 * Markdown processor) over the same articles, as Markdown to HTML and as MDX
 * to JS, and as the tree our pre-pass reads (MDX with wiki links, positions on), in one process.
 *
 *   node bench/satteri-floor.ts <content folder>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml, mdxToJs, mdxToMdast } from 'satteri';
import { filesUnder } from './measure.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/satteri-floor.ts <content folder>');
  process.exit(2);
}
const sources = filesUnder(dir)
  .filter((file) => /\.mdx?$/.test(file))
  .map((file) => readFileSync(join(dir, file), 'utf8'));
const time = (run: (source: string) => unknown): number => {
  const started = performance.now();
  for (const source of sources) run(source);
  return Math.round(performance.now() - started);
};
console.log(
  JSON.stringify({
    files: sources.length,
    markdownToHtmlMs: time((s) => markdownToHtml(s)),
    mdxToJsMs: time((s) => mdxToJs(s)),
    mdxToMdastWithWikiLinksMs: time((s) => mdxToMdast(s, { features: { wikilinks: true } })),
  }),
);
