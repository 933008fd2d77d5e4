/**
 * DokuWiki's page ids as the importer needs them: how the wiki being imported cleans and resolves ids and
 * section anchors. Cleaning itself is the engine's own id module (`src/model/ids.ts`, DokuWiki's `cleanID()`),
 * given the imported wiki's settings; this module adds DokuWiki's link resolver
 * (inc/File/PageResolver.php: relative links, `ns:` start pages) and its `sectionID()` (inc/pageutils.php).
 * https://www.dokuwiki.org/pagename https://www.dokuwiki.org/namespaces
 */
import { cleanId, NAMESPACE_SEPARATOR, normalizeId, pathForId, type IdRules, type PageId } from '../model/ids.ts';

/**
 * DokuWiki's default settings: `deaccent` 1, `useslash` 0 (so `[[a/b]]` is the page `a_b`). A wiki that
 * changed them is imported with `--deaccent` and `--useslash`.
 */
export const DOKUWIKI_DEFAULT_RULES: IdRules = { slashSeparatesNamespaces: false, deaccent: true };

/** The page a namespace link (`[[ns:]]`) points to; DokuWiki's default `start` page. */
export const START_PAGE = 'start';

/** What resolving a link needs to know about the imported wiki. */
export interface IdContext {
  readonly rules: IdRules;
  /** Whether a page (a cleaned DokuWiki id) is part of the import: `[[ns:]]` depends on it. */
  readonly pageExists: (id: string) => boolean;
}

export const DEFAULT_ID_CONTEXT: IdContext = { rules: DOKUWIKI_DEFAULT_RULES, pageExists: () => false };

/** A DokuWiki id (`wiki:Syntax`) as this wiki's page id: cleaned by DokuWiki's rules, then by the wiki's. */
export function wikiId(raw: string, rules: IdRules = DOKUWIKI_DEFAULT_RULES): PageId | '' {
  return normalizeId(cleanId(raw, rules));
}

/** The namespace of a cleaned id (`wiki:syntax` → `wiki`, `start` → ``), DokuWiki's `getNS()`. */
export function namespaceOf(id: string): string {
  const at = id.lastIndexOf(NAMESPACE_SEPARATOR);
  return at === -1 ? '' : id.slice(0, at);
}

/**
 * Resolve a link target (without its `#section`) against the page that contains it, as DokuWiki's
 * PageResolver does: `page` is relative to the current namespace, `ns:page` and `:page` are absolute,
 * `.:page`, `..:page`, `.page` are relative, `~page` is below the current page, a trailing `:` is the
 * namespace's start page (`ns:start`, else `ns:ns`, else the page `ns`, whichever the import has), and an
 * empty target is the page itself. Returns the cleaned DokuWiki id.
 */
export function resolvePageId(target: string, from: string, context: IdContext = DEFAULT_ID_CONTEXT): string {
  let id = target.trim();
  if (context.rules.slashSeparatesNamespaces) id = id.replaceAll('/', NAMESPACE_SEPARATOR);
  id = id.replaceAll(';', NAMESPACE_SEPARATOR);
  if (id === '') return from;
  id = resolveRelatives(resolvePrefix(id, from));
  if (id.endsWith(NAMESPACE_SEPARATOR)) id = resolveStartPage(id, context);
  return cleanId(id, context.rules);
}

function resolvePrefix(id: string, from: string): string {
  const context = namespaceOf(from);
  let result = id;
  if (result.startsWith('~')) result = `${from}:${result.slice(1)}`;
  if (result.startsWith('.')) result = `${context}:${result.replace(/^((?:\.+:)*)(\.+)(?=[^:.])/, '$1$2:')}`;
  if (from !== '' && !result.includes(NAMESPACE_SEPARATOR)) result = `${context}:${result}`;
  return result;
}

function resolveRelatives(id: string): string {
  const trimmed = id.replace(/\.+$/, '');
  if (trimmed === '') return '';
  const result: string[] = [];
  for (const part of trimmed.split(NAMESPACE_SEPARATOR)) {
    if (part === '..') result.pop();
    else if (part !== '.' && part !== '') result.push(part);
  }
  return result.join(NAMESPACE_SEPARATOR) + (trimmed.endsWith(NAMESPACE_SEPARATOR) ? NAMESPACE_SEPARATOR : '');
}

function resolveStartPage(namespace: string, context: IdContext): string {
  const clean = (raw: string) => cleanId(raw, context.rules);
  const inside = `${namespace}${START_PAGE}`;
  if (context.pageExists(clean(inside))) return inside;
  const named = `${namespace}${clean(namespace).split(NAMESPACE_SEPARATOR).at(-1) ?? ''}`;
  if (context.pageExists(clean(named))) return named;
  const outside = namespace.slice(0, -1);
  if (context.pageExists(clean(outside))) return outside;
  return inside;
}

/**
 * A file's path below `data/pages` or `data/media` as DokuWiki names it. DokuWiki URL-encodes names that are
 * not plain ASCII on disk (`fnencode` `url`, its default: `%E5%8D%8E.txt` is the page `华`); a name written
 * in UTF-8 (`fnencode` `utf-8`) reads the same.
 */
export function decodeFileName(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .split('/')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    })
    .join('/');
}

/** `wiki/syntax.txt` (relative to `data/pages`) → the DokuWiki id `wiki:syntax`. */
export function dokuwikiIdFromPath(relativePath: string, rules: IdRules = DOKUWIKI_DEFAULT_RULES): string {
  const withoutExtension = decodeFileName(relativePath).replace(/\.txt$/i, '');
  return cleanId(withoutExtension.split('/').filter(Boolean).join(NAMESPACE_SEPARATOR), rules);
}

/** Where the article of a page goes, relative to the content folder: `wiki:syntax` → `wiki/syntax.mdx`. */
export function mdxPathForId(id: PageId): string {
  return pathForId(id);
}

/** A media id (`wiki:logo.png`) → its path below the media folder (`wiki/logo.png`). */
export function mediaPathForId(id: string): string {
  return id.split(NAMESPACE_SEPARATOR).join('/');
}

/**
 * DokuWiki's `sectionID()`: the anchor DokuWiki gives a heading (and a `[[#local link]]`): the cleaned title
 * without `:` and `.`, leading digits, `_` and `-` dropped (`section` and the digits when nothing is left).
 * With `used`, the anchors of the page's earlier headings, a repeated one gets a number (`intro1`).
 */
export function sectionId(title: string, rules: IdRules = DOKUWIKI_DEFAULT_RULES, used?: Set<string>): string {
  const cleaned = cleanId(title, rules).replace(/[:.]/g, '');
  const withoutLead = cleaned.replace(/^[0-9_-]+/, '');
  const id = withoutLead === '' ? `section${cleaned.replace(/[^0-9]+/g, '')}` : withoutLead;
  if (used === undefined) return id;
  let candidate = id;
  for (let suffix = 1; used.has(candidate); suffix += 1) candidate = `${id}${suffix}`;
  used.add(candidate);
  return candidate;
}

/**
 * What DokuWiki shows for a link without text (`_simpleTitle()` in inc/parser/renderer.php): the section when
 * one is written, else the page's name without its namespace, or the namespace's name for its start page.
 */
export function dokuwikiLinkName(written: string, slashSeparatesNamespaces: boolean): string {
  const [name = '', hash] = written.trim().replace(/^~+/, '').split('#');
  if (hash !== undefined && hash !== '') return hash;
  const parts =
    name
      .replaceAll(';', ':')
      .replaceAll('/', slashSeparatesNamespaces ? ':' : '/')
      .split('?')[0]
      ?.split(':') ?? [];
  const last = parts.at(-1) ?? '';
  if (last !== '' && last !== START_PAGE) return last;
  return parts.at(-2) || START_PAGE;
}
