/**
 * Readable, stable names for footnotes: `((…))` becomes `[^name]`, and identical footnotes share one name.
 *
 * The name comes from what a reader would call the source. For a footnote that starts with a link: the part
 * of the link text before ` - ` (`Interconnects - Notes from …` → `interconnects`), as a citation key when it
 * names authors (`Narayanan et al. - … (2021)` → `narayanan2021`), else the link's domain
 * (`www.nvidia.com` → `nvidia`). For any other footnote: its first words, small words left out
 * (`This is a footnote` → `footnote`). A name already taken by another footnote gets `-2`, `-3`, ….
 */
import type { Inline } from './types.ts';

const MAX_WORDS = 3;
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'see',
  'that',
  'the',
  'this',
  'to',
  'was',
  'with',
]);

export class FootnoteNames {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The name for a footnote, and whether this is its first citation (its definition is to be written). */
  nameFor(source: string, children: readonly Inline[]): { name: string; first: boolean } {
    const key = footnoteKey(source);
    const existing = this.byKey.get(key);
    if (existing !== undefined) return { name: existing, first: false };
    const base = footnoteBaseName(children);
    let name = base;
    for (let suffix = 2; this.taken.has(name); suffix += 1) name = `${base}-${suffix}`;
    this.byKey.set(key, name);
    this.taken.add(name);
    return { name, first: true };
  }
}

/** Footnotes are the same when their markup is, whitespace aside. */
export function footnoteKey(source: string): string {
  return source.trim().replace(/\s+/g, ' ');
}

export function footnoteBaseName(children: readonly Inline[]): string {
  const link = leadingLink(children);
  if (link !== null) {
    const fromTitle = link.title === null ? '' : nameFromSource(link.title);
    if (fromTitle !== '') return fromTitle;
    const fromDomain = domainName(link.target);
    if (fromDomain !== '') return fromDomain;
  }
  const fromText = nameFromText(plainText(children));
  return fromText === '' ? 'note' : fromText;
}

/** The link a footnote starts with (white space and formatting around it aside), if it does. */
function leadingLink(children: readonly Inline[]): { title: string | null; target: string } | null {
  for (const child of children) {
    if (child.type === 'text' && child.value.trim() === '') continue;
    if (child.type === 'link') return { title: child.title, target: child.target };
    if (child.type === 'url') return { title: null, target: child.url };
    if (child.type === 'formatting') return leadingLink(child.children);
    return null;
  }
  return null;
}

/** `Author et al. - Title (2021)` → `author2021`; `Source - Title` → `source`. */
function nameFromSource(title: string): string {
  const at = title.indexOf(' - ');
  const source = at === -1 ? title : title.slice(0, at);
  if (/\bet al\b/i.test(source)) {
    const surname = slugify(source).split('-')[0] ?? '';
    const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(title)?.[1] ?? '';
    if (surname !== '') return `${surname}${year}`;
  }
  return nameFromText(source);
}

function plainText(children: readonly Inline[]): string {
  return children
    .map((child) => {
      switch (child.type) {
        case 'text':
          return child.value;
        case 'formatting':
          return plainText(child.children);
        case 'url':
          return child.text;
        case 'email':
          return child.address;
        default:
          return ' ';
      }
    })
    .join('');
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bet al\b\.?/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function nameFromText(text: string): string {
  const words = slugify(text).split('-').filter(Boolean);
  const meaningful = words.filter((word) => !SMALL_WORDS.has(word));
  return (meaningful.length > 0 ? meaningful : words).slice(0, MAX_WORDS).join('-');
}

/** `https://www.nvidia.com/en-us/…` → `nvidia`; `arxiv.org` → `arxiv`. */
function domainName(target: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(target.trim());
  if (match?.[1] === undefined) return '';
  const labels = match[1]
    .toLowerCase()
    .split('.')
    .filter((label) => label !== 'www');
  const name = labels.length > 1 ? labels[labels.length - 2] : labels[0];
  return slugify(name ?? '');
}
