/**
 * A worker thread that writes the vocabulary of "Did you mean" (src/postbuild/search-words.ts) from the
 * Pagefind indexes it is sent, while the main thread joins those indexes: one reply a request.
 */
import { parentPort } from 'node:worker_threads';
import { pageTextsOf } from './search-bundle.ts';
import { writeSearchWords } from './search-words.ts';

parentPort?.on('message', ({ siteDir, dirs }: { siteDir: string; dirs: string[] }) => {
  void writeSearchWords(siteDir, pageTextsOf(dirs)).then((report) => parentPort?.postMessage(report));
});
