/**
 * The lines of a change list (an article's history, Recent changes) and the body of a history page, written as
 * strings, escaped as Astro escapes and laid out as Astro's compiler lays out the components' markup (`compressHTML:
 * 'jsx'`: no whitespace between tags but what `{' '}` writes). Every article has a history page, each with a line
 * per commit: at 10,000 articles with five commits each, Astro's components spent 3.5 s of page generation on
 * 60,000 component instances, on the one thread that generates every page. The components
 * (src/components/HistoryBody.astro, ChangeLine.astro) are now these functions' HTML.
 */
import { escapeAttribute, escapeText } from '../model/history-template.ts';
import type { Commit, FileChange, LatestChange, PageHistory } from '../model/history.ts';
import { historyUrlForId } from '../model/ids.ts';
import type { SourceLinks } from '../model/source-links.ts';
import type { DiffPart } from '../model/word-diff.ts';
import type { PageSummary } from '../model/wiki-data.ts';
import type { Translator } from '../shared/translate.ts';

/** An attribute as Astro's `addAttribute` writes it: none for a missing value, the bare name for an empty one. */
function attribute(name: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return text === '' ? ` ${name}` : ` ${name}="${escapeAttribute(text)}"`;
}

/** What the lines of a list need that is the same for every line; dates written once per distinct date. */
export interface ChangeListWriter {
  readonly t: Translator;
  readonly links: SourceLinks;
  /** `t.date`, remembered: a history of 50,000 lines has far fewer distinct dates. */
  date(iso: string): string;
}

export function changeListWriter(t: Translator, links: SourceLinks): ChangeListWriter {
  const dates = new Map<string, string>();
  return {
    t,
    links,
    date(iso) {
      let written = dates.get(iso);
      if (written === undefined) {
        written = t.date(iso);
        dates.set(iso, written);
      }
      return written;
    },
  };
}

/** What a change line and a history page show of an article: its id, title and address. */
export type HistoryPageOf = Pick<PageSummary, 'id' | 'title' | 'url'>;

export interface ChangeLineProps {
  commit: Commit;
  change: FileChange;
  /** The article as it is now; undefined when it was deleted. */
  page: HistoryPageOf | undefined;
  /** In an article's own history: no article link, but a link to the file as it stood. */
  inHistory?: boolean;
}

/**
 * One change in a list of changes: when, which article, who, why, how many lines, and links to the commit on the
 * code host and to the article's history.
 */
export function changeLineHtml(writer: ChangeListWriter, { commit, change, page, inHistory = false }: ChangeLineProps): string {
  const { t, links } = writer;
  const commitUrl = links.commit(commit.hash);
  const diffUrl = page ? links.diff(commit.hash, change.path) : undefined;
  const textUrl = inHistory && change.status !== 'deleted' ? links.fileAt(commit.hash, change.path) : undefined;
  const short = commit.hash.slice(0, 7);
  let html = `<li class="change"${attribute('id', inHistory ? `commit-${commit.hash}` : undefined)}><time${attribute('datetime', commit.date)}>${escapeText(writer.date(commit.date))}</time> `;
  if (!inHistory)
    html += page
      ? `<a class="wikilink"${attribute('href', page.url)}>${escapeText(page.title)}</a>`
      : `<span>${escapeText(t('recent.deleted', { title: change.path }))}</span>`;
  html += ` <span class="change-author">${escapeText(commit.author)}</span> <q class="change-message">${escapeText(commit.subject)}</q> `;
  if (change.added !== undefined && change.removed !== undefined) {
    const lines = t('history.linesChanged', { added: change.added, removed: change.removed });
    html +=
      `<span class="change-lines"${attribute('title', lines)}><span class="lines-added" aria-hidden="true">+${change.added}</span> ` +
      `<span class="lines-removed" aria-hidden="true">−${change.removed}</span><span class="visually-hidden">(${escapeText(lines)})</span></span>`;
  }
  html += ' ';
  if (change.status === 'renamed' && change.from)
    html += `<span class="page-description">(${escapeText(t('history.renamedFrom', { file: change.from }))})</span>`;
  if (change.status === 'added') html += `<span class="page-description">(${escapeText(t('history.created'))})</span>`;
  html += ' <span class="change-links">';
  html += commitUrl
    ? `<a${attribute('href', commitUrl)} rel="noopener noreferrer">${escapeText(t('history.viewCommit', { commit: short }))}</a>`
    : `<code>${escapeText(short)}</code>`;
  if (diffUrl && diffUrl !== commitUrl) html += ` <a${attribute('href', diffUrl)} rel="noopener noreferrer">${escapeText(t('history.viewDiff'))}</a>`;
  if (textUrl) html += ` <a${attribute('href', textUrl)} rel="noopener noreferrer">${escapeText(t('history.viewSource'))}</a>`;
  if (!inHistory && page) html += ` <a${attribute('href', historyUrlForId(page.id))}>${escapeText(t('article.history'))}</a>`;
  return `${html}</span></li>`;
}

function diffPartHtml(t: Translator, part: DiffPart): string {
  if (part.kind === 'gap') return '<span class="diff-gap">…</span>';
  const text = escapeText(part.text);
  if (part.kind === 'added')
    return `<ins><span class="visually-hidden">[${escapeText(t('history.diffAdded'))}: </span>${text}<span class="visually-hidden">]</span></ins>`;
  if (part.kind === 'removed')
    return `<del><span class="visually-hidden">[${escapeText(t('history.diffRemoved'))}: </span>${text}<span class="visually-hidden">]</span></del>`;
  return text;
}

/**
 * The word diff of an article's latest change (src/model/word-diff.ts): the changed lines, added words underlined
 * (`<ins>`), removed ones struck through (`<del>`), each also named for screen readers; `moreUrl`, the change on the
 * code host, for what is not shown here.
 */
export function wordDiffHtml(t: Translator, latest: LatestChange, moreUrl: string | undefined): string {
  const tooLarge = escapeText(t('history.diffTooLarge'));
  switch (latest.kind) {
    case 'created':
      return `<p>${escapeText(t('history.diffCreated'))}</p>`;
    case 'unchanged':
      return `<p>${escapeText(t('history.diffUnchanged'))}</p>`;
    case 'unknown':
      return `<p>${escapeText(t('history.diffUnknown'))}</p>`;
    case 'too-large':
      return `<p>${moreUrl ? `<a${attribute('href', moreUrl)} rel="noopener noreferrer">${tooLarge}</a>` : tooLarge}</p>`;
    case 'diff': {
      let html = `<p class="page-description">${escapeText(t('history.diffLegend'))}</p><div class="word-diff">`;
      for (const hunk of latest.diff.hunks)
        html += `<p class="diff-hunk"${attribute('data-line', hunk.line)}>${hunk.parts.map((part) => diffPartHtml(t, part)).join('')}</p>`;
      if (latest.diff.more > 0 && moreUrl) html += `<p><a${attribute('href', moreUrl)} rel="noopener noreferrer">${tooLarge}</a></p>`;
      return `${html}</div>`;
    }
  }
}

/**
 * What an article's history page shows inside the layout: every commit that changed its file, renames followed,
 * newest first, and its latest change word by word. `since`: the oldest commit a shallow clone holds.
 */
export function historyBodyHtml(writer: ChangeListWriter, page: HistoryPageOf, pageHistory: PageHistory | undefined, since: string | undefined): string {
  const { t, links } = writer;
  const revisions = pageHistory?.revisions ?? [];
  const latest = revisions[0];
  let html = `<h1>${escapeText(t('article.historyOf', { title: page.title }))}</h1><p>${escapeText(t('history.intro'))} <a class="wikilink"${attribute('href', page.url)}>${escapeText(t('history.backToArticle'))}</a></p>`;
  if (since) html += `<p class="history-note">${escapeText(t('history.shallow', { date: t.date(since) }))}</p>`;
  if (!latest) return `${html}<p class="history-note">${escapeText(t('history.notCommitted'))}</p>`;
  html += '<ol class="history-list">';
  for (const { commit, change } of revisions) html += changeLineHtml(writer, { commit, change, page, inHistory: true });
  html += '</ol>';
  if (pageHistory?.latest) {
    const by = t('history.latestChangeBy', { author: latest.commit.author, date: t.date(latest.commit.date), message: latest.commit.subject });
    html +=
      `<section class="latest-change" aria-labelledby="latest-change"><h2 id="latest-change">${escapeText(t('history.latestChange'))}</h2><p>${escapeText(by)}</p>` +
      `${wordDiffHtml(t, pageHistory.latest, links.diff(latest.commit.hash, latest.change.path))}</section>`;
  }
  return html;
}
