/** The graph's lists for special pages, redirects and See also: tables of cases over small in-memory wikis. */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { tagSlug, urlForTag, previewUrlForId, type PageId } from '../../src/model/ids.ts';
import { buildLinkGraph, orphans, redirects } from '../../src/model/link-graph.ts';
import { toWikiData } from '../../src/model/wiki-data.ts';
import { remarkSeeAlso } from '../../src/render/plugins/remark-see-also.ts';
import { remarkWikiLinks } from '../../src/render/plugins/remark-wiki-links.ts';
import { article, indexOf } from '../helpers/index.ts';

const id = (value: string) => value as PageId;

const index = indexOf({
  'nvidia.mdx': article(
    'Nvidia',
    'Nvidia makes GPUs. It competes with [[huawei]] in China.',
    'description: American designer of GPUs.\ntags: [company, Hardware]\naliases: [nvidia_corporation, Nvidia Corp]\nupdated: 2026-01-05\n',
  ),
  'huawei.mdx': article('Huawei', 'Huawei designs the [[hardware:ascend_910b|Ascend]]. Its rival is [[Nvidia Corporation]].', 'tags: [company]\n'),
  'hardware/ascend_910b.mdx': article(
    'Ascend 910B',
    'A chip by Huawei, the maker. It links to [[missing_page]] and to itself: [[hardware:ascend_910b]].',
    'tags: [hardware]\n',
  ),
  'hardware/alone.mdx': article('Alone', 'Nothing links here; it links to [[missing_page]] and [[other_missing]].'),
  'zebra.mdx': article('Zebra', 'Also alone. Links only to [[zebra]] itself.', 'seeAlso: [hardware:alone]\n'),
});
const graph = buildLinkGraph(index);
const data = toWikiData(
  index,
  graph,
  new Map([
    ['huawei.mdx', '2026-03-01'],
    ['nvidia.mdx', '2025-12-31'],
    ['zebra.mdx', '2026-02-10'],
  ]),
);

describe('backlinks', () => {
  it('give the sentence around each link, a link written without text read as its title', () => {
    expect(graph.backlinks.get(id('nvidia'))).toEqual([{ from: 'huawei', context: 'Its rival is Nvidia.' }]);
    expect(graph.backlinks.get(id('huawei'))).toEqual([{ from: 'nvidia', context: 'It competes with Huawei in China.' }]);
  });

  it('count a link through an alias for the article, not the alias', () => {
    expect(graph.backlinks.has(id('nvidia_corporation'))).toBe(false);
  });
});

describe('orphans', () => {
  it('are the articles no other article links to; self-links do not count, seeAlso does', () => {
    expect(orphans(index, graph)).toEqual(['zebra']);
  });

  it('are sorted by title', () => {
    const more = indexOf({ 'b.mdx': article('Apple'), 'a.mdx': article('Banana') });
    expect(orphans(more, buildLinkGraph(more))).toEqual(['b', 'a']);
  });
});

describe('wanted pages', () => {
  it('list each missing target once with every linking article A–Z, most wanted first', () => {
    expect(data.wanted.map((w) => [w.id, w.links.map((l) => l.from)])).toEqual([
      ['missing_page', ['hardware:alone', 'hardware:ascend_910b']],
      ['other_missing', ['hardware:alone']],
    ]);
  });
});

describe('redirects', () => {
  it('give every alias, normalised, with the article it leads to', () => {
    expect(redirects(index)).toEqual([
      { alias: 'nvidia_corp', to: 'nvidia' },
      { alias: 'nvidia_corporation', to: 'nvidia' },
    ]);
  });

  it.each([
    [
      'two articles that name each other',
      { 'a.mdx': article('A', '', 'aliases: [b]\n'), 'b.mdx': article('B', '', 'aliases: [a]\n') },
      [/a\.mdx:3: error: alias `b` is the id of the article b\.mdx/, /b\.mdx:3: error: alias `a` is the id of the article a\.mdx/],
    ],
    [
      'a cycle of three',
      { 'a.mdx': article('A', '', 'aliases: [b]\n'), 'b.mdx': article('B', '', 'aliases: [c]\n'), 'c.mdx': article('C', '', 'aliases: [A]\n') },
      [/alias `b` is the id of the article b\.mdx/, /alias `c` is the id of the article c\.mdx/, /alias `A` is the id of the article a\.mdx/],
    ],
    [
      'an alias in a namespace that is an article',
      { 'a.mdx': article('A', '', 'aliases: [hw/x]\n'), 'hw/x.mdx': article('X') },
      [/alias `hw\/x` is the id of the article hw\/x\.mdx/],
    ],
  ])('reject %s, naming every file in one error, because an alias can only lead to an article', (_, files, messages) => {
    let message = '';
    try {
      indexOf(files);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    for (const expected of messages) expect(message).toMatch(expected);
  });

  it('lead links written with an alias straight to the article', () => {
    expect(graph.backlinks.get(id('nvidia'))).toEqual([{ from: 'huawei', context: 'Its rival is Nvidia.' }]);
    expect(graph.wanted.has(id('nvidia_corporation'))).toBe(false);
  });

  it('counts every wiki link of every article, See also entries included', () => {
    // 8 written in the bodies, 1 in zebra's `seeAlso`.
    expect(graph.linkCount).toBe(9);
  });
});

describe('lists for special pages', () => {
  it('group all pages A–Z by namespace, the root first', () => {
    expect(data.namespaces).toEqual([
      { namespace: '', pages: ['huawei', 'nvidia', 'zebra'] },
      { namespace: 'hardware', pages: ['hardware:alone', 'hardware:ascend_910b'] },
    ]);
  });

  it('give each tag its articles; spellings differing in case share a page', () => {
    expect(data.tags).toEqual([
      { tag: 'company', slug: 'company', url: '/special/tags/company/', pages: ['huawei', 'nvidia'] },
      { tag: 'Hardware', slug: 'hardware', url: '/special/tags/hardware/', pages: ['hardware:ascend_910b', 'nvidia'] },
    ]);
  });

  it('list a page once under a tag it writes twice in different case', () => {
    const twice = indexOf({ 'a.mdx': article('A', '', 'tags: [GPU, gpu]\n') });
    expect(toWikiData(twice, buildLinkGraph(twice)).tags).toEqual([{ tag: 'GPU', slug: 'gpu', url: '/special/tags/gpu/', pages: ['a'] }]);
  });

  it('order recent changes by `updated`, else the last commit, undated last', () => {
    expect(data.recent).toEqual(['huawei', 'zebra', 'nvidia', 'hardware:alone', 'hardware:ascend_910b']);
    expect(data.pages['nvidia']?.changed).toBe('2026-01-05'); // frontmatter wins over the commit date
    expect(data.pages['huawei']?.changed).toBe('2026-03-01');
    expect(data.pages['hardware:alone']?.changed).toBeUndefined();
  });
});

describe('ids for tags and previews', () => {
  it.each([
    ['High Bandwidth Memory', 'high-bandwidth-memory'],
    ['Émile', 'emile'],
    ['华为', '华为'],
    ['--', ''],
    // Signs that make a different topic of a name are spelled out, so that C++ and C# keep a page each.
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['F#', 'f-sharp'],
    ['R&D', 'r-and-d'],
    ['c++', 'c-plus-plus'],
  ])('tagSlug(%j) is %j', (tag, slug) => expect(tagSlug(tag)).toBe(slug));

  it('builds tag and preview URLs in one place', () => {
    expect(urlForTag('AI chips')).toBe('/special/tags/ai-chips/');
    expect(previewUrlForId(id('hardware:ascend_910b'))).toBe('/previews/hardware/ascend_910b.json');
  });
});

describe('a body "See also" section', () => {
  const seeIndex = indexOf({
    'nvidia.mdx': article('Nvidia', '', 'description: American designer of GPUs.\n'),
    'huawei.mdx': article('Huawei', 'Chinese maker of phones and chips.'),
    'page.mdx': article('Page', '', 'seeAlso: [huawei, nvidia, cuda]\n'),
  });
  const processor = unified()
    .use(remarkParse)
    .use(remarkSeeAlso, { index: () => seeIndex, contentDir: '/c' })
    .use(remarkWikiLinks, { index: () => seeIndex, contentDir: '/c' })
    .use(remarkRehype)
    .use(rehypeStringify);
  const render = async (markdown: string) => String(await processor.process(new VFile({ value: markdown, path: '/c/page.mdx' })));

  it('gives each linked article its description, like the frontmatter list, and appends frontmatter entries not yet listed', async () => {
    const html = await render('Text.\n\n## See also\n\n- [[nvidia]]\n- [[huawei|The company]]\n- A [[nvidia]] in a sentence stays as written\n\n## Next\n');
    expect(html).toContain('<ul class="see-also-list" data-pagefind-ignore="">');
    expect(html).toContain('<li><a class="wikilink" href="/wiki/nvidia/">Nvidia</a><span class="page-description"> – American designer of GPUs.</span></li>');
    expect(html).toContain(
      '<li><a class="wikilink" href="/wiki/huawei/">The company</a><span class="page-description"> – Chinese maker of phones and chips.</span></li>',
    );
    expect(html).toContain('<li>A <a class="wikilink" href="/wiki/nvidia/">Nvidia</a> in a sentence stays as written</li>');
    // huawei and nvidia are already listed; cuda is appended, as a red link with no description
    expect(html.match(/href="\/wiki\/huawei\/"/g)).toHaveLength(1);
    expect(html).toMatch(/<li><a class="wikilink new"[^>]*href="\/special\/wanted\/#page-cuda">cuda<\/a><\/li>\s*<\/ul>\s*<h2>Next<\/h2>/);
  });

  it('leaves an article without the section alone', async () => {
    expect(await render('## Seeing also\n\n- [[nvidia]]\n')).not.toContain('page-description');
  });

  it('makes the frontmatter list empty for the component, so the article shows one See also', () => {
    const withSection = indexOf({ 'a.mdx': article('A', '## See also\n\n- [[b]]', 'seeAlso: [b]\n'), 'b.mdx': article('B', '', 'seeAlso: [a]\n') });
    const summary = toWikiData(withSection, buildLinkGraph(withSection));
    expect(summary.pages['a']?.seeAlso).toEqual([]);
    expect(summary.pages['b']?.seeAlso).toEqual([{ id: 'a', exists: true }]);
  });
});
