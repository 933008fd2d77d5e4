/** The lists a main page embeds: checked by the pre-pass (no MDX module, the featured page a link), drawn as HTML. */
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { buildLinkGraph } from '../../src/model/link-graph.ts';
import { newArticleText, takenBy, titleFromId } from '../../src/model/new-article.ts';
import { parseArticle } from '../../src/model/parse-article.ts';
import type { PageId } from '../../src/model/ids.ts';
import { idFromPath } from '../../src/model/ids.ts';
import { listData, wikiListElement } from '../../src/render/wiki-lists.ts';
import { resolveUiStrings, translator } from '../../src/shared/ui-strings.ts';
import { article, indexOf } from '../helpers/index.ts';

const main = (body: string) => parseArticle(article('Main page', body), 'index.mdx');

describe('the lists in an article', () => {
  it('are known elements: the article stays Markdown, each use is recorded, the featured page is a link', () => {
    const parsed = main(
      'We have <ArticleCount /> articles.\n\n<FeaturedArticle page="nvidia" />\n\n<RecentChanges count="3" />\n\n<ArticlesByTopic tag="hardware" />',
    );
    expect(parsed.ok && parsed.article.markdownOnly).toBe(true);
    expect(parsed.ok && parsed.article.lists).toEqual([
      { list: 'ArticleCount' },
      { list: 'FeaturedArticle', page: 'nvidia' },
      { list: 'RecentChanges', count: 3 },
      { list: 'ArticlesByTopic', tag: 'hardware' },
    ]);
    expect(parsed.ok && parsed.article.links.map((l) => [l.target, l.line])).toEqual([['nvidia', 7]]);
  });

  it.each([
    ['<FeaturedArticle />', 'needs `page="…"`'],
    ['<RecentChanges count="500" />', '`count` must be a whole number from 1 to 50'],
    ['<RecentChanges count={5} />', 'write `count` as text in quotes'],
    ['<ArticlesByTopic sort="new" />', 'it has no attribute `sort`; use `tag`'],
    ['<ArticleCount>x</ArticleCount>', 'it takes no content'],
  ])('%s is an error with its line and fix', (use, message) => {
    const parsed = main(`Text.\n\n${use}`);
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics[0]).toMatchObject({ file: 'index.mdx', line: 7, message: expect.stringContaining(message) });
  });

  it('count as links: a featured page that does not exist is a red link', () => {
    const index = indexOf({ 'index.mdx': article('Main', '<FeaturedArticle page="nowhere" />'), 'a.mdx': article('A', 'Text.') });
    expect(buildLinkGraph(index).redLinks.map((l) => l.target)).toEqual(['nowhere']);
  });
});

describe('the lists as HTML', () => {
  const index = indexOf({
    'index.mdx': article('Main', 'Hello.'),
    'nvidia.mdx': article('Nvidia', 'A maker of GPUs.', 'description: American designer of GPUs.\ntags: [company, hardware]\n'),
    'cuda.mdx': article('CUDA', 'A platform.', 'tags: [software]\n'),
    'loose.mdx': article('Loose', 'Untagged.'),
  });
  const data = listData(
    index,
    [
      { date: '2026-03-05T10:00:00+01:00', author: 'Ada', subject: 'Fix', title: 'Nvidia', url: '/wiki/nvidia/' },
      { date: '2026-03-01T10:00:00Z', author: 'Bo', subject: 'Gone', title: 'old.mdx' },
    ],
    resolveUiStrings('de'),
    'de',
  );
  const html = (use: Parameters<typeof wikiListElement>[0]) => toHtml(wikiListElement(use, data));

  it('count the articles, the main page not among them', () => {
    expect(html({ list: 'ArticleCount' })).toBe('3');
  });

  it('show the featured article with its description', () => {
    expect(html({ list: 'FeaturedArticle', page: 'nvidia' })).toBe(
      '<div class="featured-article"><p class="featured-title"><a class="wikilink" href="/wiki/nvidia/">Nvidia</a></p><p>American designer of GPUs.</p></div>',
    );
  });

  it('show recent changes in the wiki’s language, a deleted page as such', () => {
    const text = html({ list: 'RecentChanges', count: 5 });
    expect(text).toContain('<time datetime="2026-03-05T10:00:00+01:00">5. März 2026</time> <a class="wikilink" href="/wiki/nvidia/">Nvidia</a>');
    expect(text).toContain('old.mdx (gelöscht)');
    expect(text).toContain('Alle letzten Änderungen');
    expect(html({ list: 'RecentChanges', count: 1 })).not.toContain('old.mdx');
  });

  it('group articles by tag, A–Z, the untagged last; or one tag’s', () => {
    expect(html({ list: 'ArticlesByTopic' }).match(/<h3>[^<]+<\/h3>/g)).toEqual([
      '<h3>company</h3>',
      '<h3>hardware</h3>',
      '<h3>software</h3>',
      '<h3>Sonstige</h3>',
    ]);
    expect(html({ list: 'ArticlesByTopic', tag: 'Software' })).toBe(
      '<div class="articles-by-topic"><ul class="page-list"><li><a class="wikilink" href="/wiki/cuda/">CUDA</a></li></ul></div>',
    );
  });
});

describe('a new article (npm run new)', () => {
  const t = translator(resolveUiStrings('en'), 'en');

  it('takes its title from its id and is an article the build takes', () => {
    const id = 'hardware:ascend_950' as PageId;
    expect(titleFromId(id)).toBe('Ascend 950');
    const parsed = parseArticle(newArticleText(id, t), 'hardware/ascend_950.mdx');
    expect(parsed.ok && parsed.article.frontmatter).toMatchObject({ title: 'Ascend 950', tags: [] });
  });

  it('is refused where an article or an alias has the id', () => {
    const articles = new Map([
      ['Hardware/Ascend_950.mdx', []],
      ['ascend.mdx', ['Ascend 950 PR']],
    ]);
    expect(takenBy('hardware:ascend_950' as PageId, articles, idFromPath)).toEqual({ by: 'article', file: 'Hardware/Ascend_950.mdx' });
    expect(takenBy('ascend_950_pr' as PageId, articles, idFromPath)).toEqual({ by: 'alias', file: 'ascend.mdx', written: 'Ascend 950 PR' });
    expect(takenBy('hardware:ascend_960' as PageId, articles, idFromPath)).toBeUndefined();
  });
});
