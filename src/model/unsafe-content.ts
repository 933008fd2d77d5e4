/**
 * Content that would run script in a reader's browser, send the reader elsewhere, or put unchecked HTML in
 * the page: `javascript:` and `data:` addresses (in any case or encoding), `<script>`, `<meta>`, `<base>` and
 * other elements that load code or change how the page behaves, inline event handlers such as `onClick`,
 * attributes that write their value into the page as HTML (Astro's `set:html`), and links that open a window
 * whose site could take over the page (`target="_blank"` without `noopener`, `rel="opener"`). Each is a build error
 * with file, line and fix. Pure: tree in, diagnostics out.
 *
 * HTML reaches an article's page only through the tree read here: JSX elements (MDX has no raw HTML), the
 * JSX inside `{expressions}` and `import`/`export` blocks (read from the JavaScript tree MDX gives each of
 * them), Markdown links and images, and footnotes (part of the tree). BibTeX entries are checked where they
 * are read (references-index.ts). The check of the built pages (src/postbuild/csp.ts) is the second line.
 */
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Node as EstreeNode, Program } from 'estree-jsx';
import { visit as visitEstree } from 'estree-util-visit';
import { parseEntities } from 'parse-entities';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from './diagnostics.ts';
import { isHtmlElementName } from './mdx-features.ts';

/** Schemes that make a link run code or show a document the wiki did not write. */
const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file']);

/** Elements that load or run code, send the reader elsewhere, or change how the whole page behaves; and why. */
const UNSAFE_ELEMENTS = new Map<string, string>([
  ...['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'svg', 'math', 'style', 'link'].map((name): [string, string] => [
    name,
    "since it could run or load code in the reader's browser",
  ]),
  ['meta', 'since it could send the reader to another site (`http-equiv="refresh"`) or change how the page is read'],
  ['base', 'since it would change where every link of the page leads'],
  ['form', 'since it could send what the reader types to another site'],
  ['plaintext', 'since it would turn the rest of the page into text'],
]);

/** Attributes whose value is an address. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'srcset',
  'imagesrcset',
  'data',
  'background',
  'cite',
  'longdesc',
  'usemap',
  'ping',
  'manifest',
  'codebase',
  'archive',
  'lowsrc',
  'dynsrc',
  'icon',
  'profile',
]);

/**
 * Attributes that write their value into the page as HTML, unchecked: Astro's directives (`set:html`,
 * `is:raw`, …, https://docs.astro.build/en/reference/directives-reference/) and the DOM's and React's names for it.
 */
const RAW_HTML_ATTRIBUTE = /^(set|is|define|client|server|transition):|^(dangerouslysetinnerhtml|innerhtml|outerhtml|srcdoc)$/i;

/** `target` values that keep the link in the reader's own window. */
const SAME_WINDOW_TARGETS = new Set(['', '_self', '_top', '_parent']);

/** The scheme a browser would read from an address as written (already free of character references), lower case. */
function schemeOf(url: string): string {
  // Browsers drop control characters and spaces before the scheme and tabs and newlines inside it
  // (https://url.spec.whatwg.org/#concept-basic-url-parser), so `java\tscript:` is still `javascript:`.
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match?.[1]?.toLowerCase() ?? '';
}

function percentDecoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * The scheme of `url`, lower case, or '' for a relative address. The address is read as written, with
 * character references decoded (`&#106;avascript:`, `&colon;`) and with percent-escapes decoded
 * (`%6Aavascript:`): whichever reading finds an unsafe scheme wins, so no encoding hides one.
 */
export function urlScheme(url: string): string {
  const decoded = url.includes('&') ? parseEntities(url) : url;
  const readings = [url, decoded, ...(decoded.includes('%') ? [percentDecoded(url), percentDecoded(decoded)] : [])].map(schemeOf);
  return readings.find((scheme) => UNSAFE_SCHEMES.has(scheme)) ?? readings[0] ?? '';
}

export function isUnsafeUrl(url: string): boolean {
  return UNSAFE_SCHEMES.has(urlScheme(url));
}

/** The addresses of an attribute value: one, or each candidate of a `srcset`. */
function addressesOf(attribute: string, value: string): string[] {
  if (!/srcset$/i.test(attribute)) return [value];
  return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
}

const URL_FIX = 'link to a web address (`https://…`), a wiki page (`[[page]]`) or a section (`#section`) instead';

/** An element as written, in JSX of the article or inside one of its `{expressions}`. */
interface ElementUse {
  name: string;
  line: number;
  column: number;
  /** Each attribute: its value as text, `null` when written without a value, `undefined` when an expression. */
  attributes: Array<{ name: string; value: string | null | undefined }>;
  /** `{...spread}` attributes. */
  spreads: number;
}

function elementProblems(element: ElementUse): string[] {
  const problems: string[] = [];
  const tag = `<${element.name}>`;
  const reason = UNSAFE_ELEMENTS.get(element.name.toLowerCase());
  if (reason) {
    problems.push(
      `\`${tag}\` is not allowed in an article, ${reason}: remove it (to show the tag as text, write \`\\<${element.name}>\` or put it in \`code\`)`,
    );
  }
  if (element.spreads > 0) problems.push(`\`{…}\` spread attributes are not allowed on \`${tag}\`: write each attribute as \`name="value"\``);
  const attribute = (name: string) => element.attributes.find((a) => a.name.toLowerCase() === name);
  for (const { name, value } of element.attributes) {
    const lower = name.toLowerCase();
    if (/^on/.test(lower)) {
      problems.push(`the event handler \`${name}\` on \`${tag}\` would run script in the reader's browser: remove it`);
    } else if (RAW_HTML_ATTRIBUTE.test(lower)) {
      problems.push(
        `\`${name}\` on \`${tag}\` writes its value into the page unchecked, where it could run script or send the reader to another site: remove it, and write the content as Markdown or JSX, which the build checks`,
      );
    } else if (URL_ATTRIBUTES.has(lower)) {
      if (value === undefined) {
        // A component's props are its code's to use (full MDX only: trust.ts); an element's address is the page's.
        if (isHtmlElementName(element.name))
          problems.push(`\`${name}\` on \`${tag}\` must be written as text, \`${name}="https://…"\`, so that the build can check it`);
        continue;
      }
      const unsafe = addressesOf(lower, value ?? '').find(isUnsafeUrl);
      if (unsafe !== undefined)
        problems.push(`the address \`${urlScheme(unsafe)}:…\` in \`${name}\` would run script or show unchecked content in the reader's browser: ${URL_FIX}`);
    } else if (lower === 'rel' && /(^|\s)opener(\s|$)/i.test(value ?? '')) {
      problems.push(
        `\`rel="opener"\` on \`${tag}\` lets the linked site take over this page (reverse tabnabbing): remove \`opener\` (links to other sites get \`rel="noopener noreferrer"\`)`,
      );
    }
  }
  const target = attribute('target');
  if (target && (target.value === undefined || !SAME_WINDOW_TARGETS.has((target.value ?? '').trim().toLowerCase()))) {
    const rel = attribute('rel');
    if (rel?.value === undefined || !/(^|\s)noopener(\s|$)/i.test(rel.value ?? '')) {
      problems.push(
        `\`target\` on \`${tag}\` opens a new tab whose site could take over this page (reverse tabnabbing): add \`rel="noopener noreferrer"\`, or write the link in Markdown, \`[text](https://…)\``,
      );
    }
  }
  return problems;
}

function fromMdxJsx(node: MdxJsxFlowElement | MdxJsxTextElement): ElementUse {
  const attributes = node.attributes.filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute');
  return {
    name: node.name ?? '',
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
    attributes: attributes.map((a) => ({ name: a.name, value: typeof a.value === 'string' || a.value === null ? a.value : undefined })),
    spreads: node.attributes.length - attributes.length,
  };
}

/** The name of a JSX element in JavaScript: `a`, `svg:rect`, `Foo.Bar`. */
function jsxName(name: EstreeNode): string {
  if (name.type === 'JSXIdentifier') return name.name;
  if (name.type === 'JSXNamespacedName') return `${name.namespace.name}:${name.name.name}`;
  if (name.type === 'JSXMemberExpression') return `${jsxName(name.object)}.${name.property.name}`;
  return '';
}

/** Every JSX element of a JavaScript tree (`{<a href="…">}`, `export const X = () => <iframe />`). */
function elementsInEstree(program: Program): ElementUse[] {
  const found: ElementUse[] = [];
  visitEstree(program, (node) => {
    if (node.type !== 'JSXOpeningElement') return;
    const attributes: ElementUse['attributes'] = [];
    let spreads = 0;
    for (const attribute of node.attributes) {
      if (attribute.type === 'JSXSpreadAttribute') {
        spreads++;
        continue;
      }
      const value = attribute.value;
      attributes.push({
        name: jsxName(attribute.name),
        value: value === null ? null : value.type === 'Literal' && typeof value.value === 'string' ? value.value : undefined,
      });
    }
    found.push({ name: jsxName(node.name), line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1, attributes, spreads });
  });
  return found;
}

/** The JavaScript trees MDX gives a node: of an expression or `import`/`export` block, or of an element's attribute expressions. */
function estreesOf(node: Node): Program[] {
  const own = (node.data as { estree?: Program } | undefined)?.estree;
  const programs = own ? [own] : [];
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    for (const attribute of (node as MdxJsxFlowElement).attributes as Array<MdxJsxAttribute | MdxJsxExpressionAttribute>) {
      const value = attribute.type === 'mdxJsxExpressionAttribute' ? attribute : attribute.value;
      const estree = value && typeof value === 'object' ? value.data?.estree : undefined;
      if (estree) programs.push(estree);
    }
  }
  return programs;
}

export function unsafeContentDiagnostics(tree: Root, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, column: number, message: string) => diagnostics.push({ severity: 'error', file, line, column, message });
  const reportAt = (node: Node, message: string) => report(node.position?.start.line ?? 1, node.position?.start.column ?? 1, message);
  const reportElement = (element: ElementUse) => {
    for (const problem of elementProblems(element)) report(element.line, element.column, problem);
  };

  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      if (isUnsafeUrl(node.url))
        reportAt(node, `the address \`${urlScheme(node.url)}:…\` would run script or show unchecked content in the reader's browser: ${URL_FIX}`);
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') reportElement(fromMdxJsx(node));
    for (const program of estreesOf(node)) elementsInEstree(program).forEach(reportElement);
  });
  return diagnostics;
}
