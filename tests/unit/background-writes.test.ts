/** Files the build writes without waiting: readable at once, on disk by the build's last step, failures reported. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleFileContent, readArticleFileContent, removeUnusedHtml, writeArticleHtml } from '../../src/render/article-html.ts';
import { BackgroundWrites } from '../../src/build/background-writes.ts';

const dir = mkdtempSync(join(tmpdir(), 'wiki-background-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('background writes', () => {
  it('give a file’s content while it is written, and are all on disk once waited for', async () => {
    const writes = new BackgroundWrites();
    const files = Array.from({ length: 50 }, (_, i) => join(dir, `${i}.html`));
    files.forEach((file, i) => writes.write(file, `<p>article ${i}</p>`));
    expect(writes.pending(files[7]!)).toBe('<p>article 7</p>');
    await writes.done();
    expect(files.map((file) => readFileSync(file, 'utf8'))).toEqual(files.map((_, i) => `<p>article ${i}</p>`));
    expect(writes.pending(files[7]!)).toBeUndefined();
    // Each file is written beside itself and renamed into place: nothing else is left in the folder.
    expect(readdirSync(dir).sort()).toEqual(files.map((file) => file.slice(dir.length + 1)).sort());
  });

  it('hold at most a bounded number of files open at once, however many are written (20,000 articles once ran out of file handles)', async () => {
    let open = 0;
    let most = 0;
    const written = new Map<string, string>();
    const writes = new BackgroundWrites({
      maxOpen: 8,
      io: {
        writeFile: async (file, content) => {
          most = Math.max(most, ++open);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
          written.set(file, content);
        },
        rename: async (from, to) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          written.set(to, written.get(from) ?? '');
          written.delete(from);
          open--;
        },
      },
    });
    for (let i = 0; i < 500; i++) writes.write(`/x/${i}.html`, `article ${i}`);
    writes.write('/x/7.html', 'article 7, again');
    await writes.done();
    expect(most).toBe(8);
    expect(written.size).toBe(500);
    expect(written.get('/x/499.html')).toBe('article 499');
    expect(written.get('/x/7.html')).toBe('article 7, again');
  });

  it('keep the last content of a file written twice', async () => {
    const writes = new BackgroundWrites();
    const file = join(dir, 'twice.json');
    writes.write(file, '{"v":1}');
    writes.write(file, '{"v":2}');
    expect(writes.pending(file)).toBe('{"v":2}');
    await writes.done();
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}');
  });

  it('are left alone by the clean-up of the article HTML folder while under way', async () => {
    const writes = new BackgroundWrites();
    const folder = join(dir, 'cache', 'wiki-html');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'old.html'), 'an article that has changed since');
    writeFileSync(join(folder, 'old.json'), '{"references":[]}');
    const html = `<p>${'long article '.repeat(1_000_000)}</p>`;
    const file = writeArticleHtml(writes, folder, 'abc', html, { references: [{ id: 'ref-1', html: '<a href="https://example.org">A</a>' }] });
    // Wait (on this thread; the write goes on in the thread pool) until the write has begun on disk.
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !readdirSync(folder).some((name) => name.endsWith('.tmp'))) {
      // Busy: the write must be caught while it is under way.
    }
    removeUnusedHtml(writes, folder, new Set([file]));
    await writes.done();
    // The article's frontmatter (its References) and HTML are kept in its one file; the old article's files are gone.
    expect(readdirSync(folder)).toEqual(['abc.article']);
    expect(readArticleFileContent(readFileSync(file, 'utf8'))).toEqual({
      frontmatter: { references: [{ id: 'ref-1', html: '<a href="https://example.org">A</a>' }] },
      html,
    });
  });

  it("keep an article's frontmatter and HTML apart in its one file, whatever line breaks either holds", () => {
    const frontmatter = { title: 'Line\nbreaks', references: [{ id: 'r', html: '<p>one\ntwo</p>' }] };
    const html = '<p>first\nsecond</p>\n<pre>\n\n</pre>';
    expect(readArticleFileContent(articleFileContent(html, frontmatter))).toEqual({ frontmatter, html });
    expect(readArticleFileContent(articleFileContent('', {}))).toEqual({ frontmatter: {}, html: '' });
    expect(() => readArticleFileContent('<p>an article file of an older build</p>')).toThrow(/no line of frontmatter/);
  });

  it('report a write that failed, naming the file, once', async () => {
    const writes = new BackgroundWrites();
    const file = join(dir, 'no-such-folder', 'a.html');
    writes.write(file, 'x');
    await expect(writes.done()).rejects.toThrow(`could not write ${file}`);
    expect(existsSync(file)).toBe(false);
    await expect(writes.done()).resolves.toBeUndefined();
  });
});
