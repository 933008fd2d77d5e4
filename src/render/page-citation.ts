/**
 * "Cite this page": an article's citation in BibTeX and in the wiki's citation style (rehype-citation's Cite,
 * the CSL engine that formats References), with the revision read, as MediaWiki's Special:CiteThisPage gives.
 *
 * citeproc takes 2–5 ms per entry, which at 10,000 articles would add half a minute to every build. But an
 * article's entry differs from another's only in its title, its address and its date: so each date is formatted
 * once, with a placeholder title and address, and each article fills in its own (title-cased by citeproc's own
 * function when the style title-cases). A style that does not show the placeholders as given is formatted entry by
 * entry.
 */
import { readFileSync } from 'node:fs';
import CSL from 'citeproc';
import { Cite } from 'rehype-citation';
import type { Commit } from '../model/history.ts';
import type { SiteConfig } from '../model/site-config.ts';
import { sourceLinks } from '../model/source-links.ts';
import type { PageSummary } from '../model/wiki-data.ts';
import { translator } from '../shared/ui-strings.ts';
import { cslLocale } from './csl-locales.ts';

export interface CitationInput {
  style: string;
  /** The wiki's language (BCP 47). */
  language: string;
  wikiTitle: string;
  /** Who wrote it: "{wiki} contributors", in the wiki's language. */
  authors: string;
  title: string;
  /** The article's public address. */
  url: string;
  /** `YYYY-MM-DD` of the revision, when known. */
  date?: string | undefined;
  /** The revision read, and its permanent address on the code host, when known. */
  revision?: { commit: string; url?: string | undefined } | undefined;
  /** The BibTeX note about the revision, in the wiki's language. */
  revisionNote?: string | undefined;
  /** A key for BibTeX: the article's id. */
  key: string;
}

export interface PageCitation {
  /** The citation in the configured style, as plain text. */
  text: string;
  bibtex: string;
}

const TITLE = 'Zqxtitleplaceholder';
const URL_PLACEHOLDER = 'https://zqx-address.invalid/';

interface CslItem {
  id: string;
  type: string;
  title: string;
  'container-title': string;
  author: Array<{ literal: string }>;
  URL: string;
  issued?: { 'date-parts': number[][] };
  language: string;
}

interface CslEngine {
  updateItems(ids: string[]): void;
  makeBibliography(): [unknown, string[]] | false;
}

interface CslConfig {
  engine(data: CslItem[], template: string, lang: string, format: string): CslEngine;
  templates: { add(name: string, xml: string): void; has(name: string): boolean };
}

const config = (): CslConfig => (Cite as unknown as { plugins: { config: { get(name: string): CslConfig } } }).plugins.config.get('@csl');

/** A style name citation-js knows: a bundled one, or a `.csl` file registered under its path. */
function templateName(style: string): string {
  if (!config().templates.has(style)) config().templates.add(style, readFileSync(style, 'utf8'));
  return style;
}

function item(input: CitationInput, title: string, url: string): CslItem {
  const parts = input.date ? input.date.split('-').map(Number) : undefined;
  return {
    id: 'page',
    type: 'webpage',
    title,
    'container-title': input.wikiTitle,
    author: [{ literal: input.authors }],
    URL: url,
    ...(parts ? { issued: { 'date-parts': [parts] } } : {}),
    language: input.language,
  };
}

/** One entry formatted by citeproc, as plain text on one line. */
function formatEntry(entry: CslItem, style: string, language: string): string {
  const engine = config().engine([entry], templateName(style), cslLocale(language), 'text');
  engine.updateItems([entry.id]);
  const bibliography = engine.makeBibliography();
  const text = bibliography ? (bibliography[1][0] ?? '') : '';
  // Numeric styles number the one entry: "1. "; a lone citation has no number.
  return text
    .replace(/^\s*\[?1[.\]]?\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Templates by style, language, wiki, authors and date; and whether each style title-cases titles. */
const templates = new Map<string, string>();
const titleCasing = new Map<string, CslEngine | undefined>();

/** citeproc's engine when `style` title-cases titles in `language` (as Chicago and MLA do in English), else undefined. */
function titleCaser(style: string, language: string): CslEngine | undefined {
  const key = `${style}\0${language}`;
  if (!titleCasing.has(key)) {
    const probe: CitationInput = { style, language, wikiTitle: 'W', authors: 'A', title: '', url: URL_PLACEHOLDER, key: 'probe' };
    const cased = formatEntry(item(probe, 'zqxa of zqxb', URL_PLACEHOLDER), style, language).includes('Zqxa of Zqxb');
    titleCasing.set(key, cased ? config().engine([], templateName(style), cslLocale(language), 'text') : undefined);
  }
  return titleCasing.get(key);
}

interface TitleFormatters {
  Output: { Formatters: { title(state: CslEngine, text: string): string } };
}

/** The citation formatted whole by citeproc, entry by entry: what `styledCitation` must equal (tests/unit/page-citation.test.ts). */
export function citeprocCitation(input: CitationInput): string {
  return formatEntry(item(input, input.title, input.url), input.style, input.language);
}

/** The citation in the configured style. */
export function styledCitation(input: CitationInput): string {
  const key = JSON.stringify([input.style, input.language, input.wikiTitle, input.authors, input.date ?? '']);
  let template = templates.get(key);
  if (template === undefined) {
    template = formatEntry(item(input, TITLE, URL_PLACEHOLDER), input.style, input.language);
    templates.set(key, template);
  }
  // citeproc joins a title's last punctuation with the style's own, and curls quotes: such titles are formatted whole.
  if (!template.includes(TITLE) || /['"‘’“”]|[.?!…:;,)\]]$/.test(input.title)) return citeprocCitation(input);
  const caser = titleCaser(input.style, input.language);
  const title = caser ? (CSL as unknown as TitleFormatters).Output.Formatters.title(caser, input.title) : input.title;
  return template.replace(TITLE, () => title).replace(URL_PLACEHOLDER, () => input.url);
}

/** A BibTeX value in braces: braces and backslashes in the text kept as text. */
function bibtexValue(text: string): string {
  return `{${text.replace(/[\\{}]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`))}}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The BibTeX entry (`@misc`, as Special:CiteThisPage writes it). */
export function bibtexCitation(input: CitationInput): string {
  const [year, month] = input.date ? input.date.split('-') : [];
  const fields: Array<[string, string]> = [
    ['author', `{${bibtexValue(input.authors)}}`],
    ['title', bibtexValue(input.title)],
    ['howpublished', `{\\url{${input.url}}}`],
    ['url', `{${input.url}}`],
    ['organization', bibtexValue(input.wikiTitle)],
    ...(year ? [['year', `{${year}}`] as [string, string]] : []),
    ...(month ? [['month', MONTHS[Number(month) - 1] ?? `{${month}}`] as [string, string]] : []),
    ...(input.revisionNote ? [['note', bibtexValue(input.revisionNote)] as [string, string]] : []),
  ];
  const key = `${input.wikiTitle}:${input.key}`.replace(/[^\p{L}\p{N}:_.-]+/gu, '_');
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name.padEnd(12)} = ${value}`).join(',\n')}\n}`;
}

export function pageCitation(input: CitationInput): PageCitation {
  return { text: styledCitation(input), bibtex: bibtexCitation(input) };
}

/** What an article's citation is made of, from the wiki's settings and its latest revision. */
export interface ArticleCitationInput {
  config: Pick<SiteConfig, 'title' | 'language' | 'site' | 'citationStyle' | 'strings' | 'links'>;
  page: Pick<PageSummary, 'id' | 'title' | 'url' | 'file' | 'updated'>;
  /** The latest commit that changed the article's file, if it was committed. */
  latest: Pick<Commit, 'hash' | 'committed'> | undefined;
}

/** The translator of each table and language: making one makes its `Intl` formatters, some 0.1 ms an article. */
const translators = new WeakMap<Readonly<Record<string, string>>, Map<string, ReturnType<typeof translator>>>();

function translatorOf(strings: Readonly<Record<string, string>>, language: string): ReturnType<typeof translator> {
  let byLanguage = translators.get(strings);
  if (!byLanguage) translators.set(strings, (byLanguage = new Map()));
  let t = byLanguage.get(language);
  if (!t) byLanguage.set(language, (t = translator(strings, language)));
  return t;
}

/** "Cite this page" for an article: the revision read is its latest commit, its date that commit's (or `updated`). */
export function articleCitation({
  config,
  page,
  latest,
}: ArticleCitationInput): PageCitation & { permalink: string | undefined; revision: string | undefined } {
  const t = translatorOf(config.strings, config.language);
  const permalink = latest ? sourceLinks(config.links).fileAt(latest.hash, page.file) : undefined;
  const date = page.updated ?? latest?.committed;
  const revision = latest ? t('cite.revision', { commit: latest.hash.slice(0, 7), date: t.date(latest.committed) }) : undefined;
  const citation = pageCitation({
    style: config.citationStyle,
    language: config.language,
    wikiTitle: config.title,
    authors: t('cite.authors', { wiki: config.title }),
    title: page.title,
    url: new URL(page.url, `${config.site}/`).href,
    date,
    revision: latest ? { commit: latest.hash, url: permalink } : undefined,
    revisionNote: latest ? `${t('cite.revision', { commit: latest.hash, date: t.date(latest.committed) })}${permalink ? `, ${permalink}` : ''}` : undefined,
    key: page.id,
  });
  return { ...citation, permalink, revision };
}
