/**
 * A worker thread of the security check after a build: checks each piece of pages it is sent (`checkPages`) and
 * sends back what it found, one reply a piece, in order. See src/postbuild/security-check.ts.
 */
import { parentPort } from 'node:worker_threads';
import { checkPages } from './csp.ts';

parentPort?.on('message', ({ files, outDir }: { files: string[]; outDir: string }) => {
  parentPort?.postMessage(checkPages(files, outDir));
});
