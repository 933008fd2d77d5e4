/**
 * Interwiki shortcuts (`[[wp>Wiki]]`, `[[user>jane]]`): DokuWiki's default conf/interwiki.conf, the `this`
 * shortcut inc/confutils.php adds, and a wiki's own conf/interwiki.local.conf when the import is given it.
 * https://www.dokuwiki.org/interwiki
 *
 * URL templates are filled as DokuWiki's renderer does (`_resolveInterWiki` in inc/parser/renderer.php):
 * `{URL}` is the URL-encoded name, `{NAME}` the name with only `[\]^`{|}#%` encoded, `{SCHEME}`, `{HOST}`,
 * `{PORT}`, `{PATH}` and `{QUERY}` parts of the name read as a URL; a template without placeholders gets the
 * encoded name appended. A template starting with `:` names a page of the wiki itself (`user` → `:user:{NAME}`).
 */
export type InterwikiMap = Readonly<Record<string, string>>;

/** conf/interwiki.conf of DokuWiki (commit 24c6a7e0), `&amp;` read as `&`. */
export const DEFAULT_INTERWIKI: InterwikiMap = {
  wp: 'https://en.wikipedia.org/wiki/{NAME}',
  wpfr: 'https://fr.wikipedia.org/wiki/{NAME}',
  wpde: 'https://de.wikipedia.org/wiki/{NAME}',
  wpes: 'https://es.wikipedia.org/wiki/{NAME}',
  wppl: 'https://pl.wikipedia.org/wiki/{NAME}',
  wpjp: 'https://ja.wikipedia.org/wiki/{NAME}',
  wpru: 'https://ru.wikipedia.org/wiki/{NAME}',
  wpmeta: 'https://meta.wikipedia.org/wiki/{NAME}',
  doku: 'https://www.dokuwiki.org/',
  rfc: 'https://tools.ietf.org/html/rfc',
  man: 'http://man.cx/',
  amazon: 'https://www.amazon.com/dp/{URL}?tag=splitbrain-20',
  'amazon.de': 'https://www.amazon.de/dp/{URL}?tag=splitbrain-21',
  'amazon.uk': 'https://www.amazon.co.uk/dp/{URL}',
  paypal: 'https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&business=',
  phpfn: 'https://secure.php.net/{NAME}',
  skype: 'skype:{NAME}',
  google: 'https://www.google.com/search?q=',
  'google.de': 'https://www.google.de/search?q=',
  go: 'https://www.google.com/search?q={URL}&btnI=lucky',
  user: ':user:{NAME}',
  callto: 'callto://{NAME}',
  tel: 'tel:{NAME}',
  // inc/confutils.php adds `this`: the wiki's own base URL. The articles replace that wiki, so its paths are
  // kept relative to this site's root.
  this: '/{NAME}',
};

/**
 * A DokuWiki interwiki conf file (`shortcut  template` a line, `#` comments) as a map, `&amp;` read as `&`
 * (the conf files hold HTML-escaped URLs). Lines that are not `shortcut template` are returned as errors.
 */
export function parseInterwikiConf(text: string): { map: InterwikiMap; errors: string[] } {
  const map: Record<string, string> = {};
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const match = /^(\S+)\s+(\S+)$/.exec(line);
    if (match?.[1] === undefined || match[2] === undefined) {
      errors.push(`line ${index + 1}: expected "shortcut  URL template", found "${raw.trim()}"`);
      return;
    }
    map[match[1].toLowerCase()] = match[2].replaceAll('&amp;', '&');
  });
  return { map, errors };
}

export type InterwikiLink =
  | { readonly kind: 'url'; readonly shortcut: string; readonly name: string; readonly url: string }
  /** A page of the wiki itself, e.g. `[[user>jane]]` → `user:jane`, with the `#section` written, if any. */
  | { readonly kind: 'page'; readonly shortcut: string; readonly name: string; readonly page: string; readonly section: string | null }
  | { readonly kind: 'unknown'; readonly shortcut: string; readonly name: string };

/** PHP's `rawurlencode()`: everything but letters, digits and `-_.~`. */
function rawUrlEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `wp>Wiki` → the Wikipedia URL. The part before `>` is matched case-insensitively. */
export function resolveInterwiki(target: string, map: InterwikiMap = DEFAULT_INTERWIKI): InterwikiLink {
  const at = target.indexOf('>');
  const shortcut = target.slice(0, at).trim().toLowerCase();
  const written = target.slice(at + 1).trim();
  const template = Object.hasOwn(map, shortcut) ? map[shortcut] : undefined;
  if (template === undefined) return { kind: 'unknown', shortcut, name: written };
  const hashAt = written.lastIndexOf('#');
  const name = hashAt === -1 ? written : written.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : written.slice(hashAt + 1);
  let url: string;
  if (/\{(URL|NAME|SCHEME|HOST|PORT|PATH|QUERY)\}/.test(template)) {
    url = template.replaceAll('{URL}', rawUrlEncode(name));
    url = url.replaceAll('{NAME}', url.startsWith(':') ? name : name.replace(/[[\\\]^`{|}#%]/g, (char) => rawUrlEncode(char)));
    const parts = urlParts(name);
    url = url
      .replaceAll('{SCHEME}', parts.scheme)
      .replaceAll('{HOST}', parts.host)
      .replaceAll('{PORT}', parts.port)
      .replaceAll('{PATH}', parts.path)
      .replaceAll('{QUERY}', parts.query);
  } else {
    url = template + rawUrlEncode(name);
  }
  if (url.startsWith(':')) {
    return { kind: 'page', shortcut, name: written, page: url.split('?')[0] ?? url, section: hash === '' ? null : hash };
  }
  // DokuWiki leaves spaces of {NAME} for the browser to encode; a Markdown link needs them encoded.
  const encoded = url.replaceAll(' ', '%20');
  return { kind: 'url', shortcut, name: written, url: hash === '' ? encoded : `${encoded}#${rawUrlEncode(hash)}` };
}

function urlParts(name: string): { scheme: string; host: string; port: string; path: string; query: string } {
  try {
    const url = new URL(name);
    return {
      scheme: url.protocol.replace(/:$/, ''),
      host: url.hostname,
      port: url.port === '' ? '80' : url.port,
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
    };
  } catch {
    return { scheme: '', host: '', port: '80', path: name.split('?')[0] ?? '', query: name.split('?')[1] ?? '' };
  }
}
