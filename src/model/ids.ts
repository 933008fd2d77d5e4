/**
 * The one module that owns page ids, file paths and URLs.
 *
 * A page id is DokuWiki-style: lower case, `:` between namespaces, `_` for
 * spaces and punctuation (https://www.dokuwiki.org/pagename). Everything that
 * turns an id into a path or a URL goes through the functions below; nothing
 * else builds wiki URLs by string concatenation.
 */

declare const pageIdBrand: unique symbol;
/** A normalised page id such as `hardware:ascend_910b`. */
export type PageId = string & { readonly [pageIdBrand]: true };

/** Separator between namespace segments of an id. */
export const NAMESPACE_SEPARATOR = ':';
/** Extension of article files. */
export const ARTICLE_EXTENSION = '.mdx';
/** URL prefix under which every article is served, so ids never collide with site pages. */
export const WIKI_BASE = '/wiki/';

/**
 * The main page's id: `index.mdx` at the content folder's root is the wiki's home page, served at `/` (not
 * under /wiki/), as Wikipedia's Main Page is a page. `[[index]]` links there. It is left out of the lists of
 * articles (All pages, tags, orphans); its history is `/special/history/index/`.
 */
export const MAIN_PAGE_ID = 'index' as PageId;

/** Where each article's history lives: under /special/, so that no article id (`history` included) can collide. */
export const HISTORY_BASE = '/special/history/';

/** The Atom feed of Recent changes. */
export const RECENT_CHANGES_FEED = '/special/recent-changes.atom';

/**
 * How a written page name becomes an id: DokuWiki's `cleanID()` (inc/pageutils.php) with one of its settings.
 * The wiki itself uses `WIKI_ID_RULES`; the DokuWiki importer passes the rules of the wiki it imports.
 */
export interface IdRules {
  /** `/` separates namespaces like `:` (DokuWiki's `useslash`); otherwise it is a word separator, `_`. */
  readonly slashSeparatesNamespaces: boolean;
  /** Accented Latin letters written without their accent, by DokuWiki's table (`deaccent`: 1, its default). */
  readonly deaccent: boolean;
  /** Other scripts written in Latin letters first (`deaccent`: 2); the importer passes DokuWiki's table. */
  readonly romanize?: (lowerCased: string) => string;
}

/** The wiki's own rules: DokuWiki's defaults, with `/` as a namespace separator. */
export const WIKI_ID_RULES: IdRules = { slashSeparatesNamespaces: true, deaccent: true };

/**
 * Normalise any written form of a page name to its id, the same way every time, as DokuWiki does:
 * `Hardware:Ascend 910B` → `hardware:ascend_910b`, `Nvidia GPUs` → `nvidia_gpus`, `Émile` → `emile`,
 * `Stół` → `stol`, `Über` → `ueber`, `华为` → `华为`, `हिन्दी` → `हिन्दी`. `/` and `;` separate namespaces like `:`.
 * Returns an empty string when nothing of the name is left.
 */
export function normalizeId(name: string): PageId | '' {
  let id = normalized.get(name);
  if (id === undefined) {
    // Emptied when large: a build asks again for the same few names (each wiki link is resolved for the link graph,
    // the article loader and the page itself), and a long `astro dev` session should not keep every name it met.
    if (normalized.size >= 100_000) normalized.clear();
    id = cleanId(name, WIKI_ID_RULES);
    normalized.set(name, id);
  }
  return id;
}

/** Names normalized by the wiki's rules (`cleanId` is 2 µs a name: 1,000 articles' 17,000 links, thrice, took 0.09 s). */
const normalized = new Map<string, PageId | ''>();

/**
 * DokuWiki's `cleanID()`, step by step: lower case (then NFC, as DokuWiki's `PhpString::strtolower` does),
 * `;` (and `/`, by the rules) as `:`, romanized and deaccented by DokuWiki's own tables, its special
 * characters (punctuation and symbols, listed below; letters and marks of every script are kept) and `*` as
 * `_`, then no repeated `_` or `:` and no `.`, `_` or `-` next to a `:` or at either end.
 */
export function cleanId(raw: string, rules: IdRules): PageId | '' {
  let id = raw.replace(PHP_TRIM, '').toLowerCase().normalize('NFC');
  id = id.replaceAll(';', NAMESPACE_SEPARATOR).replaceAll('/', rules.slashSeparatesNamespaces ? NAMESPACE_SEPARATOR : '_');
  if (rules.romanize) id = rules.romanize(id);
  if (rules.deaccent) id = id.replace(ACCENTED, (letter) => LOWER_ACCENTS[letter] ?? letter);
  return id
    .replace(SPECIALS, '_')
    .replace(/_+/g, '_')
    .replace(/:+/g, NAMESPACE_SEPARATOR)
    .replace(/^[:._-]+|[:._-]+$/g, '')
    .replace(/:[:._-]+/g, NAMESPACE_SEPARATOR)
    .replace(/[:._-]+:/g, NAMESPACE_SEPARATOR) as PageId | '';
}

/** PHP's `trim()` removes only these, not every Unicode space. */
const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

/** DokuWiki's inc/Utf8/tables/loweraccents.php: lower-case accented letters and their ASCII spelling. */
const LOWER_ACCENTS: Readonly<Record<string, string>> = {
  á: 'a',
  à: 'a',
  ă: 'a',
  â: 'a',
  å: 'a',
  ä: 'ae',
  ã: 'a',
  ą: 'a',
  ā: 'a',
  æ: 'ae',
  ḃ: 'b',
  ć: 'c',
  ĉ: 'c',
  č: 'c',
  ċ: 'c',
  ç: 'c',
  ď: 'd',
  ḋ: 'd',
  đ: 'd',
  ð: 'dh',
  é: 'e',
  è: 'e',
  ĕ: 'e',
  ê: 'e',
  ě: 'e',
  ë: 'e',
  ė: 'e',
  ę: 'e',
  ē: 'e',
  ḟ: 'f',
  ƒ: 'f',
  ğ: 'g',
  ĝ: 'g',
  ġ: 'g',
  ģ: 'g',
  ĥ: 'h',
  ħ: 'h',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  ĩ: 'i',
  į: 'i',
  ī: 'i',
  ı: 'i',
  ĵ: 'j',
  ķ: 'k',
  ĺ: 'l',
  ľ: 'l',
  ļ: 'l',
  ł: 'l',
  ṁ: 'm',
  ń: 'n',
  ň: 'n',
  ñ: 'n',
  ņ: 'n',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  ö: 'oe',
  ő: 'o',
  õ: 'o',
  ø: 'o',
  ō: 'o',
  ơ: 'o',
  ṗ: 'p',
  ŕ: 'r',
  ř: 'r',
  ŗ: 'r',
  ś: 's',
  ŝ: 's',
  š: 's',
  ṡ: 's',
  ş: 's',
  ș: 's',
  ß: 'ss',
  ť: 't',
  ṫ: 't',
  ţ: 't',
  ț: 't',
  ŧ: 't',
  ú: 'u',
  ù: 'u',
  ŭ: 'u',
  û: 'u',
  ů: 'u',
  ü: 'ue',
  ű: 'u',
  ũ: 'u',
  ų: 'u',
  ū: 'u',
  ư: 'u',
  ẃ: 'w',
  ẁ: 'w',
  ŵ: 'w',
  ẅ: 'w',
  ý: 'y',
  ỳ: 'y',
  ŷ: 'y',
  ÿ: 'y',
  ź: 'z',
  ž: 'z',
  ż: 'z',
  þ: 'th',
  µ: 'u',
};
const ACCENTED = new RegExp(`[${Object.keys(LOWER_ACCENTS).join('')}]`, 'gu');

/**
 * DokuWiki's inc/Utf8/tables/specials.php, as ranges of code points (hexadecimal), with the control characters
 * and `*` that `cleanID()` adds. Each becomes `_`. (The table lists a few UTF-8 byte sequences as if they were
 * code points; beyond U+10FFFF DokuWiki drops them, and so do we, and U+C2A0 is kept as DokuWiki keeps it.)
 */
const SPECIAL_RANGES =
  '1a-29 2b-2c 2f 3b-40 5b-5e 60 7b-bf d7 f7 2c7 2d8-2dd 300-301 303 309 323 384-385 387 5b0-5b9 ' +
  '5bb-5c3 5f3-5f4 60c 61b 61f 640 64b-652 66a e3f 200c-200f 2013-2015 2017-201a 201c-201e ' +
  '2020-2022 2026 2030 2032-2033 2039-203a 2044 20a7 20aa-20ac 2116 2118 2122 2126 2135 2190-2195 ' +
  '21b5 21d0-21d4 2200 2202-2203 2205-2209 220b 220f 2211-2212 2215 2217 2219-221a 221d-221e 2220 ' +
  '2227-222b 2234 223c 2245 2248 2260-2261 2264-2265 2282-2284 2286-2287 2295 2297 22a5 22c5 2310 ' +
  '2320-2321 2329-232a 2469 2500 2502 250c 2510 2514 2518 251c 2524 252c 2534 253c 2550-256c 2580 ' +
  '2584 2588 258c 2590-2593 25a0 25b2 25bc 25c6 25ca 25cf 25d7 2605 260e 261b 261e 2660 2663 ' +
  '2665-2666 2701-2704 2706-2709 270c-2727 2729-274b 274d 274f-2752 2756 2758-275e 2761-2767 277f ' +
  '2789 2793-2794 2798-27af 27b1-27be 3000-3003 3008-3012 3014-301b 3036 c2a0 f6d9-f6db f8d7-f8fe ' +
  'fe7c-fe7d ff01-ff0f ff1a-ff20 ff3b-ff3e ff40 ff5b-ff65 ffe0-ffe6 ffe8-ffee 1d6fc-1d71b';

const SPECIALS = new RegExp(
  `[*\\0-\\x19${SPECIAL_RANGES.split(' ')
    .map((range) =>
      range
        .split('-')
        .map((hex) => `\\u{${hex}}`)
        .join('-'),
    )
    .join('')}]`,
  'gu',
);

/** True when `value` is already a normalised id. */
export function isPageId(value: string): value is PageId {
  return value.length > 0 && normalizeId(value) === value;
}

/** The namespace segments of an id: `a:b:c` → `['a', 'b']`. */
export function namespaceOf(id: PageId): string[] {
  return id.split(NAMESPACE_SEPARATOR).slice(0, -1);
}

/** The last segment of an id: `hardware:ascend_910b` → `ascend_910b`. */
export function baseNameOf(id: PageId): string {
  return id.split(NAMESPACE_SEPARATOR).at(-1) ?? id;
}

/**
 * The id of an article from its path relative to the content folder:
 * `hardware/ascend_910b.mdx` → `hardware:ascend_910b`. Returns '' for a path
 * with no usable name; callers report that as an error.
 */
export function idFromPath(relativePath: string): PageId | '' {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.mdx?$/i, '');
  return normalizeId(withoutExtension.split('/').join(NAMESPACE_SEPARATOR));
}

/** The path, relative to the content folder, where an article with this id lives. */
export function pathForId(id: PageId): string {
  return id.split(NAMESPACE_SEPARATOR).join('/') + ARTICLE_EXTENSION;
}

/** The route parameter of an article (`[...slug]`): `hardware/ascend_910b`. */
export function slugParamForId(id: PageId): string {
  return id.split(NAMESPACE_SEPARATOR).join('/');
}

/** The URL of an article: `/wiki/hardware/ascend_910b/`, segments percent-encoded; the main page's is `/`. */
export function urlForId(id: PageId, section?: string): string {
  const hash = section ? `#${encodeURIComponent(section)}` : '';
  if (id === MAIN_PAGE_ID) return `/${hash}`;
  const path = id.split(NAMESPACE_SEPARATOR).map(encodeURIComponent).join('/');
  return `${WIKI_BASE}${path}/${hash}`;
}

/** The history page of an article: `/special/history/hardware/ascend_910b/`. */
export function historyUrlForId(id: PageId): string {
  return `${HISTORY_BASE}${id.split(NAMESPACE_SEPARATOR).map(encodeURIComponent).join('/')}/`;
}

/** The id of an article from its URL path, or '' when the path is not an article's (`/` is the main page's). */
export function idFromUrl(pathname: string): PageId | '' {
  if (pathname === '/' || pathname === '/index.html') return MAIN_PAGE_ID;
  if (!pathname.startsWith(WIKI_BASE)) return '';
  const rest = pathname.slice(WIKI_BASE.length).replace(/\/(index\.html)?$/, '');
  return normalizeId(rest.split('/').map(decodeURIComponent).join(NAMESPACE_SEPARATOR));
}

/**
 * Resolve DokuWiki's relative link forms against the linking page:
 * `.:sibling` and `..:uncle` are relative to the linking page's namespace,
 * a leading `:` means the root. Everything else is already absolute.
 */
export function absoluteTarget(target: string, from: PageId | undefined): string {
  const trimmed = target.trim();
  if (trimmed.startsWith(':')) return trimmed.slice(1);
  if (!from || !/^\.\.?:/.test(trimmed)) return trimmed;
  const namespace = namespaceOf(from);
  let rest = trimmed;
  while (rest.startsWith('..:') || rest.startsWith('.:')) {
    if (rest.startsWith('..:')) {
      namespace.pop();
      rest = rest.slice(3);
    } else {
      rest = rest.slice(2);
    }
  }
  return [...namespace, rest].join(NAMESPACE_SEPARATOR);
}

/** Where a red link points: the wanted page's entry for the missing id, which says how to create it. */
export function wantedUrlForId(id: PageId): string {
  return `/special/wanted/#${encodeURIComponent(anchorForId(id))}`;
}

/** An HTML id for an entry about a page in a list (wanted pages, all pages). */
export function anchorForId(id: PageId): string {
  return `page-${id.replace(/:/g, '--')}`;
}

/** Where the small prebuilt preview of an article lives: `/previews/hardware/ascend_910b.json`. */
export function previewUrlForId(id: PageId): string {
  return `/previews/${id.split(NAMESPACE_SEPARATOR).map(encodeURIComponent).join('/')}.json`;
}

/**
 * The URL segment of a tag: `High Bandwidth Memory` → `high-bandwidth-memory`; '' when nothing is left.
 * Spellings that differ only in case, accents or punctuation share a segment, except for the signs that make
 * a different topic of a name, which are spelled out: `C++` → `c-plus-plus`, `C#` → `c-sharp`, `R&D` → `r-and-d`.
 */
export function tagSlug(tag: string): string {
  return tag
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The page listing a tag's articles: `/special/tags/hardware/`. */
export function urlForTag(tag: string): string {
  return `/special/tags/${encodeURIComponent(tagSlug(tag))}/`;
}
