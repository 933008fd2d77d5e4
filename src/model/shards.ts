/**
 * Sharded builds: which articles a shard renders. `--shard=i/n` means what it means to Playwright and Vitest:
 * the i-th of n parts, counted from 1.
 *
 * Shares are contiguous runs of articles in id order, cut where the running total of their text reaches each
 * n-th of the whole: balanced by size (the rendering work), and stable, since adding or removing an article
 * moves a cut by that article's size only, so at most a few articles beside each cut change shard.
 */
import type { PageId } from './ids.ts';
import type { LinkGraph } from './link-graph.ts';
import type { PageIndex, PageRecord } from './page-index.ts';
import type { ArticleCitations } from './references.ts';
import type { ReferenceIndex, Source } from './references-index.ts';
import { templateAt } from './history-template.ts';
import { sourcesPageAt, sourcesPageOf } from './sources-paging.ts';

export interface Shard {
  /** From 1 to `count`. */
  index: number;
  count: number;
}

/** Read `i/n`; undefined for an empty value; throws a sentence for a malformed one. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`\`--shard=${value}\` is not a shard: write \`--shard=i/n\` with 1 ≤ i ≤ n, e.g. \`--shard=2/4\` for the second of four`);
  }
  return { index, count };
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** Article → the shard (1…count) that renders it. `sizes`: each article's size in bytes of text. */
export function assignShards(sizes: ReadonlyMap<PageId, number>, count: number): Map<PageId, number> {
  const ids = [...sizes.keys()].sort();
  const total = ids.reduce((sum, id) => sum + Math.max(1, sizes.get(id) ?? 0), 0);
  const shards = new Map<PageId, number>();
  let before = 0;
  for (const id of ids) {
    const size = Math.max(1, sizes.get(id) ?? 0);
    // The shard holding the article's middle: each cut falls at a whole n-th of the total.
    const middle = before + size / 2;
    shards.set(id, Math.min(count, Math.floor((middle / total) * count) + 1));
    before += size;
  }
  return shards;
}

/**
 * The shard that renders the site's own pages (home, special pages, 404, search, the title index): the first,
 * but for the pages shared out in turn (below).
 */
export function rendersSitePages(shard: Shard | undefined): boolean {
  return shard === undefined || shard.index === 1;
}

/**
 * The shard whose turn the `position`-th (from 1) page of a long list is, the pages going round the shards from
 * the last, so that the first, which renders every other page of the site, gets fewest. Shared out so: the pages
 * of Special:Sources (at 50,000 articles some 500, more than a shard's share of time if one shard wrote them
 * all) and the templates of the articles' history pages (one for 500 articles: src/model/history-template.ts).
 */
export function shardInTurn(position: number, count: number): number {
  return count - ((position - 1) % count);
}

/** Whether a build renders the site's page at `path` (any page but an article's, its redirects and previews). */
export function rendersSitePage(shard: Shard | undefined, path: string): boolean {
  if (shard === undefined) return true;
  const sources = sourcesPageAt(path);
  if (sources !== undefined) return shardInTurn(sources, shard.count) === shard.index;
  const template = templateAt(path);
  if (template !== undefined) return shardInTurn(template + 1, shard.count) === shard.index;
  return shard.index === 1;
}

/** What a shard reads of the wiki: the page index, the link graph and the references. */
export interface ShardReading {
  index: PageIndex;
  graph: LinkGraph;
  references: ReferenceIndex;
}

const NO_CITATIONS: ArticleCitations = { citations: [], calls: [], definitions: [] };

/** A source on a page of Special:Sources that another shard renders: it keeps its place in the list, nothing else. */
const ELSEWHERE: Source = { id: '', title: '', text: '', citedBy: [], count: 0 };

/**
 * What the pages of other articles show of `page`: everything but its links and citations, which only its own
 * pages show. What a shard keeps of the articles it does not render, and what a render worker is sent of the
 * articles it is not rendering.
 */
export function shownOfOthers(page: PageRecord): PageRecord {
  return { ...page, article: { ...page.article, links: [], citations: NO_CITATIONS } };
}

/**
 * What a shard keeps of the wiki once the link graph and the references are made from every article: of the
 * articles it does not render, what other pages show of them (title, description, tags, headings, aliases) but
 * not their links and citations, which only their own pages show; backlinks to them without the sentences
 * around the links, which only their own "What links here" shows (orphans count them); and of the list of all
 * sources, those on the pages of Special:Sources that the shard renders, each other one a placeholder that keeps
 * the list's length (and so its pages). A shard's memory then falls with its share: at 10,000 articles the
 * links, citations and sentences were a third of what a shard of 8 held. Every page the shard renders reads the
 * same data as in a whole build (the sharded-build test compares them).
 */
export function keepForShard(reading: ShardReading, renders: (id: PageId) => boolean, shard: Shard): ShardReading {
  const { index, graph, references } = reading;
  const pages = new Map([...index.pages].map(([id, page]) => [id, renders(id) ? page : shownOfOthers(page)]));
  const backlinks = new Map([...graph.backlinks].map(([id, list]) => [id, renders(id) ? list : list.map((link) => ({ from: link.from, context: '' }))]));
  return {
    index: { ...index, pages },
    graph: { ...graph, backlinks },
    references: {
      ...references,
      sources: references.sources.map((source, i) => (shardInTurn(sourcesPageOf(i), shard.count) === shard.index ? source : ELSEWHERE)),
    },
  };
}
