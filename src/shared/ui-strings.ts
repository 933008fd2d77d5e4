/**
 * The interface's words, one table per language (src/shared/ui-strings/<lang>.json), as Starlight keeps its
 * `translations/*.json`: every label the engine writes (layout, components, special pages, search, history,
 * feeds, errors shown to readers) is looked up here, so a wiki speaks its own language. A wiki adds a language,
 * or changes a few words of a bundled one, with `i18n/<lang>.json` in its content folder
 * (src/content-folder/ui-strings-folder.ts). English is the fallback for any key a table lacks.
 *
 * Strings take `{name}` placeholders. A key with forms per number is written as `key_one`, `key_other` (and
 * `_zero`, `_two`, `_few`, `_many` where the language has them, after Intl.PluralRules), and looked up with a
 * `count`. Used by the build and by browser scripts alike: no Node here.
 */
export { fill, translator, type Translator, type Vars } from './translate.ts';
import de from './ui-strings/de.json' with { type: 'json' };
import en from './ui-strings/en.json' with { type: 'json' };

/** English, the table every other is checked against. */
export type UiStringTable = typeof en;
/** A key as written in the table, plural forms included (`search.results_one`). */
export type UiTableKey = keyof UiStringTable;
/** A key as looked up: plural keys without their `_one`/`_other` ending. */
export type UiKey = UiTableKey extends infer K ? (K extends `${infer Base}_${PluralForm}` ? Base : K) : never;

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralForm = (typeof PLURAL_FORMS)[number];

/** The tables the engine ships, by language subtag. */
export const BUNDLED_UI_STRINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = { en, de };

/** The English table, for checks of other tables. */
export const ENGLISH_UI_STRINGS: Readonly<Record<string, string>> = en;

/** The bundled table closest to `language`: `de-AT` → `de`; undefined when none fits. */
export function bundledTableFor(language: string): Readonly<Record<string, string>> | undefined {
  const lower = language.toLowerCase();
  return BUNDLED_UI_STRINGS[lower] ?? BUNDLED_UI_STRINGS[lower.split('-')[0] ?? ''];
}

/** A key without its plural ending: `search.results_one` → `search.results`. */
export function baseKey(key: string): string {
  return key.replace(new RegExp(`_(${PLURAL_FORMS.join('|')})$`), '');
}

/**
 * The table a wiki uses: English, then the bundled table for its language, then its own strings
 * (`i18n/<lang>.json`), each filling in or replacing the one before.
 */
export function resolveUiStrings(language: string, own: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { ...en, ...bundledTableFor(language), ...own };
}

/** The keys a browser script reads (from the `data-ui-strings` attribute the layout writes on `<body>`: src/client/ui-strings.ts). */
export const CLIENT_KEY_PREFIXES = ['search.', 'preview.'] as const;

/** The part of a table that browser scripts need. */
export function clientStrings(table: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).filter(([key]) => CLIENT_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))));
}
