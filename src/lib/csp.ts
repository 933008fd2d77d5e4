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
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

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

/** A built page, parsed as a browser would (so that `<script>` inside an attribute value is text, not a script). */
export function parsePage(html: string): HastRoot {
  return fromHtml(html);
}

function elements(tree: HastRoot): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    found.push(node);
  });
  return found;
}

const textOf = (element: Element): string => element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');

/** The text of each inline `<script>` of a built page (those without `src`), JSON data blocks left out. */
export function inlineScriptsOfPage(html: string | HastRoot): string[] {
  const tree = typeof html === 'string' ? parsePage(html) : html;
  return elements(tree)
    .filter((element) => element.tagName === 'script' && element.properties.src === undefined && !/json/i.test(String(element.properties.type ?? '')))
    .map(textOf);
}

/** The policy of a built page's meta tag, or undefined when it has none. */
export function pagePolicy(html: string | HastRoot): string | undefined {
  const tree = typeof html === 'string' ? parsePage(html) : html;
  const meta = elements(tree).find((element) => element.tagName === 'meta' && String(element.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy');
  return meta ? String(meta.properties.content ?? '') : undefined;
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
export function inlineEventHandlers(html: string | HastRoot): string[] {
  const tree = typeof html === 'string' ? parsePage(html) : html;
  return elements(tree).flatMap((element) => Object.keys(element.properties).filter((name) => /^on[a-z]/i.test(name)).map((name) => name.toLowerCase()));
}

/**
 * What is wrong with a built page's security: no policy, an inline script the
 * policy does not allow (it would not run), or an inline event handler.
 */
export function pageSecurityProblems(html: string | HastRoot): string[] {
  const tree = typeof html === 'string' ? parsePage(html) : html;
  const policy = pagePolicy(tree);
  if (!policy) return ['the page has no Content-Security-Policy meta tag'];
  const allowed = new Set(directiveSources(policy, 'script-src').map((source) => source.replace(/^'|'$/g, '')));
  const problems = inlineScriptsOfPage(tree)
    .filter((script) => !allowed.has(cspHash(script)))
    .map((script) => `an inline script is not allowed by the policy, so browsers will not run it: "${script.trim().slice(0, 60)}…"; load it with \`<script>\` (bundled) or list its component in src/integrations/csp.ts`);
  for (const handler of inlineEventHandlers(tree)) problems.push(`an inline event handler \`${handler}\` is written, and the policy blocks it: attach the handler in a script instead`);
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
  return ['/*', `  Content-Security-Policy: ${policy}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin', ''].join('\n');
}
