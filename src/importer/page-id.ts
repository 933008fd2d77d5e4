/**
 * DokuWiki page ids, the one place that turns them into paths and back.
 *
 * A page id is `namespace:sub:page` (lower case, `_` for spaces), stored as `data/pages/namespace/sub/page.txt`
 * in DokuWiki and written as `content/namespace/sub/page.mdx` here. Rules follow DokuWiki's `cleanID()` and
 * its page resolver: https://www.dokuwiki.org/pagename and https://www.dokuwiki.org/namespaces
 */
import { slug } from 'github-slugger';

/** A cleaned DokuWiki page id such as `wiki:syntax`. Only the functions in this module make one. */
export type PageId = string & { readonly __brand: 'PageId' };

/** The page a namespace link (`[[ns:]]`) points to; DokuWiki's default `start` page. */
export const START_PAGE = 'start';

/**
 * DokuWiki's `cleanID()`: lower case, accents removed, whitespace and characters outside `[a-z0-9_.-]` as `_`,
 * `/` and `;` as namespace separators, no empty namespaces, no separators at either end of a part.
 */
export function cleanId(raw: string): PageId {
  const parts = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[/;]/g, ':')
    .split(':')
    .map(cleanPart)
    .filter((part) => part !== '');
  return parts.join(':') as PageId;
}

function cleanPart(part: string): string {
  return part
    .replace(/[^\p{L}\p{N}_.-]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '');
}

/** The namespace of a page id (`wiki:syntax` → `wiki`, `start` → ``). */
export function namespaceOf(id: PageId): string {
  const at = id.lastIndexOf(':');
  return at === -1 ? '' : id.slice(0, at);
}

/**
 * Resolve a link target against the page that contains it, the way DokuWiki does:
 * `page` is relative to the current namespace, `ns:page` and `:page` are absolute, `.:page`, `..:page` and
 * `.page` are relative, a trailing `:` links to the namespace's start page, and an empty target is the page
 * itself (`[[#section]]`).
 */
export function resolvePageId(target: string, from: PageId): PageId {
  let raw = target.trim().replace(/[/;]/g, ':');
  if (raw === '') return from;
  const namespaceLink = raw.endsWith(':');
  const context = namespaceOf(from);
  if (raw.startsWith('.')) {
    raw = `${context}:${raw}`;
  } else if (raw.startsWith(':')) {
    raw = raw.slice(1);
  } else if (!raw.includes(':')) {
    raw = `${context}:${raw}`;
  }
  const resolved: string[] = [];
  for (const part of raw.split(':')) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part.replace(/^\.+/, ''));
  }
  if (namespaceLink) resolved.push(START_PAGE);
  const id = cleanId(resolved.join(':'));
  return id === '' ? cleanId(START_PAGE) : id;
}

/** `wiki/syntax.txt` (relative to `data/pages`) → `wiki:syntax`. */
export function pageIdFromPath(relativePath: string): PageId {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.txt$/i, '');
  return cleanId(withoutExtension.split('/').filter(Boolean).join(':'));
}

/** `wiki:syntax` → `wiki/syntax.mdx` (relative to the content folder). */
export function mdxPathForId(id: PageId): string {
  return `${id.split(':').join('/')}.mdx`;
}

/** A media id (`wiki:logo.png`) → its path below the media folder (`wiki/logo.png`). */
export function mediaPathForId(id: PageId): string {
  return id.split(':').join('/');
}

/**
 * A DokuWiki section anchor (`[[page#Some section]]`, usually written `some_section`) as the slug the site gives
 * the heading (github-slugger, as rehype-slug does), so that `#some-section` finds it.
 */
export function sectionSlug(section: string): string {
  return slug(section.trim().replace(/_+/g, ' '));
}
