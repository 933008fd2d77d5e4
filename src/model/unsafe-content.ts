/**
 * Content that would run script in a reader's browser: `javascript:` and
 * `data:` addresses, `<script>` and other embedding elements, and inline
 * event handlers such as `onClick`. Articles are reviewed like code, but a
 * pasted link or snippet must not turn into script on the published site, so
 * each is a build error with file, line and fix. Pure: tree in, diagnostics out.
 * The Content-Security-Policy (src/postbuild/csp.ts) is the second line of defence.
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from './diagnostics.ts';

/** Schemes that make a link run code or show a document the wiki did not write. */
const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file']);

/** Elements that load or run code, or change how every link on the page resolves. */
const UNSAFE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link', 'style', 'form', 'svg', 'math']);

/** Attributes whose value is an address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data']);

/**
 * The scheme a browser would read from `url`, lower case, or '' for a
 * relative address. Browsers drop control characters and spaces before the
 * scheme and tabs and newlines inside it (https://url.spec.whatwg.org/#concept-basic-url-parser),
 * so `java\tscript:` is still `javascript:`.
 */
export function urlScheme(url: string): string {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match?.[1]?.toLowerCase() ?? '';
}

export function isUnsafeUrl(url: string): boolean {
  return UNSAFE_SCHEMES.has(urlScheme(url));
}

const URL_FIX = 'link to a web address (`https://…`), a wiki page (`[[page]]`) or a section (`#section`) instead';

export function unsafeContentDiagnostics(tree: Root, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (node: Node, message: string) => {
    diagnostics.push({ severity: 'error', file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });
  };

  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      if (isUnsafeUrl(node.url)) report(node, `the address \`${urlScheme(node.url)}:…\` would run script or show unchecked content in the reader's browser: ${URL_FIX}`);
      return;
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const name = (node.name ?? '').toLowerCase();
    if (UNSAFE_ELEMENTS.has(name)) {
      report(node, `\`<${node.name ?? ''}>\` is not allowed in an article, since it could run or load code in the reader's browser: remove it (to show the tag as text, write \`\\<${node.name ?? ''}>\` or put it in \`code\`)`);
    }
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        report(node, `\`{…}\` spread attributes are not allowed on \`<${node.name ?? ''}>\`: write each attribute as \`name="value"\``);
        continue;
      }
      const attributeName = attribute.name.toLowerCase();
      if (/^on/.test(attributeName)) {
        report(node, `the event handler \`${attribute.name}\` on \`<${node.name ?? ''}>\` would run script in the reader's browser: remove it`);
      } else if (URL_ATTRIBUTES.has(attributeName)) {
        if (typeof attribute.value !== 'string') {
          report(node, `\`${attribute.name}\` on \`<${node.name ?? ''}>\` must be written as text, \`${attribute.name}="https://…"\`, so that the build can check it`);
        } else if (isUnsafeUrl(attribute.value)) {
          report(node, `the address \`${urlScheme(attribute.value)}:…\` in \`${attribute.name}\` would run script or show unchecked content in the reader's browser: ${URL_FIX}`);
        }
      }
    }
  });
  return diagnostics;
}
