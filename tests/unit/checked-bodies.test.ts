import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedBodies } from '../../src/postbuild/checked-bodies.ts';

const digest = (body: string) => createHash('sha1').update(body).digest('base64url');
const folders: string[] = [];
const file = () => {
  const folder = mkdtempSync(join(tmpdir(), 'checked-bodies-'));
  folders.push(folder);
  return join(folder, 'wiki-history-checked.json');
};
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("the security check of history pages' bodies, remembered between builds", () => {
  it('finds the problems of a body, and remembers only the bodies that passed', () => {
    const at = file();
    const checked = checkedBodies(at, 'code');
    expect(checked.problems('<p>fine</p>')).toEqual([]);
    expect(checked.problems('<p onclick="x()">bad</p>').join()).toMatch(/inline event handler/);
    checked.save();
    expect(JSON.parse(readFileSync(at, 'utf8'))).toEqual({ code: 'code', digests: [digest('<p>fine</p>')] });
  });

  it('does not read again a body the last build checked with the same code, and keeps only the bodies of this build', () => {
    const at = file();
    // A saved digest is believed: shown here with one the check would refuse.
    const hostile = '<img src="x.png" onerror="alert(1)">';
    writeFileSync(at, JSON.stringify({ code: 'code', digests: [digest(hostile), digest('<p>gone</p>')] }));
    const same = checkedBodies(at, 'code');
    expect(same.problems(hostile)).toEqual([]);
    same.save();
    expect(JSON.parse(readFileSync(at, 'utf8')).digests).toEqual([digest(hostile)]);
    // Other code of the check, or a cache that is not one: every body is read.
    expect(checkedBodies(at, 'other code').problems(hostile).length).toBeGreaterThan(0);
    writeFileSync(at, 'not json');
    expect(checkedBodies(at, 'code').problems(hostile).length).toBeGreaterThan(0);
  });
});
