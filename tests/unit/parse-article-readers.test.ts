/**
 * The pre-pass reads plain-Markdown articles with satteri (Rust) and the pages are rendered from remark's
 * reading: the two must agree on everything the pre-pass gives (headings and their anchors, links with line,
 * column, alias and sentence, lead, image, citations, errors). Held here over every real article, every
 * fixture, a generated wiki and the corner cases of the syntax.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWiki } from '../../bench/generate.ts';
import { listFiles } from '../../src/content-folder/read-folder.ts';
import { parseArticle, remarkTree } from '../../src/model/parse-article.ts';
import { needsRemark, satteriTree } from '../../src/model/satteri-reader.ts';
import { article } from '../helpers/index.ts';

const repo = join(import.meta.dirname, '../..');

function filesOf(dir: string): Array<[string, string]> {
  return listFiles(join(repo, dir))
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => [`${dir}/${file}`, readFileSync(join(repo, dir, file), 'utf8')]);
}

/** Bodies that test what a Markdown reader may read differently. */
const CORNER_CASES: Record<string, string> = {
  'link forms': 'See [[x]], [[x|Text]], [[hardware:ascend_910b#memory|the chip]], [[.:relative]], [[#Local section]] and [[ spaced target ]].',
  'link next to text': 'Plural [[gpu]]s, glued [[a]][[b]], in **bold [[c|C]]**, in _emphasis [[d]]_ and ~~struck [[e]]~~.',
  'two dividers': 'Odd [[a|b|c]] link.',
  'not links': 'Escaped \\[[e]], code `[[c]]`, empty [[]], half [[open and [single].\n\n```\n[[in a fence]]\n```',
  'link in a link': 'A [label with [[inner]] link](https://example.org) and [[x]](https://example.org).',
  'links in a table': '| chip | maker |\n|---|---|\n| [[h100\\|H100]] | [[nvidia]] |\n| [[ascend]] | plain |',
  'links in blocks':
    '> Quoted [[q]].\n\n- item [[l1]]\n  - nested [[l2|two]]\n1. ordered [[o]]\n\n# Heading with [[h|link]]\n\nSetext [[s]]\n---\n\n## Closed ##\n\n## Closed ##',
  'links in footnotes': 'Claim.[^a] Other.[^b] Missing.[^none]\n\n[^a]: See [[source]] and [Site](https://example.org), 2024.\n[^b]: Same [[source|text]].',
  citations: 'One [@key], two [@a; @b, p. 4], prose [see @c] and an email a@b.org.',
  'sentences around links': 'First sentence. Second with [[x]] in it! Third? 华为的[[ascend|昇腾]]芯片。之后 [[y]] 句子。',
  images: '![Diagram](/images/a.png) and ![remote](https://example.org/b.png "title") and ![local](c.png)',
  'urls and entities': 'Visit www.example.org or https://example.org/path?q=1, &amp; &copy; &#169; AT&T, 5 < 6 > 4.',
  'hard breaks and lists': 'Line one  \nline two\\\nline three\n\n- [ ] task\n- [x] done\n\n* star\n+ plus',
  'indented text': 'Paragraph\n\n    four spaces in\n\nafter',
  'long heading text':
    '## A heading with `code`, *emphasis* and [a link](https://example.org)\n\n## A heading with `code`, *emphasis* and [a link](https://example.org)',
  'reference links': 'A [ref] and [[x]] and [full][ref].\n\n[ref]: https://example.org "Title"\n[x]: https://example.org/x',
  'thematic breaks and html-like text': 'Text\n\n***\n\n___\n\nA \\<tag\\> and \\{braces\\}.',
  'math and prices':
    'Between $5 and $10, about $C \\approx 6ND$ and $$y$$.\n\n$$\n\\frac{a}{b}\n$$\n\nPay $20 and solve $x+1=2$ with [[t|text]]; \\$30; $100-$200.\n\n| a | b |\n|---|---|\n| $x$ | $5 and $6 |',
  'callouts, figures and charts':
    '> [!NOTE] Title [[n]]\n> Body [[m|M]].\n\n> [!tip]-\n> Folded.\n\n![Alt](https://example.org/a.png "Caption [[c]] and $x$[^f]")\n\n```chart\ntype: bar\ntitle: T\nx: a\ny: b\nsource: "Source [[s]][^f]"\ndata:\n  - { a: x, b: 1 }\n```\n\n[^f]: [F](https://example.org/f), 2024.',
};

const corpus: Array<[string, string]> = [
  ...filesOf('content'),
  // The hostile corpus is read by tests/build/hostile.test.ts: some of it is refused before either reader may run.
  ...filesOf('tests/fixtures').filter(([file]) => !file.startsWith('tests/fixtures/hostile/')),
  ...generateWiki({ pages: 300, seed: 7 }).map((a): [string, string] => [`generated/${a.path}.mdx`, a.mdx]),
  ...Object.entries(CORNER_CASES).map(([name, body]): [string, string] => [`corner/${name}.mdx`, article(name, body)]),
];

describe('the pre-pass reads articles with satteri exactly as remark does', () => {
  it('covers the real content, the fixtures, a generated wiki and the corner cases', () => {
    expect(corpus.length).toBeGreaterThan(350);
    expect(corpus.filter(([file]) => file.startsWith('content/')).length).toBeGreaterThan(10);
  });

  it('reads with satteri every article that is plain Markdown (so that agreement is not remark agreeing with itself)', () => {
    const bySatteri = ([, source]: [string, string]) => {
      try {
        return !needsRemark(satteriTree(source));
      } catch {
        return false; // an MDX syntax error: remark reports it
      }
    };
    const readBySatteri = corpus.filter(bySatteri);
    expect(corpus.filter(([file]) => file.startsWith('generated/')).every(bySatteri)).toBe(true);
    expect(readBySatteri.length).toBeGreaterThan(corpus.length * 0.8);
    expect(needsRemark(satteriTree(article('Nested', CORNER_CASES['link in a link']!)))).toBe(true);
  });

  it.each(corpus)('%s', (file, source) => {
    expect(parseArticle(source, file, satteriTree)).toEqual(parseArticle(source, file, remarkTree));
  });

  it('finds the links the article has (so that an empty result cannot pass as agreement)', () => {
    const result = parseArticle(article('Links', CORNER_CASES['link forms']!), 'links.mdx', satteriTree);
    expect(result.ok && result.article.links.map((l) => [l.target, l.alias])).toEqual([
      ['x', undefined],
      ['x', 'Text'],
      ['hardware:ascend_910b#memory', 'the chip'],
      ['.:relative', undefined],
      ['#Local section', undefined],
      [' spaced target ', undefined],
    ]);
  });

  it('reads an article with MDX of its own with remark, whose errors are the page’s', () => {
    // satteri takes this line for an `import`; the MDX compiler that renders the page does not.
    const source = article('Imports', 'Fine.\n\nimport tariffs rose sharply in 2024, the report said.');
    expect(satteriTree(source).children.some((node) => node.type === 'mdxjsEsm')).toBe(true);
    const result = parseArticle(source, 'imports.mdx');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ file: 'imports.mdx', line: 7, message: expect.stringContaining('starts with `import`') });
  });

  it('reports the syntax error remark finds when satteri cannot read the article either', () => {
    const source = article('Broken', 'An {unclosed expression');
    expect(() => satteriTree(source)).toThrow();
    expect(parseArticle(source, 'broken.mdx')).toEqual(parseArticle(source, 'broken.mdx', remarkTree));
  });
});
