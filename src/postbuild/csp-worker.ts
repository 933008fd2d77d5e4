/**
 * A worker thread of the security check after a build: checks the pages it is sent (`checkPages`) and sends
 * back what it found. See src/postbuild/security-check.ts.
 */
import { parentPort } from 'node:worker_threads';
import { checkPages } from './csp.ts';

parentPort?.once('message', ({ files, outDir }: { files: string[]; outDir: string }) => {
  parentPort?.postMessage(checkPages(files, outDir));
});
