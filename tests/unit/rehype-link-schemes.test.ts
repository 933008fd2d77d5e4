/** Links written `HTTPS://…` are links to other sites like any other: they open with `rel="noopener noreferrer"`. */
import rehypeExternalLinks from 'rehype-external-links';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeLinkSchemes } from '../../src/render/plugins/rehype-link-schemes.ts';

const render = (markdown: string, plugins = true) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(plugins ? [rehypeLinkSchemes] : [])
      .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] })
      .use(rehypeStringify)
      .processSync(markdown),
  );

describe('rehypeLinkSchemes', () => {
  it.each([
    ['[x](HTTPS://example.org/A)', '<a href="https://example.org/A" rel="noopener noreferrer">x</a>'],
    ['[x](Http://example.org)', '<a href="http://example.org" rel="noopener noreferrer">x</a>'],
    ['[x](MAILTO:editor@example.org)', '<a href="mailto:editor@example.org">x</a>'],
    ['[x](/wiki/nvidia/)', '<a href="/wiki/nvidia/">x</a>'],
  ])('%s', (markdown, html) => {
    expect(render(markdown)).toContain(html);
  });

  it('is what gives `HTTPS://` links their rel', () => {
    expect(render('[x](HTTPS://example.org/A)', false)).toContain('<a href="HTTPS://example.org/A">x</a>');
  });
});
