/**
 * One fixture per DokuWiki construct: `fixtures/<case>/input.txt` must import to `expected.mdx` with the
 * report `expected-report.txt`. Regenerate both after an intended change with
 * `UPDATE_FIXTURES=1 npx vitest run tests/importer`, then read the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/importer/report.ts';
import { convertFixture, fixtureFile, fixtureNames } from './helpers.ts';

const update = process.env.UPDATE_FIXTURES === '1';

function check(name: string, file: string, actual: string): void {
  const url = fixtureFile(name, file);
  if (update || !existsSync(url)) {
    writeFileSync(url, actual);
    return;
  }
  expect(actual).toBe(readFileSync(url, 'utf8'));
}

describe('DokuWiki fixtures', () => {
  it.each(fixtureNames())('%s', (name) => {
    const { page } = convertFixture(name);
    check(name, 'expected.mdx', page.mdx);
    check(name, 'expected-report.txt', formatReport([{ file: 'input.txt', report: page.report }]));
  });
});
