/** The interface strings: every table complete, the lookup (plurals, dates, lists, parts), and a wiki's own tables checked. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUiStrings } from '../../src/content-folder/ui-strings-folder.ts';
import { baseKey, BUNDLED_UI_STRINGS, ENGLISH_UI_STRINGS, resolveUiStrings, translator } from '../../src/shared/ui-strings.ts';
import { repoRoot } from '../helpers/build-site.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = Object.keys(ENGLISH_UI_STRINGS);

describe('every bundled table', () => {
  it.each(Object.entries(BUNDLED_UI_STRINGS))('%s has every key of English, and no other', (_, table) => {
    const bases = (keys: string[]) => [...new Set(keys.map(baseKey))].sort();
    expect(bases(Object.keys(table))).toEqual(bases(english));
    for (const key of Object.keys(table)) expect(baseKey(key) === key || key.endsWith('_one') || key.endsWith('_other'), key).toBe(true);
  });

  it.each(Object.entries(BUNDLED_UI_STRINGS))('%s takes the same placeholders as English in each string', (_, table) => {
    for (const [key, text] of Object.entries(table)) {
      const model = ENGLISH_UI_STRINGS[key] ?? ENGLISH_UI_STRINGS[`${baseKey(key)}_other`] ?? '';
      expect(placeholders(text), key).toEqual(placeholders(model).filter((name) => name !== 'count' || placeholders(text).includes('count')));
    }
  });

  it('is used: every key is looked up somewhere in the engine', () => {
    const code = (dir: string): string =>
      readdirSync(dir, { withFileTypes: true })
        .map((entry) =>
          entry.isDirectory() ? code(join(dir, entry.name)) : /\.(ts|astro)$/.test(entry.name) ? readFileSync(join(dir, entry.name), 'utf8') : '',
        )
        .join('\n');
    const source = code(join(repoRoot, 'src')) + code(join(repoRoot, 'cli'));
    const unused = [...new Set(english.map(baseKey))].filter((key) => !source.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});

describe('translator', () => {
  const en = translator(resolveUiStrings('en'), 'en');
  const de = translator(resolveUiStrings('de'), 'de');

  it('fills placeholders and picks the plural form of the language', () => {
    expect(en('tags.count', { count: 1 })).toBe('1 article');
    expect(en('tags.count', { count: 1234 })).toBe('1,234 articles');
    expect(de('search.results', { count: 1 })).toBe('1 Ergebnis');
    expect(de('search.results', { count: 1234 })).toBe('1.234 Ergebnisse');
    expect(en('article.historyOf', { title: 'Nvidia' })).toBe('History of Nvidia');
  });

  it('writes dates and lists the language’s way', () => {
    expect(en.date('2026-03-05')).toBe('March 5, 2026');
    expect(de.date('2026-03-05')).toBe('5. März 2026');
    expect(de.date('2026-03-05T23:30:00+01:00')).toBe('5. März 2026');
    expect(en.list(['hardware', 'china'], 'disjunction')).toBe('hardware or china');
    expect(de.list(['a', 'b', 'c'])).toBe('a, b und c');
  });

  it('cuts a sentence at the places of elements, in the order of the language', () => {
    expect(en.parts('article.redirectText')).toEqual([{ slot: 'alias' }, ' is another name for ', { slot: 'title' }, '.']);
    expect(en.around('article.lastUpdated', 'date')).toEqual(['Last updated ', '']);
    expect(de.around('article.lastUpdated', 'date')).toEqual(['Zuletzt geändert am ', '']);
  });
});

describe('a wiki’s own strings (i18n/<language>.json)', () => {
  it('replaces words of a bundled language', () => {
    const { strings, diagnostics } = checkUiStrings('{ "article.edit": "Improve this page" }', 'i18n/en.json', 'en');
    expect(diagnostics).toEqual([]);
    expect(resolveUiStrings('en', strings)['article.edit']).toBe('Improve this page');
  });

  it('reports an unknown key and a value that is not text at their lines', () => {
    const { diagnostics } = checkUiStrings('{\n  "article.edti": "x",\n  "article.edit": 3\n}', 'i18n/fr.json', 'fr');
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`)).toEqual([
      "2: unknown key `article.edti`: the keys are those of the engine's src/shared/ui-strings/en.json; correct or remove it",
      '3: `article.edit` must be text, e.g. "Edit this page"',
    ]);
  });

  it('warns about the strings a new language leaves in English', () => {
    const { diagnostics } = checkUiStrings('{ "article.edit": "Modifier la page" }', 'i18n/fr.json', 'fr');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/^\d+ strings are not translated and show in English: site\.skipToContent/),
      }),
    ]);
  });

  it('reports JSON that cannot be read', () => {
    expect(checkUiStrings('{ "a": ', 'i18n/fr.json', 'fr').diagnostics[0]?.message).toMatch(/^not valid JSON/);
  });
});
