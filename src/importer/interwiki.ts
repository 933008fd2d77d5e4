/**
 * Interwiki shortcuts (`[[wp>Wiki]]`): DokuWiki's default `conf/interwiki.conf`, the ones that point outside.
 * https://www.dokuwiki.org/interwiki
 *
 * In a URL template, `{URL}` is replaced by the URL-encoded name and `{NAME}` by the name with only unsafe
 * characters encoded; a template without either gets the encoded name appended, as in DokuWiki.
 */
export type InterwikiMap = Readonly<Record<string, string>>;

export const DEFAULT_INTERWIKI: InterwikiMap = {
  wp: 'https://en.wikipedia.org/wiki/{NAME}',
  wpfr: 'https://fr.wikipedia.org/wiki/{NAME}',
  wpde: 'https://de.wikipedia.org/wiki/{NAME}',
  wpes: 'https://es.wikipedia.org/wiki/{NAME}',
  wppl: 'https://pl.wikipedia.org/wiki/{NAME}',
  wpjp: 'https://ja.wikipedia.org/wiki/{NAME}',
  wpru: 'https://ru.wikipedia.org/wiki/{NAME}',
  wpmeta: 'https://meta.wikimedia.org/wiki/{NAME}',
  doku: 'https://www.dokuwiki.org/',
  rfc: 'https://tools.ietf.org/html/rfc',
  man: 'https://man.cx/',
  google: 'https://www.google.com/search?q=',
  'google.de': 'https://www.google.de/search?q=',
  go: 'https://www.google.com/search?q={URL}&btnI=lucky',
  phpfn: 'https://secure.php.net/{NAME}',
  amazon: 'https://www.amazon.com/dp/{URL}',
  paypal: 'https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&business=',
  github: 'https://github.com/{NAME}',
};

export interface InterwikiLink {
  readonly shortcut: string;
  readonly name: string;
  /** null when the shortcut is not in the map. */
  readonly url: string | null;
}

/** `wp>Wiki` → the Wikipedia URL. The part before `>` is matched case-insensitively. */
export function resolveInterwiki(target: string, map: InterwikiMap = DEFAULT_INTERWIKI): InterwikiLink {
  const at = target.indexOf('>');
  const shortcut = target.slice(0, at).trim().toLowerCase();
  const name = target.slice(at + 1).trim();
  const template = Object.hasOwn(map, shortcut) ? map[shortcut] : undefined;
  if (template === undefined) return { shortcut, name, url: null };
  const [page, hash] = splitHash(name);
  const encodedName = encodeURIComponent(page).replace(/%2F/gi, '/').replace(/%3A/gi, ':');
  let url: string;
  if (template.includes('{URL}')) url = template.replaceAll('{URL}', encodeURIComponent(page));
  else if (template.includes('{NAME}')) url = template.replaceAll('{NAME}', encodedName);
  else url = template + encodedName;
  return { shortcut, name, url: hash === null ? url : `${url}#${encodeURIComponent(hash)}` };
}

function splitHash(name: string): [string, string | null] {
  const at = name.indexOf('#');
  return at === -1 ? [name, null] : [name.slice(0, at), name.slice(at + 1)];
}
