/**
 * DokuWiki's id rules as the importer applies them, held to what DokuWiki itself gives (the reference files in
 * tests/importer/dokuwiki/ were written by DokuWiki's own code, see reference.php there).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFileName, DOKUWIKI_DEFAULT_RULES, dokuwikiIdFromPath, resolvePageId, sectionId, wikiId, type IdContext } from '../../src/importer/page-id.ts';

const reference = (file: string): unknown => JSON.parse(readFileSync(new URL(`./dokuwiki/${file}`, import.meta.url), 'utf8')) as unknown;

describe("resolvePageId: DokuWiki's PageResolver", () => {
  const resolved = reference('resolve-reference.json') as [string, string, string][];

  it.each(resolved)('from %j, [[%s]] is %j', (page, link, expected) => {
    const [target, hash] = link.split('#');
    const id = resolvePageId(target ?? '', page);
    expect(hash === undefined ? id : `${id}#${hash.toLowerCase().replace(/ /g, '_')}`).toBe(expected);
  });

  it('resolves a namespace link to the start page the import has, as DokuWiki looks for it', () => {
    const withPages = (...pages: string[]): IdContext => ({ rules: DOKUWIKI_DEFAULT_RULES, pageExists: (id) => pages.includes(id) });
    expect(resolvePageId('other:', 'a:b', withPages('other:start', 'other:other', 'other'))).toBe('other:start');
    expect(resolvePageId('other:', 'a:b', withPages('other:other', 'other'))).toBe('other:other');
    expect(resolvePageId('other:', 'a:b', withPages('other'))).toBe('other');
    expect(resolvePageId('other:', 'a:b', withPages())).toBe('other:start');
    expect(resolvePageId('.:', 'ns:page', withPages('ns'))).toBe('ns');
  });

  it('reads / as a namespace separator when the wiki sets useslash', () => {
    const useslash: IdContext = { rules: { ...DOKUWIKI_DEFAULT_RULES, slashSeparatesNamespaces: true }, pageExists: () => false };
    expect(resolvePageId('a/b', 'wiki:syntax', useslash)).toBe('a:b');
    expect(resolvePageId('a/b', 'wiki:syntax')).toBe('wiki:a_b');
  });
});

describe('ids from file names', () => {
  it.each([
    ['wiki/syntax.txt', 'wiki:syntax'],
    ['start.txt', 'start'],
    ['a\\b\\c.txt', 'a:b:c'],
    // DokuWiki URL-encodes names that are not plain ASCII on disk (fnencode = url, its default).
    ['%E5%8D%8E%E4%B8%BA/%E6%B7%B1%E5%9C%B3.txt', '华为:深圳'],
    ['stół.txt', 'stol'],
  ])('%s → %s', (path, id) => {
    expect(dokuwikiIdFromPath(path)).toBe(id);
  });

  it('decodes media file names the same way, and leaves a stray % alone', () => {
    expect(decodeFileName('wiki/%E5%9B%BE.png')).toBe('wiki/图.png');
    expect(decodeFileName('wiki/100%.png')).toBe('wiki/100%.png');
  });

  it('gives the wiki id of a DokuWiki id', () => {
    expect(wikiId('Wiki:Stół warsztatowy')).toBe('wiki:stol_warsztatowy');
    expect(wikiId('wiki:हिन्दी')).toBe('wiki:हिन्दी');
  });
});

describe("sectionId: DokuWiki's sectionID()", () => {
  const { columns, rows } = reference('ids-reference.json') as { columns: string[]; rows: string[][] };
  const at = columns.indexOf('sectionID');

  it('gives what DokuWiki gives for every reference input', () => {
    const differences = rows.filter((row) => sectionId(row[0] ?? '') !== row[at]).map((row) => [row[0], row[at], sectionId(row[0] ?? '')]);
    expect(differences).toEqual([]);
  });

  it.each([
    ['Images and other files', 'images_and_other_files'],
    ['Headline Level 3', 'headline_level_3'],
    ['1. Intro', 'intro'],
    ['2024', 'section2024'],
    ['H -> I "q"', 'h_-_i_q'],
  ])('%s → #%s', (title, id) => {
    expect(sectionId(title)).toBe(id);
  });

  it('numbers a repeated heading as DokuWiki does', () => {
    const used = new Set<string>();
    expect(['Intro', 'Intro', 'intro', 'Other'].map((title) => sectionId(title, DOKUWIKI_DEFAULT_RULES, used))).toEqual(['intro', 'intro1', 'intro2', 'other']);
  });
});
