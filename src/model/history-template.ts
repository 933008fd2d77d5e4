/**
 * History pages from templates. Every article has a history page, and each page cost a build about 2 ms whatever
 * it held (one with nothing but its layout cost as much as a full one): Astro's rendering and its two writes of the
 * page, and the security check reading it whole. So a build does not have Astro render them one by one: Astro
 * renders a few *template* pages, each the layout around one BODY_MARK, with a stand-in for the article's title and
 * the template's own address where the layout shows the page's; `fillTemplate` then gives each history page: the
 * layout with that article's title and address, around its body, written as a string
 * (src/render/history-html.ts, as the history route writes it in `astro dev`). The pages are the ones Astro would
 * write one by one, byte for byte (the title and address are escaped as Astro escapes them).
 *
 * The stand-in holds `<`, which Astro escapes in text (`&lt;`) but not in attributes: where each of its two
 * forms stands tells how the title is to be escaped there.
 */
import { HISTORY_BASE, type PageId } from './ids.ts';

/** History pages per template: the share of a sharded build's history pages goes by templates (src/model/shards.ts). */
export const TEMPLATE_PAGES = 500;

/** Where a template's layout has the page's body: no text of a page can hold it, since text is escaped. */
export const BODY_MARK = '<!--wiki-history-body-->';

/** What the layout of a template is given as the article's title. */
export const TITLE_STAND_IN = '\u0001<\u0001';

/** The stand-in as Astro writes it in text, and in an attribute's value. */
const IN_TEXT = '\u0001&lt;\u0001';
const IN_ATTRIBUTE = '\u0001<\u0001';

/** The template pages' `[...slug]` parameters: `.template-0`, … (an article id has no segment that starts with a dot). */
export function templateSlug(index: number): string {
  return `.template-${index}`;
}

/** Whether `name`, a folder in the history pages' folder of a built site, is a template's (else an article's pages). */
export function isTemplateFolder(name: string): boolean {
  return name.startsWith('.template-');
}

/** The address of a template page. */
export function templateUrl(index: number): string {
  return `${HISTORY_BASE}${templateSlug(index)}/`;
}

/** The template (from 0) at the address `path`, or undefined for any other address. */
export function templateAt(path: string): number | undefined {
  if (!path.startsWith(HISTORY_BASE)) return undefined;
  const match = /^\.template-(0|[1-9]\d*)\/$/.exec(path.slice(HISTORY_BASE.length));
  return match ? Number(match[1]) : undefined;
}

/** Split the articles into templates of TEMPLATE_PAGES, in order. */
export function templateShares<T>(pages: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(pages.length / TEMPLATE_PAGES) }, (_, i) => pages.slice(i * TEMPLATE_PAGES, (i + 1) * TEMPLATE_PAGES));
}

/** Text as Astro escapes it (`escapeHTML` of astro/runtime/server/escape.js). */
export function escapeText(text: string): string {
  return text.replace(/[&<>'"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === "'" ? '&#39;' : '&quot;'));
}

/** An attribute's value as Astro escapes it (`toAttributeString` of astro/runtime/server/render/util.js). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"]/g, (c) => (c === '&' ? '&amp;' : '&quot;'));
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(`history pages: ${message}`);
    this.name = 'TemplateError';
  }
}

export interface HistoryPageFill {
  id: PageId;
  /** The article's title. */
  title: string;
  /** The history page's address, as Astro gives it to the page (`Astro.url`), absolute. */
  canonical: string;
  /** The history page's own title, as the layout would compare it with the wiki's name. */
  pageTitle: string;
}

/** `text` for a regular expression that matches it literally. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The history pages of one template: `html` is the template page as Astro wrote it, `templateCanonical` its
 * own absolute address, `pages` the articles it is for, in order, and `body(i)` the body of the i-th; `siteName`
 * the wiki's name (the layout leaves it out of a title that is the name itself). Gives each page as the pieces to
 * write one after another: the layout's pieces are the same strings for every page (10,000 pages of 30 KB each
 * are not built as strings: at 10,000 articles that garbage alone grew the build's peak by 0.7 GB).
 */
export function fillTemplate<Body = string>(
  html: string,
  templateCanonical: string,
  pages: readonly HistoryPageFill[],
  siteName: string,
  body: (index: number) => Body,
): Array<Array<string | Body>> {
  const parts = html.split(BODY_MARK);
  if (parts.length !== 2)
    throw new TemplateError(`a template holds ${parts.length - 1} places for a body instead of one; build again, and report it if it repeats`);
  const address = escapeAttribute(templateCanonical);
  if (!parts[0]!.includes(address))
    throw new TemplateError(`the template's layout does not give its address as ${templateCanonical}, so the pages' addresses cannot be written`);
  // The layout before and after the body, cut at each stand-in: odd pieces are the stand-ins.
  const token = new RegExp(`(${[IN_TEXT, IN_ATTRIBUTE, address].map(literally).join('|')})`);
  const before = parts[0]!.split(token);
  const after = parts[1]!.split(token);
  for (const piece of [...before, ...after].filter((_, i) => i % 2 === 0))
    if (piece.includes('\u0001')) throw new TemplateError("the stand-in for an article's title was written in a form not known here");
  // The layout writes `<title>{title} – {wiki}</title>`, or the title alone when it is the wiki's name.
  const suffix = ` – ${escapeText(siteName)}</title>`;
  return pages.map((page, i) => {
    const values = new Map([
      [IN_TEXT, escapeText(page.title)],
      [IN_ATTRIBUTE, escapeAttribute(page.title)],
      [address, escapeAttribute(page.canonical)],
    ]);
    const fill = (pieces: string[]) =>
      pieces.map((piece, j) => (j % 2 === 1 ? values.get(piece)! : page.pageTitle === siteName ? piece.replace(suffix, '</title>') : piece));
    return [...fill(before), body(i), ...fill(after)];
  });
}
