/** What a shard keeps of the articles it does not render (src/model/shards.ts): less, and nothing its pages read. */
import { describe, expect, it } from 'vitest';
import type { PageId } from '../../src/model/ids.ts';
import { buildLinkGraph } from '../../src/model/link-graph.ts';
import { buildReferenceIndex } from '../../src/model/references-index.ts';
import { keepForShard } from '../../src/model/shards.ts';
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
const kept = keepForShard(whole, renders, false);

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

  it('leaves the list of all sources to the shard that renders Special:Sources', () => {
    expect(whole.references.sources.length).toBeGreaterThan(0);
    expect(kept.references.sources).toEqual([]);
    expect(keepForShard(whole, renders, true).references.sources).toBe(whole.references.sources);
  });

  it('does not change the whole wiki it was given', () => {
    expect(index.pages.get('huawei' as PageId)?.article.links.length).toBe(1);
    expect(whole.graph.backlinks.get('huawei' as PageId)?.[0]?.context).not.toBe('');
  });
});
