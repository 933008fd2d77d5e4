/**
 * A worker thread of the pre-pass: parses the articles it is sent with
 * `parseArticle` and sends back the results, in order. See prepass-cache.ts.
 */
import { parentPort } from 'node:worker_threads';
import { parseArticle, type ParseResult } from '../model/parse-article.ts';

parentPort?.on('message', (items: Array<[file: string, source: string]>) => {
  const results: ParseResult[] = items.map(([file, source]) => parseArticle(source, file));
  parentPort?.postMessage(results);
});
