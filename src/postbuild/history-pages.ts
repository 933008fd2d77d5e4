/**
 * Write the history pages of a build from the template pages Astro rendered (src/model/history-template.ts) and
 * their bodies, and remove the templates: the site holds the pages, never a template. The bodies come checked
 * (src/postbuild/history-bodies.ts) as the security check reads the pages Astro wrote (src/postbuild/csp.ts); a
 * template is checked with those.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fillTemplate, isTemplateFolder, templateSlug, templateUrl, type HistoryPageFill } from '../model/history-template.ts';
import { HISTORY_BASE, historyUrlForId, NAMESPACE_SEPARATOR } from '../model/ids.ts';
import type { PageHistory } from '../model/history.ts';
import type { PageId } from '../model/ids.ts';
import type { PageSummary } from '../model/wiki-data.ts';
import type { HistoryPageOf } from '../render/history-html.ts';
import { translator } from '../shared/translate.ts';
import { bodyAt, historyBodyMaker, type EncodedBodies, type HistoryBodiesSetup } from './history-bodies.ts';

/** Write `buffers` one after another: `writev` may write less than all of them. */
function writeAll(file: number, buffers: Uint8Array[]): void {
  const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  const written = writevSync(file, buffers);
  if (written < total) {
    const rest = Buffer.concat(buffers).subarray(written);
    for (let at = 0; at < rest.length;) at += writeSync(file, rest, at);
  }
}

/** What filling a template needs besides its articles: the site's address, its name, a history page's title. */
export interface HistoryPagesSite {
  /** The site's address (Astro's `site`). */
  site: string;
  siteName: string;
  /** An article's history page's title, in the wiki's language. */
  historyTitle: (title: string) => string;
}

/** The history pages' folder in `outDir`. */
function historyFolder(outDir: string): string {
  return join(outDir, ...HISTORY_BASE.split('/').filter(Boolean));
}

/**
 * Whether `folder` (a path) holds history pages the wiki wrote in `outDir` rather than Astro: the security check
 * reads the templates and leaves these out, whose bodies are checked as they are made.
 */
export function writtenHistoryFolder(outDir: string): (folder: string) => boolean {
  const base = historyFolder(outDir);
  return (folder) => dirname(folder) === base && !isTemplateFolder(basename(folder));
}

/** Template `index` as Astro wrote it into `outDir`. */
export function readTemplate(outDir: string, index: number): string {
  return readFileSync(join(historyFolder(outDir), templateSlug(index), 'index.html'), 'utf8');
}

/** Remove template `index` from `outDir`: the site holds the pages, never a template. */
export function removeTemplate(outDir: string, index: number): void {
  rmSync(join(historyFolder(outDir), templateSlug(index)), { recursive: true, force: true });
}

/**
 * Write the history pages of template `index` into `outDir`: `html` is the template as Astro rendered it, `share`
 * its articles in order (`templateShares`), `body(j)` the j-th one's body, checked. Gives the number written.
 */
export function writeTemplatePages(
  outDir: string,
  index: number,
  html: string,
  share: ReadonlyArray<Pick<PageSummary, 'id' | 'title'>>,
  site: HistoryPagesSite,
  body: (j: number) => string | Uint8Array,
): number {
  const base = historyFolder(outDir);
  const fills: HistoryPageFill[] = share.map((page) => ({
    id: page.id,
    title: page.title,
    canonical: new URL(historyUrlForId(page.id), site.site).href,
    pageTitle: site.historyTitle(page.title),
  }));
  const filled = fillTemplate(html, new URL(templateUrl(index), site.site).href, fills, site.siteName, body);
  // The layout's pieces are the same strings on every page: encoded once.
  const encoded = new Map<string, Buffer>();
  const bytes = (piece: string | Uint8Array) => {
    if (typeof piece !== 'string') return piece;
    let buffer = encoded.get(piece);
    if (!buffer) {
      buffer = Buffer.from(piece);
      if (piece.length > 256) encoded.set(piece, buffer);
    }
    return buffer;
  };
  share.forEach((page, j) => {
    const dir = join(base, ...page.id.split(NAMESPACE_SEPARATOR));
    mkdirSync(dir, { recursive: true });
    const file = openSync(join(dir, 'index.html'), 'w');
    try {
      writeAll(file, filled[j]!.map(bytes));
    } finally {
      closeSync(file);
    }
  });
  return share.length;
}

/** What a build's history pages need, all plain data: a worker thread can be given it (src/postbuild/history-thread.ts). */
export interface HistoryPagesSetup {
  bodies: HistoryBodiesSetup;
  /** The folder Astro builds the site in. */
  outDir: string;
  /** The site's address (Astro's `site`) and name. */
  site: string;
  siteName: string;
  /** Template `i`'s articles, in order, or undefined for a template this build does not render (src/model/shards.ts). */
  shares: Array<HistoryPageOf[] | undefined>;
}

/** How many history pages a build wrote, and how many of them before build:done (from the templates as rendered). */
export interface HistoryPagesWritten {
  written: number;
  early: number;
}

export interface HistoryPagesWriter {
  /** Make template `index`'s bodies (checked: throws HistoryBodyError) and write its pages if the template is known. */
  make(index: number): void;
  /** Template `index` as Astro rendered it: its pages are written as soon as their bodies are made. */
  template(index: number, html: string): void;
  /**
   * Write the pages not written yet (their templates read from `outDir`), remove the templates, and remember the
   * bodies' checks. After the security check, which read the templates.
   */
  finish(): HistoryPagesWritten;
}

/**
 * The history pages of a build, written from `historyOf` (each article's history, whole) share by share: each
 * template's pages as soon as both its bodies and the template are at hand, so that most are written while Astro
 * still generates its pages. A share's bodies are dropped once its pages are written.
 */
export function historyPagesWriter(setup: HistoryPagesSetup, historyOf: (id: PageId) => PageHistory | undefined): HistoryPagesWriter {
  const maker = historyBodyMaker(setup.bodies);
  const t = translator(setup.bodies.strings, setup.bodies.language);
  const site: HistoryPagesSite = { site: setup.site, siteName: setup.siteName, historyTitle: (title) => t('article.historyOf', { title }) };
  const bodies = new Map<number, EncodedBodies>();
  const templates = new Map<number, string>();
  const written = new Set<number>();
  let count = 0;
  let early: number | undefined;
  const write = (index: number, made: EncodedBodies, html: string) => {
    count += writeTemplatePages(setup.outDir, index, html, setup.shares[index] ?? [], site, (j) => bodyAt(made, j));
    written.add(index);
    bodies.delete(index);
    templates.delete(index);
  };
  const make = (index: number) => {
    const share = setup.shares[index];
    if (!share || written.has(index) || bodies.has(index)) return;
    const made = maker.share({ pages: share, histories: share.map((page) => historyOf(page.id)) });
    const html = templates.get(index);
    if (html === undefined) bodies.set(index, made);
    else write(index, made, html);
  };
  return {
    make,
    template(index, html) {
      if (!setup.shares[index] || written.has(index)) return;
      const made = bodies.get(index);
      if (made) write(index, made, html);
      else templates.set(index, html);
    },
    finish() {
      early ??= count;
      setup.shares.forEach((share, index) => {
        if (!share || written.has(index)) return;
        if (!templates.has(index)) templates.set(index, readTemplate(setup.outDir, index));
        const made = bodies.get(index);
        if (made) write(index, made, templates.get(index)!);
        else make(index);
      });
      setup.shares.forEach((share, index) => share && removeTemplate(setup.outDir, index));
      maker.save();
      return { written: count, early };
    },
  };
}
