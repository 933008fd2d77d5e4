import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkWikiLinks } from '../../src/render/plugins/remark-wiki-links.ts';
import { article, indexOf } from '../helpers/index.ts';

const index = indexOf({
  'nvidia.mdx': article('Nvidia', '## History', 'aliases: [nvidia_corporation]\n'),
  'hardware/ascend_910b.mdx': article('Ascend 910B'),
  'hardware/ascend_910c.mdx': article('Ascend 910C'),
});

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkWikiLinks, { index: () => index, contentDir: '/wiki-content' })
  .use(remarkRehype)
  .use(rehypeStringify);

async function render(markdown: string, file = '/wiki-content/page.mdx'): Promise<string> {
  return String(await processor.process(new VFile({ value: markdown, path: file }))).trim();
}

describe('remarkWikiLinks', () => {
  it.each([
    ['[[nvidia]]', '<p><a class="wikilink" href="/wiki/nvidia/">Nvidia</a></p>'],
    ['[[nvidia|the company]]', '<p><a class="wikilink" href="/wiki/nvidia/">the company</a></p>'],
    ['[[Nvidia Corporation]]', '<p><a class="wikilink" href="/wiki/nvidia/">Nvidia</a></p>'],
    ['[[nvidia#History|its history]]', '<p><a class="wikilink" href="/wiki/nvidia/#history">its history</a></p>'],
    ['[[nvidia#Nope|a missing section]]', '<p><a class="wikilink" href="/wiki/nvidia/">a missing section</a></p>'],
    ['[[hardware:ascend_910b]]', '<p><a class="wikilink" href="/wiki/hardware/ascend_910b/">Ascend 910B</a></p>'],
    ['[[cuda]]', '<p><a class="wikilink new" title="cuda (page does not exist yet)" href="/special/wanted/#page-cuda">cuda</a></p>'],
    [
      '[[CUDA Toolkit|the toolkit]]',
      '<p><a class="wikilink new" title="cuda_toolkit (page does not exist yet)" href="/special/wanted/#page-cuda_toolkit">the toolkit</a></p>',
    ],
    [
      '**[[nvidia]]** and *[[hardware:ascend_910b|B]]*',
      '<p><strong><a class="wikilink" href="/wiki/nvidia/">Nvidia</a></strong> and <em><a class="wikilink" href="/wiki/hardware/ascend_910b/">B</a></em></p>',
    ],
  ])('%s', async (markdown, html) => {
    expect(await render(markdown)).toBe(html);
  });

  it('leaves [[…]] in inline code and code blocks exactly as written', async () => {
    expect(await render('Write `[[nvidia]]` to link.')).toBe('<p>Write <code>[[nvidia]]</code> to link.</p>');
    expect(await render('```\n[[nvidia|x]] [[missing]]\n```')).toBe('<pre><code>[[nvidia|x]] [[missing]]\n</code></pre>');
    expect(await render('    [[nvidia]]')).toBe('<pre><code>[[nvidia]]\n</code></pre>');
  });

  it('resolves relative links against the page being rendered', async () => {
    expect(await render('[[.:ascend_910c]]', '/wiki-content/hardware/ascend_910b.mdx')).toBe(
      '<p><a class="wikilink" href="/wiki/hardware/ascend_910c/">Ascend 910C</a></p>',
    );
  });

  it('escapes text that comes from content', async () => {
    expect(await render('[[cuda|<script>alert(1)</script>]]')).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });
});

describe('remarkWikiLinks in GFM tables', () => {
  it('reads [[target\\|text]] in a table cell, where a bare | would end the cell', async () => {
    const html = await render('| chip | maker |\n|---|---|\n| [[hardware:ascend_910b\\|910B]] | [[nvidia\\|NV]] |');
    expect(html).toContain('<td><a class="wikilink" href="/wiki/hardware/ascend_910b/">910B</a></td>');
    expect(html).toContain('<td><a class="wikilink" href="/wiki/nvidia/">NV</a></td>');
  });
});
