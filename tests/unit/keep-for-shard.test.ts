/** What a shard keeps of the articles it does not render (src/model/shards.ts): less, and nothing its pages read. */
import { describe, expect, it } from 'vitest';
import type { PageId } from '../../src/model/ids.ts';
import { buildLinkGraph } from '../../src/model/link-graph.ts';
import { buildReferenceIndex } from '../../src/model/references-index.ts';
import type { Source } from '../../src/model/references-index.ts';
import { keepForShard, rendersSitePage, shardInTurn } from '../../src/model/shards.ts';
import { pageDescription, toWikiData } from '../../src/model/wiki-data.ts';
import { article, indexOf } from '../helpers/index.ts';

const index = indexOf({
  'nvidia.mdx': article(
    'Nvidia',
    'Nvidia makes GPUs.[^1] It competes with [[huawei]].\n\n## Products\n\nGPUs.\n\n[^1]: Annual report, https://example.org/nv.',
    'tags: [company]\n',
  ),
  'huawei.mdx': article(
    'Huawei',
    'Huawei designs chips and rivals [[nvidia]] in China.[^a]\n\n[^a]: Company profile, https://example.org/hw.',
    'aliases: [huawei_technologies]\n',
  ),
  'zebra.mdx': article('Zebra', 'Nobody links here; it links to [[nvidia]].'),
});
const whole = { index, graph: buildLinkGraph(index), references: buildReferenceIndex(index) };
const renders = (id: PageId) => id === 'nvidia';
const kept = keepForShard(whole, renders, { index: 1, count: 2 });

describe('a shard that renders only nvidia', () => {
  it('keeps every article of the others that other pages show: title, description, tags, headings, aliases', () => {
    expect([...kept.index.pages.keys()]).toEqual([...index.pages.keys()]);
    for (const id of ['huawei', 'zebra'] as PageId[]) {
      const before = index.pages.get(id)!;
      const after = kept.index.pages.get(id)!;
      expect(after.title).toBe(before.title);
      expect(after.aliasIds).toEqual(before.aliasIds);
      expect(after.anchors).toEqual(before.anchors);
      expect(after.article.frontmatter).toEqual(before.article.frontmatter);
      expect(after.article.headings).toEqual(before.article.headings);
      expect(pageDescription(after, kept.index)).toBe(pageDescription(before, index));
    }
    expect(kept.index.aliases).toEqual(index.aliases);
  });

  it('drops the links and citations of the articles it does not render, and keeps its own', () => {
    expect(kept.index.pages.get('huawei' as PageId)?.article.links).toEqual([]);
    expect(kept.index.pages.get('huawei' as PageId)?.article.citations.definitions).toEqual([]);
    expect(index.pages.get('huawei' as PageId)?.article.links).not.toEqual([]);
    expect(kept.index.pages.get('nvidia' as PageId)).toBe(index.pages.get('nvidia' as PageId));
  });

  it('keeps the sentences of the backlinks its own pages show, and only the count of the others', () => {
    expect(kept.graph.backlinks.get('nvidia' as PageId)).toEqual(whole.graph.backlinks.get('nvidia' as PageId));
    expect(whole.graph.backlinks.get('huawei' as PageId)?.[0]?.context).toContain('It competes with');
    expect(kept.graph.backlinks.get('huawei' as PageId)).toEqual([{ from: 'nvidia', context: '' }]);
    const data = toWikiData(kept.index, kept.graph);
    expect(data.orphans).toEqual(toWikiData(index, whole.graph).orphans);
    expect(data.backlinks['nvidia']).toEqual(toWikiData(index, whole.graph).backlinks['nvidia']);
  });

  it('leaves the sources to the shard that renders their page of Special:Sources, keeping the list as long', () => {
    // Two sources: one page, which the last shard renders.
    expect(whole.references.sources).toHaveLength(2);
    expect(kept.references.sources.map((source) => source.title)).toEqual(['', '']);
    expect(keepForShard(whole, renders, { index: 2, count: 2 }).references.sources).toEqual(whole.references.sources);
  });

  it('does not change the whole wiki it was given', () => {
    expect(index.pages.get('huawei' as PageId)?.article.links.length).toBe(1);
    expect(whole.graph.backlinks.get('huawei' as PageId)?.[0]?.context).not.toBe('');
  });
});

describe('the pages of Special:Sources and the history templates in a sharded build', () => {
  it('go round the shards from the last, so the first, with every other page of the site, gets fewest', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((page) => shardInTurn(page, 3))).toEqual([3, 2, 1, 3, 2, 1, 3]);
    expect(shardInTurn(1, 1)).toBe(1);
  });

  it('are each rendered by one shard, and every other page of the site by the first', () => {
    const shards = [1, 2, 3].map((index) => ({ index, count: 3 }));
    for (const path of ['/special/sources/', '/special/sources/2/', '/special/sources/9/']) {
      expect(shards.filter((shard) => rendersSitePage(shard, path))).toHaveLength(1);
    }
    expect(shards.filter((shard) => rendersSitePage(shard, '/special/sources/')).map((shard) => shard.index)).toEqual([3]);
    for (const path of ['/', '/404/', '/special/all-pages/', '/special/tags/gpu/', '/robots.txt']) {
      expect(shards.filter((shard) => rendersSitePage(shard, path)).map((shard) => shard.index)).toEqual([1]);
    }
    expect(rendersSitePage(undefined, '/special/sources/2/')).toBe(true);
    // The templates of the history pages (one for 500 articles) go round the same way, from template 0.
    const templates = ['/special/history/.template-0/', '/special/history/.template-1/', '/special/history/.template-3/'];
    expect(templates.map((path) => shards.filter((shard) => rendersSitePage(shard, path)).map((shard) => shard.index))).toEqual([[3], [2], [3]]);
    // An article's own history page (astro dev) and an article named like a template are not templates.
    for (const path of ['/special/history/nvidia/', '/special/history/.template-x/', '/special/history/.template-01/']) {
      expect(shards.filter((shard) => rendersSitePage(shard, path)).map((shard) => shard.index)).toEqual([1]);
    }
  });

  it('read the sources they list and no other: a shard keeps the sources of its pages, placeholders between', () => {
    const sources: Source[] = Array.from({ length: 1_201 }, (_, i) => ({ id: `s${i}`, title: `Source ${i}`, text: '', citedBy: [], count: 1 }));
    const many = { ...whole, references: { ...whole.references, sources } };
    const parts = [1, 2, 3].map((index) => keepForShard(many, renders, { index, count: 3 }).references.sources);
    for (const part of parts) expect(part).toHaveLength(1_201);
    // Page 1 (sources 0–499) in shard 3, page 2 in shard 2, page 3 (1,000–1,200) in shard 1.
    expect(parts[2]!.slice(0, 500)).toEqual(sources.slice(0, 500));
    expect(parts[1]!.slice(500, 1_000)).toEqual(sources.slice(500, 1_000));
    expect(parts[0]!.slice(1_000)).toEqual(sources.slice(1_000));
    expect(parts[0]!.slice(0, 1_000).every((source) => source.title === '')).toBe(true);
    expect(parts[2]!.slice(500).every((source) => source.title === '')).toBe(true);
  });
});
