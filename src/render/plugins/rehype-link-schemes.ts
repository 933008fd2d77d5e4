/**
 * rehype plugin: the scheme of each link written in lower case (`HTTPS://example.org` → `https://…`). Schemes
 * are case-insensitive (https://url.spec.whatwg.org/#scheme-state), but rehype-external-links compares them as
 * written: without this, a link written `HTTPS://…` got no `rel="noopener noreferrer"`.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export const rehypeLinkSchemes: Plugin<[], Root> = function () {
  return (tree) => {
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string') return;
      const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(href)?.[0];
      if (scheme && scheme !== scheme.toLowerCase()) node.properties.href = scheme.toLowerCase() + href.slice(scheme.length);
    });
  };
};

export default rehypeLinkSchemes;
