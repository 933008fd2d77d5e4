/**
 * Reading the content folder: every file is read or said, never skipped in silence. A byte-order mark is
 * dropped, text that is not UTF-8 is an error with its line, symbolic links that loop, lead nowhere or lead
 * outside the folder are refused, and hidden articles are reported as not published.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, loadPageIndex, readContentFolder } from '../../src/content-folder/read-folder.ts';
import { ContentError, formatDiagnostic } from '../../src/model/diagnostics.ts';
import { article } from '../helpers/index.ts';

/** A content folder made of `files` (path → text or bytes), inside a parent folder that also holds `outside/`. */
function folder(files: Record<string, string | Buffer>): string {
  const parent = mkdtempSync(join(tmpdir(), 'read-folder-'));
  const dir = join(parent, 'content');
  mkdirSync(join(parent, 'outside'), { recursive: true });
  writeFileSync(join(parent, 'outside', 'secret.mdx'), article('Secret', 'Not for publishing.'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

const reported = (dir: string) => readContentFolder(dir).diagnostics.map(formatDiagnostic);

describe('readContentFolder', () => {
  it('drops a byte-order mark, so that the frontmatter and wiki links of such an article work', () => {
    const dir = folder({ 'good.mdx': article('Good'), 'bom.mdx': `\uFEFF${article('Bom', 'See [[good]] and [[good|the good one]].')}` });
    expect(readContentFolder(dir).sources.get('bom.mdx')?.startsWith('---\ntitle')).toBe(true);
    const index = loadPageIndex(dir);
    expect(index.pages.get('bom' as never)?.article.links.map((l) => [l.target, l.alias, l.line])).toEqual([
      ['good', undefined, 5],
      ['good', 'the good one', 5],
    ]);
  });

  it('says where a file stops being UTF-8, and that UTF-16 is not UTF-8', () => {
    const latin1 = Buffer.concat([Buffer.from(`${article('Caf')}\nA line.\nCaf`), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]);
    const dir = folder({ 'latin1.mdx': latin1, 'utf16.mdx': Buffer.from(`\uFEFF${article('Wide')}`, 'utf16le'), 'fine.mdx': article('Fine') });
    expect(reported(dir)).toEqual([
      expect.stringMatching(
        /^latin1\.mdx:8:4: error: the file is not valid UTF-8 here \(byte 0xE9\): it was saved in another encoding, such as Latin-1 or Windows-1252; save it as UTF-8/,
      ),
      'utf16.mdx:1:1: error: the file is UTF-16, not UTF-8: save it as UTF-8 (in most editors: Save with Encoding → UTF-8)',
    ]);
    expect([...readContentFolder(dir).sources.keys()]).toEqual(['fine.mdx']);
    expect(decodeUtf8(Buffer.from('ok ✓'))).toEqual({ ok: true, text: 'ok ✓' });
  });

  it('refuses symbolic links that loop, lead nowhere, lead back into their folder or outside the content folder', () => {
    const dir = folder({ 'good.mdx': article('Good'), 'sub/inside.mdx': article('Inside') });
    symlinkSync('self.mdx', join(dir, 'self.mdx'));
    symlinkSync('nowhere.mdx', join(dir, 'dangling.mdx'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('../outside', join(dir, 'outside-folder'));
    symlinkSync('../outside/secret.mdx', join(dir, 'outside-file.mdx'));
    symlinkSync('sub/inside.mdx', join(dir, 'alias-of-inside.mdx'));
    expect(reported(dir)).toEqual([
      'dangling.mdx: error: this symbolic link leads to nothing (its target does not exist): remove it, or point it at a file of the content folder',
      expect.stringMatching(
        /^outside-file\.mdx: error: this symbolic link leads outside the content folder \(to .*outside\/secret\.mdx\), whose files the build does not publish: copy what it should publish into the content folder, or remove the link$/,
      ),
      expect.stringMatching(/^outside-folder: error: this symbolic link leads outside the content folder/),
      'self.mdx: error: this symbolic link leads round in a loop of links and never to a file: remove it, or point it at a file of the content folder',
      'sub/up: error: this symbolic link leads back to a folder that holds it, so the folder would never end: remove it',
    ]);
    // A link to a file inside the folder is that file.
    expect([...readContentFolder(dir).sources.keys()]).toEqual(['alias-of-inside.mdx', 'good.mdx', 'sub/inside.mdx']);
    expect(() => loadPageIndex(dir)).toThrow(ContentError);
  });

  it("reports articles under hidden names as not published, and leaves tools' folders alone", () => {
    const dir = folder({
      'good.mdx': article('Good'),
      '.draft.mdx': article('Draft'),
      '.private/secret.mdx': article('Secret'),
      '.private/more/other.mdx': article('Other'),
      '.git/HEAD': 'ref: refs/heads/main',
      '.gitkeep': '',
    });
    expect(reported(dir)).toEqual([
      'warning: not published: its name starts with `.`, which hides it; rename it to `draft.mdx` to publish it'.replace(/^/, '.draft.mdx: '),
      '.private/: warning: not published: 2 articles (more/other.mdx, secret.mdx) in a folder whose name starts with `.`, which hides it; rename the folder to `private` to publish them',
    ]);
    const index = loadPageIndex(dir);
    expect([...index.pages.keys()]).toEqual(['good']);
    expect(index.warnings.map(formatDiagnostic)).toHaveLength(2);
  });
});
