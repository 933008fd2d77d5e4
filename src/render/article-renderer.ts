/**
 * Renders an article without MDX of its own to HTML: Astro's Markdown processor (GFM, Prism, heading ids,
 * images) with MDX syntax and the wiki's plugins. Used by the article loader on the main thread and by its
 * worker threads (render-worker.ts), so that both render alike.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import remarkMdx from 'remark-mdx';
import type { PageId } from '../model/ids.ts';
import type { PageIndex } from '../model/page-index.ts';
import { wikiRehypePlugins, wikiRemarkPlugins, wikiRemarkRehype, type PipelineOptions } from './pipeline.ts';
import type { ListedChange } from './wiki-lists.ts';
import { remarkSatteriParse } from './plugins/remark-satteri-parse.ts';

type ProcessorOptions = NonNullable<Parameters<typeof createMarkdownProcessor>[0]>;

/** The Markdown settings of the Astro config that rendering needs: plain data, so that a worker can be sent them. */
export type MarkdownSettings = Pick<ProcessorOptions, 'image' | 'syntaxHighlight' | 'shikiConfig' | 'remarkRehype' | 'gfm' | 'smartypants'>;

/** What rendering needs of the wiki: plain data, so that a worker can be sent it. */
export interface WikiForRendering {
  contentDir: string;
  citationStyle: string;
  /** What articles' cache keys hold of the style: its name, or its `.csl` file's path and a digest of its text. */
  citationStyleKey: string;
  index: PageIndex;
  citedPaths: ReadonlyMap<PageId, string>;
  /** The wiki's language and interface strings (src/render/pipeline.ts). */
  language: string;
  strings: Record<string, string>;
  /** The latest changes, for articles that embed `<RecentChanges />`. */
  recent: ListedChange[];
}

/**
 * `reader`: who reads the Markdown. satteri by default (src/render/plugins/remark-satteri-parse.ts: the same tree,
 * a fraction of the time); `remark` only to prove that both give the same pages (tests/unit/render-readers.test.ts).
 * `stringified`: charts and formulas go into the tree as the HTML of their elements (src/render/serialized-tree.ts);
 * off only to prove that the pages are the same with their elements (tests/unit/rehype-raw-skip.test.ts).
 */
export function createArticleRenderer(
  markdown: MarkdownSettings,
  wiki: () => WikiForRendering,
  reader: 'satteri' | 'remark' = 'satteri',
  prefetchedChart?: PipelineOptions['prefetchedChart'],
  stringified = true,
): Promise<MarkdownRenderer> {
  const pipeline: PipelineOptions = {
    contentDir: wiki().contentDir,
    citationStyle: wiki().citationStyle,
    index: () => wiki().index,
    citedPath: (page: PageId) => wiki().citedPaths.get(page),
    language: wiki().language,
    strings: wiki().strings,
    recent: () => wiki().recent,
    stringified,
    ...(prefetchedChart ? { prefetchedChart } : {}),
  };
  return createMarkdownProcessor({
    ...markdown,
    remarkRehype: { ...markdown.remarkRehype, ...wikiRemarkRehype },
    // MDX syntax, so that an article parses exactly as the MDX compiler would parse it.
    remarkPlugins: [remarkMdx, ...(reader === 'satteri' ? [remarkSatteriParse] : []), ...wikiRemarkPlugins(pipeline)],
    rehypePlugins: wikiRehypePlugins(pipeline),
  });
}

/** One article to render: its file, its text with the frontmatter blanked out, its frontmatter. */
export interface RenderJob {
  file: string;
  body: string;
  frontmatter: Record<string, unknown>;
}

export type RenderOutcome = { ok: true; code: string; metadata: Awaited<ReturnType<MarkdownRenderer['render']>>['metadata'] } | { ok: false; message: string };

export async function renderJob(renderer: MarkdownRenderer, job: RenderJob): Promise<RenderOutcome> {
  try {
    const { code, metadata } = await renderer.render(job.body, { frontmatter: job.frontmatter, fileURL: pathToFileURL(job.file) });
    return { ok: true, code, metadata };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
