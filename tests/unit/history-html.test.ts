import { describe, expect, it } from 'vitest';
import type { PageHistory } from '../../src/content-folder/wiki-history.ts';
import type { Commit, FileChange } from '../../src/model/history.ts';
import type { PageId } from '../../src/model/ids.ts';
import { sourceLinks } from '../../src/model/source-links.ts';
import type { PageSummary } from '../../src/model/wiki-data.ts';
import { changeLineHtml, changeListWriter, historyBodyHtml, wordDiffHtml } from '../../src/render/history-html.ts';
import { BUNDLED_UI_STRINGS, translator } from '../../src/shared/ui-strings.ts';

const en = translator(BUNDLED_UI_STRINGS['en']!, 'en');
const de = translator(BUNDLED_UI_STRINGS['de']!, 'de');
const noHost = sourceLinks({ sourceDir: 'content' });
const github = sourceLinks({ repository: { url: 'https://github.com/birds/wiki', branch: 'main' }, sourceDir: 'content' });

const HASH = '8f808943857ef00d69027fdc066f2cb849f75fe7';
const commit: Commit = {
  hash: HASH,
  parents: [],
  author: 'Ada <Writer> & Co',
  email: 'ada@example.org',
  date: '2026-12-04T19:48:37+00:00',
  committed: '2026-12-04',
  subject: 'Quotes are typographic, as DokuWiki shows "…" and \'…\'',
};
const modified: FileChange = { status: 'modified', path: 'birds/robin.mdx', added: 12, removed: 3 };
const page: PageSummary = {
  id: 'birds:robin' as PageId,
  title: 'Robin & <Erithacus>',
  url: '/wiki/birds/robin/',
  file: 'birds/robin.mdx',
  description: '',
  tags: [],
  aliases: [],
  seeAlso: [],
};

describe('a line of a change list, as the ChangeLine component wrote it', () => {
  it('writes a line of an article history without a code host: the commit abbreviated, nothing linked', () => {
    // The markup Astro wrote for the component (`compressHTML: 'jsx'`), two spaces where the article link is left out.
    expect(changeLineHtml(changeListWriter(en, noHost), { commit, change: modified, page, inHistory: true })).toBe(
      `<li class="change" id="commit-${HASH}"><time datetime="2026-12-04T19:48:37+00:00">December 4, 2026</time>  ` +
        '<span class="change-author">Ada &lt;Writer&gt; &amp; Co</span> ' +
        '<q class="change-message">Quotes are typographic, as DokuWiki shows &quot;…&quot; and &#39;…&#39;</q> ' +
        '<span class="change-lines" title="12 lines added, 3 removed"><span class="lines-added" aria-hidden="true">+12</span> ' +
        '<span class="lines-removed" aria-hidden="true">−3</span><span class="visually-hidden">(12 lines added, 3 removed)</span></span>  ' +
        '<span class="change-links"><code>8f80894</code></span></li>',
    );
  });

  it('links the commit, its diff and the file as it stood when the wiki names its repository', () => {
    const html = changeLineHtml(changeListWriter(en, github), { commit, change: modified, page, inHistory: true });
    expect(html).toContain(`<a href="https://github.com/birds/wiki/commit/${HASH}" rel="noopener noreferrer">`);
    expect(html).toContain(`<a href="https://github.com/birds/wiki/blob/${HASH}/content/birds/robin.mdx" rel="noopener noreferrer">`);
    expect(html).not.toContain('<code>');
    // No link to the history from inside the history.
    expect(html).not.toContain('/special/history/');
  });

  it('in Recent changes names the article, links its history, and names a deleted file', () => {
    const writer = changeListWriter(en, noHost);
    const line = changeLineHtml(writer, { commit, change: modified, page });
    expect(line).toMatch(/^<li class="change"><time /);
    expect(line).toContain('<a class="wikilink" href="/wiki/birds/robin/">Robin &amp; &lt;Erithacus&gt;</a> <span class="change-author">');
    expect(line).toContain('<a href="/special/history/birds/robin/">History</a></span></li>');
    const deleted = changeLineHtml(writer, { commit, change: { status: 'deleted', path: 'birds/<dodo>.mdx', added: 0, removed: 9 }, page: undefined });
    expect(deleted).toContain('<span>birds/&lt;dodo&gt;.mdx (deleted)</span>');
    expect(deleted).not.toContain('/special/history/');
  });

  it('says where a file was renamed from, marks its creation, and leaves out line counts git did not give (a binary file)', () => {
    const writer = changeListWriter(de, noHost);
    const renamed = changeLineHtml(writer, {
      commit,
      change: { status: 'renamed', path: 'a.mdx', from: 'b & c.mdx', added: 1, removed: 1 },
      page,
      inHistory: true,
    });
    expect(renamed).toContain('<span class="page-description">(umbenannt von b &amp; c.mdx)</span>');
    expect(renamed).toContain('4. Dezember 2026');
    const created = changeLineHtml(writer, { commit, change: { status: 'added', path: 'a.mdx' }, page, inHistory: true });
    expect(created).toContain('<span class="page-description">(angelegt)</span>');
    expect(created).not.toContain('change-lines');
  });

  it('writes each distinct date once, the same as the translator writes it', () => {
    let calls = 0;
    const counting = Object.assign((...args: Parameters<typeof en>) => en(...args), en, {
      date: (iso: string) => {
        calls++;
        return en.date(iso);
      },
    });
    const writer = changeListWriter(counting, noHost);
    for (let i = 0; i < 5; i++) changeLineHtml(writer, { commit, change: modified, page, inHistory: true });
    expect(calls).toBe(1);
    expect(writer.date(commit.date)).toBe(en.date(commit.date));
  });
});

describe('the word diff of a latest change', () => {
  it('marks added and removed words for eyes and for screen readers, escaped', () => {
    const html = wordDiffHtml(
      en,
      {
        kind: 'diff',
        diff: {
          hunks: [
            {
              line: 12,
              parts: [
                { kind: 'gap' },
                { kind: 'same', text: 'said ' },
                { kind: 'removed', text: '"<b>"' },
                { kind: 'added', text: '“<b>”' },
                { kind: 'same', text: ' & so' },
              ],
            },
          ],
          more: 0,
        },
      },
      undefined,
    );
    expect(html).toBe(
      '<p class="page-description">Added words are underlined, removed words struck through.</p><div class="word-diff"><p class="diff-hunk" data-line="12">' +
        '<span class="diff-gap">…</span>said <del><span class="visually-hidden">[removed: </span>&quot;&lt;b&gt;&quot;<span class="visually-hidden">]</span></del>' +
        '<ins><span class="visually-hidden">[added: </span>“&lt;b&gt;”<span class="visually-hidden">]</span></ins> &amp; so</p></div>',
    );
  });

  it('links the rest of a long diff, and a change too large to show, to the code host when there is one', () => {
    const more = wordDiffHtml(en, { kind: 'diff', diff: { hunks: [], more: 3 } }, 'https://host/c?a=1&b=2');
    expect(more).toContain('<p><a href="https://host/c?a=1&amp;b=2" rel="noopener noreferrer">The change is too large');
    expect(wordDiffHtml(en, { kind: 'diff', diff: { hunks: [], more: 3 } }, undefined)).not.toContain('<a ');
    expect(wordDiffHtml(en, { kind: 'too-large' }, 'https://host/c')).toMatch(
      /^<p><a href="https:\/\/host\/c" rel="noopener noreferrer">The change is too large[^<]*<\/a><\/p>$/,
    );
    expect(wordDiffHtml(en, { kind: 'too-large' }, undefined)).toMatch(/^<p>The change is too large[^<]*<\/p>$/);
  });

  it('says why there is no diff: a creation, a rename alone, a shallow clone', () => {
    expect(wordDiffHtml(en, { kind: 'created' }, undefined)).toBe('<p>This change created the article.</p>');
    expect(wordDiffHtml(de, { kind: 'unchanged' }, undefined)).toContain('Umbenennung');
    expect(wordDiffHtml(en, { kind: 'unknown' }, undefined)).toContain('shallow clone');
  });
});

describe('the body of a history page', () => {
  const history: PageHistory = {
    revisions: [
      { commit, change: modified },
      {
        commit: { ...commit, hash: 'a'.repeat(40), date: '2026-01-02T10:00:00+00:00', subject: 'First' },
        change: { status: 'added', path: 'birds/robin.mdx', added: 40, removed: 0 },
      },
    ],
    latest: { kind: 'created' },
  };

  it('titles the page, links back to the article, lists every commit newest first and shows the latest change', () => {
    const html = historyBodyHtml(changeListWriter(en, github), page, history, undefined);
    expect(html.startsWith('<h1>History of Robin &amp; &lt;Erithacus&gt;</h1><p>Every commit that changed this article, newest first. ')).toBe(true);
    expect(html).toContain(
      '<a class="wikilink" href="/wiki/birds/robin/">Back to the article</a></p><ol class="history-list"><li class="change" id="commit-8f80',
    );
    expect(html.indexOf(`commit-${HASH}`)).toBeLessThan(html.indexOf(`commit-${'a'.repeat(40)}`));
    expect(html).toContain(
      '</ol><section class="latest-change" aria-labelledby="latest-change"><h2 id="latest-change">Latest change</h2><p>Ada &lt;Writer&gt; &amp; Co on December 4, 2026: Quotes',
    );
    expect(html.endsWith('<p>This change created the article.</p></section>')).toBe(true);
  });

  it('says when an article was never committed, and what a shallow clone lacks', () => {
    const html = historyBodyHtml(changeListWriter(en, noHost), page, undefined, '2026-03-05');
    expect(html).toContain('<p class="history-note">');
    expect(html).toContain('March 5, 2026');
    expect(html).not.toContain('<ol');
    expect(html.endsWith('</p>')).toBe(true);
  });

  it('leaves out the latest change when there is no word diff to show', () => {
    const html = historyBodyHtml(changeListWriter(en, noHost), page, { revisions: history.revisions }, undefined);
    expect(html.endsWith('</ol>')).toBe(true);
  });
});
