/**
 * Looking up the interface's words (src/shared/ui-strings.ts): placeholders, plural forms, dates and lists
 * written the language's way. Apart from the tables, so that browser scripts get the lookup without every
 * language's table.
 */
import type { UiKey } from './ui-strings.ts';

export type Vars = Record<string, string | number>;

/**
 * One number format per language: making an `Intl.NumberFormat` costs some 20 µs, and a special page of a big
 * wiki fills a count into every line (110,000 sources at 20,000 articles: 2.4 s of formats made and dropped).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string): Intl.NumberFormat {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format;
}

/** Fill `{name}` placeholders; a placeholder without a value is left as written, so that it shows in tests. */
export function fill(template: string, vars: Vars = {}, language = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat(language).format(value) : value;
  });
}

export interface Translator {
  (key: UiKey, vars?: Vars): string;
  /** The wiki's language, a BCP 47 tag. */
  readonly language: string;
  /**
   * A string split around one placeholder, for a sentence with an element inside (`Browse {allPages}.` →
   * `['Browse ', '.']`): the caller puts the element between.
   */
  around(key: UiKey, placeholder: string, vars?: Vars): [string, string];
  /**
   * A string cut at the placeholders without a value in `vars`, for a sentence with elements inside, in whatever
   * order the language puts them: `{alias} is another name for {title}.` → `[{ slot: 'alias' }, ' is another name
   * for ', { slot: 'title' }, '.']`.
   */
  parts(key: UiKey, vars?: Vars): Array<string | { slot: string }>;
  /** A date (`YYYY-MM-DD` or ISO time) as the language writes it: `5 March 2026`, `5. März 2026`. */
  date(iso: string, style?: 'long' | 'medium'): string;
  /** A list joined the language's way: `a, b and c`; `or` for a choice. */
  list(items: string[], type?: 'conjunction' | 'disjunction'): string;
}

/** A translator over a resolved table (`resolveUiStrings`). */
export function translator(table: Readonly<Record<string, string>>, language: string): Translator {
  const plurals = new Intl.PluralRules(language);
  const dates = new Map<string, Intl.DateTimeFormat>();
  const lookup = (key: string, vars: Vars): string => {
    if (typeof vars['count'] === 'number') {
      const form = plurals.select(vars['count']);
      const plural = table[`${key}_${vars['count'] === 0 ? 'zero' : form}`] ?? table[`${key}_${form}`] ?? table[`${key}_other`];
      if (plural !== undefined) return plural;
    }
    return table[key] ?? table[`${key}_other`] ?? key;
  };
  const t = ((key: UiKey, vars: Vars = {}) => fill(lookup(key, vars), vars, language)) as Translator;
  Object.defineProperty(t, 'language', { value: language });
  t.around = (key, placeholder, vars = {}) => {
    const whole = fill(lookup(key, vars), vars, language);
    const at = whole.indexOf(`{${placeholder}}`);
    return at === -1 ? [whole, ''] : [whole.slice(0, at), whole.slice(at + placeholder.length + 2)];
  };
  t.parts = (key, vars = {}) =>
    fill(lookup(key, vars), vars, language)
      .split(/(\{\w+\})/)
      .flatMap((part): Array<string | { slot: string }> => (/^\{\w+\}$/.test(part) ? [{ slot: part.slice(1, -1) }] : part === '' ? [] : [part]));
  t.date = (iso, style = 'long') => {
    let format = dates.get(style);
    if (!format) {
      format = new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' });
      dates.set(style, format);
    }
    const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
  const lists = new Map<string, Intl.ListFormat>();
  t.list = (items, type = 'conjunction') => {
    let format = lists.get(type);
    if (!format) {
      format = new Intl.ListFormat(language, { type });
      lists.set(type, format);
    }
    return format.format(items);
  };
  return t;
}
