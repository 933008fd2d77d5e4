/**
 * The security check of the history pages' bodies, remembered between builds (the cache `historyBodies`,
 * src/build/caches.ts): the bodies are made every build (src/postbuild/history-bodies.ts), and a
 * rebuild after one commit has the same bodies as the last build but a few. Reading 10,000 bodies with the check's
 * tokenizer takes about 1.5 s; a digest of each, a tenth of that.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { bodySecurityProblems } from './csp.ts';

export interface CheckedBodies {
  /** The problems of `body` (none for a body that passed in the last build). */
  problems(body: string): string[];
  /** Keep the digests of the bodies that passed in this build, and only those. */
  save(): void;
}

export function checkedBodies(file: string, code: string): CheckedBodies {
  let before = new Set<string>();
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { code?: unknown; digests?: unknown };
    if (saved.code === code && Array.isArray(saved.digests)) before = new Set(saved.digests.filter((d): d is string => typeof d === 'string'));
  } catch {
    // No cache, or not one this code wrote: every body is read.
  }
  const passed = new Set<string>();
  return {
    problems(body) {
      const digest = createHash('sha1').update(body).digest('base64url');
      if (before.has(digest)) {
        passed.add(digest);
        return [];
      }
      const problems = bodySecurityProblems(body);
      if (problems.length === 0) passed.add(digest);
      return problems;
    },
    save() {
      writeFileSync(file, JSON.stringify({ code, digests: [...passed] }));
    },
  };
}
