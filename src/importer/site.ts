/**
 * What converting one page needs to know about the whole import: the imported wiki's id rules and pages (for
 * `[[ns:]]` links), the headings of every page (for `[[page#section]]`), its interwiki map, where media files
 * go, and its typography setting. Plain data: the command line builds it once for all pages, a single
 * page gets `singlePageSite`.
 */
import GithubSlugger from 'github-slugger';
import type { IdRules } from '../model/ids.ts';
import { DEFAULT_INTERWIKI, type InterwikiMap } from './interwiki.ts';
import { DOKUWIKI_DEFAULT_RULES, sectionId, type IdContext } from './page-id.ts';
import type { TypographyLevel } from './typography.ts';
import type { Block } from './types.ts';

/** The anchors of one page's headings. */
export interface PageSections {
  /** The article's title: its first heading, else its name. */
  readonly title: string;
  /**
   * DokuWiki's anchor of the first heading, which becomes the article's title: a link to it leads to the top
   * of the article.
   */
  readonly titleAnchor: string | null;
  /** DokuWiki's anchor of each other heading (`sectionID()`) → the id the build gives it (github-slugger). */
  readonly anchors: ReadonlyMap<string, string>;
}

export interface MediaSettings {
  /** URL prefix of media served from the site's public folder (`/media/` by default). */
  readonly base: string;
  /**
   * With `--media`: images are copied beside the articles and linked by relative paths, so that the build's
   * image pipeline sizes them; other files (video, audio, documents) go to the public folder.
   */
  readonly imagesBesideArticles: boolean;
  /** The files below DokuWiki's `data/media`, when given: a reference to any other is reported. */
  readonly files: ReadonlySet<string> | null;
}

export interface ImportSite {
  readonly ids: IdContext;
  /** The title and sections of a page of the import, by its DokuWiki id; undefined for a page outside it. */
  readonly sections: (id: string) => PageSections | undefined;
  /**
   * DokuWiki's `useheading`: a link without text shows the title of the page it leads to, as this wiki's links
   * do. Off by default, as in DokuWiki: such a link shows the page's name as written.
   */
  readonly useHeading: boolean;
  readonly interwiki: InterwikiMap;
  readonly media: MediaSettings;
  readonly typography: TypographyLevel;
}

export const DEFAULT_MEDIA: MediaSettings = { base: '/media/', imagesBesideArticles: false, files: null };

/**
 * A page's sections: DokuWiki's anchor for every heading (numbered as DokuWiki numbers repeats, counting the
 * title), and the id the build will give it, computed the way the build computes it (github-slugger over the
 * article's headings in order, as rehype-slug and src/model/parse-article.ts do). The importer writes each
 * heading's text as it is, so the build sees the same text.
 */
export function pageSections(id: string, blocks: readonly Block[], rules: IdRules = DOKUWIKI_DEFAULT_RULES): PageSections {
  const used = new Set<string>();
  const slugger = new GithubSlugger();
  const anchors = new Map<string, string>();
  let title: string | null = null;
  let titleAnchor: string | null = null;
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    const anchor = sectionId(block.text, rules, used);
    if (title === null) {
      title = block.text;
      titleAnchor = anchor;
      continue;
    }
    anchors.set(anchor, slugger.slug(block.text));
  }
  return { title: title ?? titleFromId(id), titleAnchor, anchors };
}

/** A readable title for a page without headings: its id's last part, `_` as spaces. */
export function titleFromId(id: string): string {
  return (id.split(':').at(-1) ?? id).replace(/_/g, ' ');
}

/** A site of one page (a single file, a test): only its own headings are known. */
export function singlePageSite(id: string, blocks: readonly Block[], overrides: Partial<ImportSite> = {}): ImportSite {
  const rules = overrides.ids?.rules ?? DOKUWIKI_DEFAULT_RULES;
  const own = pageSections(id, blocks, rules);
  return {
    ids: { rules, pageExists: (page) => page === id },
    sections: (page) => (page === id ? own : undefined),
    useHeading: false,
    interwiki: DEFAULT_INTERWIKI,
    media: DEFAULT_MEDIA,
    typography: 1,
    ...overrides,
  };
}
