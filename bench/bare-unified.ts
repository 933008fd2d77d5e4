/**
 * The floor for our plugins: a bare unified pipeline (remark-parse,
 * remark-gfm, remark-rehype, rehype-stringify) over every article of a
 * folder, in one process. Prints `{"files":N,"ms":T}`.
 *
 *   node bench/bare-unified.ts <content folder>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { filesUnder } from './measure.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/bare-unified.ts <content folder>');
  process.exit(2);
}
const files = filesUnder(dir).filter((file) => /\.mdx?$/.test(file));
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
const started = performance.now();
let bytes = 0;
for (const file of files) bytes += String(processor.processSync(readFileSync(join(dir, file), 'utf8'))).length;
console.log(JSON.stringify({ files: files.length, ms: Math.round(performance.now() - started), htmlBytes: bytes }));
