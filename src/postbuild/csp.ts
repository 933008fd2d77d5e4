/**
 * The site's Content-Security-Policy. Astro writes it into every page as a
 * `<meta http-equiv="content-security-policy">` (its `security.csp` option,
 * https://docs.astro.build/en/reference/configuration-reference/#securitycsp),
 * hashing the scripts and styles it bundles; this module adds what Astro does
 * not know: the hashes of our own `<script is:inline>` snippets, the directives
 * Pagefind needs (its WebAssembly: `'wasm-unsafe-eval'`), and the `_headers`
 * file for hosts that send headers (Netlify, Cloudflare Pages).
 *
 * No inline script runs unless its hash is listed, and no inline event handler
 * runs at all (there is no `'unsafe-inline'` or `'unsafe-hashes'`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Tokenizer, TokenizerMode } from 'parse5';
import { searchFacts, type SearchFacts } from './search-pages.ts';

/** Directives besides script-src and style-src, which Astro writes. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  // Images in articles may come from other sites; CSS icons are data: URLs.
  "img-src 'self' https: data:",
  // Pagefind fetches its index files from the site.
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Script sources besides hashes: the site's own files, and Pagefind's WebAssembly. */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** Only in the `_headers` file: browsers ignore these in a meta tag. */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'self'"];

/** `sha256-…` of a script or style's text, as CSP writes it. */
export function cspHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The text of each `<script is:inline>` in an Astro component's source, as Astro writes it into the page. */
export function inlineScriptsOfComponent(source: string): string[] {
  return [...source.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
}

/** What the security checks need of a built page: its policy, its inline scripts, its inline event handlers. */
export interface PageScan {
  /** The content of `<meta http-equiv="content-security-policy">`, if any. */
  policy: string | undefined;
  /** The text of each inline `<script>` (without `src`), JSON data blocks left out. */
  inlineScripts: string[];
  /** The names of `on…` attributes, lower-cased. */
  eventHandlers: string[];
  /**
   * What would send the reader elsewhere or run code despite the policy, as the article checks
   * (src/model/unsafe-content.ts) would have reported it: the second line, on what the build wrote.
   */
  unsafe: string[];
  /** The elements that carry a `style` attribute (the policy blocks inline styles). */
  styledElements: string[];
}

/** Elements no page of the wiki writes, which would load or run code. */
const EMBEDDING_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal']);

/** Attributes whose value is an address. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'srcset',
  'imagesrcset',
  'poster',
  'data',
  'xlink:href',
  'background',
  'cite',
  'longdesc',
  'ping',
  'manifest',
  'codebase',
  'usemap',
]);

/** Schemes no address of a page may have; `data:` is allowed for pictures only, as the policy's img-src does. */
const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'file', 'data']);

/** The scheme a browser reads from an attribute value (the tokenizer has decoded character references). */
function schemeOf(url: string): string {
  // No colon, written or percent-encoded: no scheme either way (most addresses of a page, `/wiki/…`).
  if (!url.includes(':') && !/%3a/i.test(url)) return '';
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // Not percent-encoded.
  }
  for (const reading of [url, decoded]) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(reading.replace(/[\u0000-\u0020\u007f]/g, ''))?.[1]?.toLowerCase() ?? '';
    if (UNSAFE_SCHEMES.has(scheme)) return scheme;
  }
  return '';
}

/** The address a `<meta http-equiv="refresh">` sends the reader to: `0; url=/wiki/x/` → `/wiki/x/`. */
function refreshTarget(content: string): string {
  return /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]*)/i.exec(content)?.[1]?.trim() ?? '';
}

/** Problems of one start tag: the page's own parts never have any; content that slipped through would. */
function unsafeInTag(
  name: string,
  attribute: (name: string) => string | undefined,
  attributes: Array<{ name: string; value: string }>,
  inBody: boolean,
): string[] {
  const problems: string[] = [];
  if (EMBEDDING_ELEMENTS.has(name)) problems.push(`a \`<${name}>\` element would load another page or a plugin into this one`);
  if (name === 'base') problems.push('a `<base>` element changes where every link of the page leads');
  if (name === 'meta' && (attribute('http-equiv') ?? '').trim().toLowerCase() === 'refresh') {
    const target = refreshTarget(attribute('content') ?? '');
    if (inBody) problems.push(`a \`<meta http-equiv="refresh">\` in the page's body sends the reader to \`${target}\``);
    else if (!/^\/(?!\/)/.test(target)) problems.push(`a \`<meta http-equiv="refresh">\` sends the reader off the site, to \`${target}\``);
  }
  for (const { name: attributeName, value } of attributes) {
    const lower = attributeName.toLowerCase();
    if (!URL_ATTRIBUTES.has(lower)) continue;
    const addresses = lower.endsWith('srcset') ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
    for (const address of addresses) {
      const scheme = schemeOf(address);
      const picture =
        scheme === 'data' &&
        (name === 'img' || name === 'source') &&
        (lower === 'src' || lower.endsWith('srcset')) &&
        /^\s*data:image\/(png|jpe?g|gif|webp|avif)[;,]/i.test(address);
      if (scheme && !picture) problems.push(`an address \`${scheme}:…\` in \`${attributeName}\` of \`<${name}>\` would run script or show unchecked content`);
    }
  }
  const relValue = attribute('rel');
  const targetValue = attribute('target');
  // Most tags have neither: nothing more to read.
  if (relValue === undefined && targetValue === undefined) return problems;
  const rel = (relValue ?? '').toLowerCase().split(/\s+/);
  if (rel.includes('opener')) problems.push(`\`rel="opener"\` on \`<${name}>\` lets the linked site take over this page`);
  const target = (targetValue ?? '').trim().toLowerCase();
  if (target && !['_self', '_top', '_parent'].includes(target) && !rel.includes('noopener')) {
    problems.push(`\`<${name} target="${target}">\` without \`rel="noopener"\` lets the linked site take over this page`);
  }
  return problems;
}

/** Elements whose content a browser reads as text, and how (scripting on, as in a browser). */
const TEXT_MODES: Record<string, number> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** Where a `<style>` element's text ends, as the tokenizer's RAWTEXT state ends it (a carriage return is a line feed to it). */
const STYLE_END = /<\/style[\t\n\f\r />]/gi;
/** Where a `<script>` element's text without `<!--` ends (its script data state). */
const SCRIPT_END = /<\/script[\t\n\f\r />]/gi;

/** The parts of parse5's tokenizer that `skipToEndTag` moves: the text it reads and the index of the last character read. */
interface TokenizerInput {
  preprocessor?: { html?: unknown; pos?: unknown };
}

/**
 * Move `tokenizer`, which has just read a start tag whose text ends at the first match of `end`, to just before that
 * end tag, and give the text passed over (as written, carriage returns and all): the tokenizer would only have read
 * it character by character as text. Every page carries the site's stylesheet, 18 KB of its 47, and 4 KB of scripts
 * (1,000 articles: 52 MB for this check): passed over, the check takes a fifth less time. Leaves the tokenizer
 * where it is, giving undefined, when its insides are not as this expects (it has not just read the tag's `>`),
 * when the element runs to the end of the page, or when `plain` says its text is not read by one rule.
 */
function skipToEndTag(tokenizer: Tokenizer, end: RegExp, plain: (text: string) => boolean = () => true): string | undefined {
  const input = (tokenizer as unknown as TokenizerInput).preprocessor;
  if (typeof input?.html !== 'string' || typeof input.pos !== 'number' || input.html.charCodeAt(input.pos) !== 0x3e) return undefined;
  end.lastIndex = input.pos + 1;
  const found = end.exec(input.html);
  if (!found) return undefined;
  const text = input.html.slice(input.pos + 1, found.index);
  if (!plain(text)) return undefined;
  input.pos = found.index - 1;
  return text;
}

/** The parts of parse5's tokenizer that `PassingTokenizer` changes or reads: two of its states, its input, its run of text. */
interface TokenizerStates {
  preprocessor: { html?: unknown; pos?: unknown };
  runEnd?: unknown;
  _stateData?: unknown;
  _stateAttributeValueDoubleQuoted?: unknown;
}

/** What ends a run of text in the data state: a tag, a character reference, a NUL. */
const TEXT_RUN_END = /[<&\0]/g;
/** What ends a run of a double-quoted attribute value: its quote, a character reference, a NUL, a carriage return. */
const VALUE_RUN_END = /["&\0\r]/g;

/** Where the run that starts after the character `input` just read ends: the first match of `end`, or the page's end. */
function runEnd(input: { html: string; pos: number }, end: RegExp): number {
  end.lastIndex = input.pos + 1;
  return end.exec(input.html)?.index ?? input.html.length;
}

/**
 * parse5's tokenizer, taught to pass over in one step runs of characters that its data state and its double-quoted
 * attribute value state would read one at a time without changing state: the text between tags (which this check
 * does not read: a script's text is read in other states) and the inside of `"…"` values (added to the value as
 * parse5 adds them, a slice of the page). Only characters that cannot end or change either state are passed over;
 * at `<`, `&`, a quote, NUL and carriage return (which the tokenizer reads as a line feed) it reads on one character
 * at a time. A page reads as before, in 40% less time (the 1,051 pages of 1,000 plain articles read once in a fresh
 * process: 0.97–1.03 s → 0.57–0.59 s; the whole check on two threads 1.10–1.12 s → 0.84–0.87 s). tests/unit/csp.test.ts
 * holds the two readings equal over hostile pages and 3,000 random ones. The states are its prototype's, so that
 * every page's tokenizer has the same shape; without the parts expected (another version of parse5), it is
 * parse5's tokenizer as it is.
 */
class PassingTokenizer extends Tokenizer {}

const parse5States = Tokenizer.prototype as unknown as TokenizerStates;
const passingStates = PassingTokenizer.prototype as unknown as TokenizerStates;
const readData = parse5States._stateData;
const readValue = parse5States._stateAttributeValueDoubleQuoted;
if (typeof readData === 'function' && typeof readValue === 'function') {
  passingStates._stateData = function (this: TokenizerStates, cp: number) {
    const input = this.preprocessor;
    // Any other character is text, which the state would emit one at a time and this check does not read.
    if (cp === 0x3c || cp === 0x26 || cp === 0 || cp === -1 || typeof input.html !== 'string' || typeof input.pos !== 'number') {
      readData.call(this, cp);
      return;
    }
    input.pos = runEnd(input as { html: string; pos: number }, TEXT_RUN_END) - 1;
  };
  passingStates._stateAttributeValueDoubleQuoted = function (this: TokenizerStates, cp: number) {
    readValue.call(this, cp);
    const input = this.preprocessor;
    // A plain character just added to the value's run (not a line feed, which may stand for a carriage return).
    if (cp === 0x22 || cp === 0x26 || cp === 0 || cp === -1 || cp === 0x0a || typeof input.html !== 'string' || typeof input.pos !== 'number') return;
    if (this.runEnd !== input.pos + 1) return;
    const end = runEnd(input as { html: string; pos: number }, VALUE_RUN_END);
    this.runEnd = end;
    input.pos = end - 1;
  };
}

/**
 * Read a built page with parse5's tokenizer, as a browser would (so that `<script>` inside an attribute value
 * or a `<textarea>` is text, not a script), without building a tree: a fifth of the time of a full parse.
 * `passOver`: with the tokenizer that passes over plain runs (`PassingTokenizer`); without, for the tests.
 */
export function parsePage(html: string, passOver = true): PageScan {
  const scan: PageScan = { policy: undefined, inlineScripts: [], eventHandlers: [], styledElements: [], unsafe: [] };
  let inBody = false;
  /** The text of the inline script being read, when inside one. */
  let script: string | undefined;
  /** Depth inside `<svg>` or `<math>`, where elements are not switched to text. */
  let foreign = 0;
  const text = (token: { chars: string }) => {
    if (script !== undefined) script += token.chars;
  };
  const tokenizer: Tokenizer = new (passOver ? PassingTokenizer : Tokenizer)(
    { sourceCodeLocationInfo: false },
    {
      onStartTag(token) {
        const attribute = (name: string) => token.attrs.find((a) => a.name === name)?.value;
        for (const { name } of token.attrs) {
          if (/^on[a-z]/i.test(name)) scan.eventHandlers.push(name.toLowerCase());
          else if (name.toLowerCase() === 'style') scan.styledElements.push(token.tagName);
        }
        const name = token.tagName;
        if (name === 'body') inBody = true;
        scan.unsafe.push(...unsafeInTag(name, attribute, token.attrs, inBody));
        if (name === 'svg' || name === 'math') {
          if (!token.selfClosing) foreign++;
          return;
        }
        if (foreign > 0) return;
        if (name === 'meta' && (attribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy') scan.policy ??= attribute('content') ?? '';
        const mode = TEXT_MODES[name];
        if (mode === undefined) return;
        tokenizer.state = mode;
        if (name === 'style') skipToEndTag(tokenizer, STYLE_END);
        else if (name === 'script' && attribute('src') === undefined && !/json/i.test(attribute('type') ?? '')) {
          // Its text as the tokenizer would give it; read by the tokenizer where it has `<!--` (the escaped states).
          const text = skipToEndTag(tokenizer, SCRIPT_END, (text) => !text.includes('<!--'));
          script = text === undefined ? '' : text.replace(/\r\n?/g, '\n').replaceAll('\0', '\uFFFD');
        }
      },
      onEndTag(token) {
        if ((token.tagName === 'svg' || token.tagName === 'math') && foreign > 0) foreign--;
        if (token.tagName === 'script' && script !== undefined) {
          scan.inlineScripts.push(script);
          script = undefined;
        }
      },
      onCharacter: text,
      onWhitespaceCharacter: text,
      onNullCharacter: text,
      onComment() {},
      onDoctype() {},
      onEof() {
        if (script !== undefined) scan.inlineScripts.push(script);
      },
    },
  );
  tokenizer.write(html, true);
  return scan;
}

const scanOf = (html: string | PageScan): PageScan => (typeof html === 'string' ? parsePage(html) : html);

/** The text of each inline `<script>` of a built page (those without `src`), JSON data blocks left out. */
export function inlineScriptsOfPage(html: string | PageScan): string[] {
  return scanOf(html).inlineScripts;
}

/** The policy of a built page's meta tag, or undefined when it has none. */
export function pagePolicy(html: string | PageScan): string | undefined {
  return scanOf(html).policy;
}

/** The sources of one directive of a policy: `script-src` → `['\'self\'', …]`. */
export function directiveSources(policy: string, name: string): string[] {
  for (const directive of policy.split(';')) {
    const [directiveName, ...sources] = directive.trim().split(/\s+/);
    if (directiveName === name) return sources;
  }
  return [];
}

/** Inline event handler attributes (`onclick="…"`) in a built page: the CSP blocks them, so none may be written. */
export function inlineEventHandlers(html: string | PageScan): string[] {
  return scanOf(html).eventHandlers;
}

/** What the article checks should have stopped: found here, the site is not published. */
const unsafeProblem = (problem: string) =>
  `${problem}: the article checks (src/model/unsafe-content.ts) should have refused it; remove it from the article, and report the gap`;

/**
 * What is wrong with a built page's security: no policy, an inline script the
 * policy does not allow (it would not run), an inline event handler, an inline
 * style attribute (it would not apply), or content that would send the reader
 * elsewhere or run code (`PageScan.unsafe`).
 */
export function pageSecurityProblems(html: string | PageScan): string[] {
  const tree = scanOf(html);
  const policy = pagePolicy(tree);
  if (!policy) return ['the page has no Content-Security-Policy meta tag', ...tree.unsafe.map(unsafeProblem)];
  return scanProblems(tree, new Set(directiveSources(policy, 'script-src').map((source) => source.replace(/^'|'$/g, ''))));
}

/**
 * What is wrong with a part of a page's body written after Astro (a history page's body, src/postbuild/history-pages.ts):
 * what `pageSecurityProblems` finds but the policy, since no inline script of such a part is allowed.
 */
export function bodySecurityProblems(html: string): string[] {
  return scanProblems(parsePage(`<body>${html}`), new Set());
}

/** The problems of a page's scan, `allowed` the hashes of the inline scripts its policy allows. */
function scanProblems(tree: PageScan, allowed: ReadonlySet<string>): string[] {
  const problems = inlineScriptsOfPage(tree)
    .filter((script) => !allowed.has(cspHash(script)))
    .map(
      (script) =>
        `an inline script is not allowed by the policy, so browsers will not run it: "${script.trim().slice(0, 60)}…"; load it with \`<script>\` (bundled) or list its component in src/astro/csp-integration.ts`,
    );
  for (const handler of inlineEventHandlers(tree))
    problems.push(`an inline event handler \`${handler}\` is written, and the policy blocks it: attach the handler in a script instead`);
  const styled = tree.styledElements;
  if (styled.length > 0)
    problems.push(
      `${styled.length} inline \`style\` attribute(s) (first on \`<${styled[0]}>\`) are written, and the policy blocks them, so the page would not look as meant: give the element a class of the stylesheet instead`,
    );
  // What the article checks should have stopped: found here, the page is not published.
  problems.push(...tree.unsafe.map(unsafeProblem));
  return problems;
}

/**
 * One policy for the `_headers` file that allows what any page allows: the
 * union of every page's sources per directive, plus header-only directives.
 */
export function sitePolicy(pagePolicies: Iterable<string>): string {
  const directives = new Map<string, Set<string>>();
  for (const policy of pagePolicies) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name) continue;
      const set = directives.get(name) ?? new Set<string>();
      for (const source of sources) set.add(source);
      directives.set(name, set);
    }
  }
  return [...[...directives].map(([name, sources]) => [name, ...sources].join(' ')), ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/** The `_headers` file (https://docs.netlify.com/routing/headers/, also read by Cloudflare Pages). */
export function headersFile(policy: string): string {
  return ['/*', `  Content-Security-Policy: ${policy}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin', ''].join(
    '\n',
  );
}

/**
 * What the check of built pages found: each page's policy (null for a page without one), each problem with its
 * page, and the hash of each page's bytes (what the check's cache keeps its policy under, src/postbuild/security-check.ts).
 */
export interface PagesCheck {
  policies: Array<string | null>;
  problems: string[];
  hashes: string[];
  /** What the search needs of each page (src/postbuild/search-pages.ts), noted while its bytes are read. */
  search: SearchFacts[];
}

/** The hash a checked page is known by. */
export const pageHash = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('base64url');

/** Check the built pages `files` (paths under `outDir`), in order: one tokenizer pass per page serves both checks. */
export function checkPages(files: readonly string[], outDir: string): PagesCheck {
  const check: PagesCheck = { policies: [], problems: [], hashes: [], search: [] };
  for (const file of files) {
    const bytes = readFileSync(file);
    check.hashes.push(pageHash(bytes));
    check.search.push(searchFacts(bytes));
    const page = parsePage(bytes.toString('utf8'));
    check.policies.push(pagePolicy(page) ?? null);
    for (const problem of pageSecurityProblems(page)) check.problems.push(`${relative(outDir, file)}: ${problem}`);
  }
  return check;
}
