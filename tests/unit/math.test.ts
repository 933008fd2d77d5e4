/** Formulas: `$…$` and `$$…$$` read as math by both readers, prices left as prose, drawn as MathML, TeX errors with their line. */
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseArticle, remarkTree } from '../../src/model/parse-article.ts';
import { readArticleTree, satteriTree } from '../../src/model/satteri-reader.ts';
import { texProblem } from '../../src/model/tex.ts';
import { formulaElement, temmlMathml, texToMathml } from '../../src/render/math/mathml.ts';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkMathml } from '../../src/render/plugins/remark-mathml.ts';
import { markCitations } from '../../src/render/plugins/rehype-citations.ts';
import type { Root as HastRoot } from 'hast';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { article } from '../helpers/index.ts';

/** The formulas and the text of a paragraph, as one reader reads it. */
function read(body: string, reader: 'satteri' | 'remark'): Array<[string, string]> {
  const tree: Root = readArticleTree(body, remarkTree, reader === 'satteri' ? satteriTree : remarkTree);
  const out: Array<[string, string]> = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'inlineMath' || node.type === 'math') out.push([node.type, node.value]);
      else if (node.type === 'text') out.push(['text', node.value]);
      else if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  return out;
}

/** Formulas of every kind temml draws, with whether each is a display formula. */
const FORMULAS: Array<[string, boolean]> = [
  ['C \\approx 6ND', false],
  ['x^2 + \\frac{a}{b} - \\sqrt[3]{y_{i,j}}', true],
  ['\\begin{aligned} S &= \\frac{a}{b} \\\\ Z &= c \\end{aligned}', true],
  ['\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}', true],
  ['\\begin{array}{c|c:c} a & b & c \\\\ \\hline d & e & f \\\\ \\hdashline g & h & i \\end{array}', true],
  ['\\begin{cases} 1 & x < 0 \\\\ 0 & \\text{otherwise} \\end{cases}', true],
  ['\\text{a < b \\& "c" \'d\' é} < \\& \\; \\mathrm{ReLU}(x) \\operatorname{softmax}(z)', false],
  ['\\sum_{i=1}^{n} \\int_0^\\infty \\lim_{x \\to 0} \\prod_k', true],
  ['\\left( \\frac{1}{2} \\right] \\bigl\\{ x \\bigr\\}', false],
  ['\\hat{x} \\vec{v} \\overline{AB} \\widetilde{xyz} \\dot a \\underline{u}', false],
  ['\\overbrace{a+b}^{n} \\underbrace{c+d}_{m} \\xrightarrow{f} \\stackrel{?}{=}', true],
  ['\\mathbb{R}^{d} \\mathcal{L} \\boldsymbol{\\theta} \\mathbf{W}', false],
  ['\\color{red}{x} + \\boxed{y} + \\cancel{z} + \\phantom{w}', false],
  ['a \\quad b \\qquad c \\, d \\! e \\hspace{1em} f', false],
  ['\\tag{1} E = mc^2', true],
  ['\\begin{equation} x \\label{eq} \\end{equation}', true],
  ["f'(x) \\neq g''(x) \\not\\in \\varnothing", false],
  ['\\displaystyle \\binom{n}{k} \\tbinom{a}{b} \\dfrac{1}{x}', false],
  ['x\r\n+ y\r= z', true],
  ['\\char"41 \\% \\$ \\& \\# \\_', false],
  ['\\begin{matrix} \\end{matrix}', true],
  ['', false],
];

const CASES: Array<[string, string, Array<[string, string]>]> = [
  ['two prices', 'It cost between $25,000 and $40,000 at launch.', [['text', 'It cost between $25,000 and $40,000 at launch.']]],
  ['prices with a space before the closing dollar', 'Prices: $5 and $10 today.', [['text', 'Prices: $5 and $10 today.']]],
  ['a range without spaces (a digit after the closing dollar)', 'From $100-$200 a month.', [['text', 'From $100-$200 a month.']]],
  ['an escaped dollar', 'A price written \\$30 stays a price.', [['text', 'A price written $30 stays a price.']]],
  [
    'a formula',
    'About $C \\approx 6ND$ operations.',
    [
      ['text', 'About '],
      ['inlineMath', 'C \\approx 6ND'],
      ['text', ' operations.'],
    ],
  ],
  [
    'a price and a formula in one sentence',
    'Pay $20 and solve $x+1=2$.',
    [
      ['text', 'Pay $20 and solve '],
      ['inlineMath', 'x+1=2'],
      ['text', '.'],
    ],
  ],
  ['spaces inside the dollars', 'And neither is this $ 4 $.', [['text', 'And neither is this $ 4 $.']]],
  [
    'double dollars inline',
    'Inline $$x^2$$ too.',
    [
      ['text', 'Inline '],
      ['inlineMath', 'x^2'],
      ['text', ' too.'],
    ],
  ],
  ['a display formula', '$$\nL = E + \\frac{A}{N^{\\alpha}}\n$$', [['math', 'L = E + \\frac{A}{N^{\\alpha}}']]],
  [
    'braces in MDX',
    'The ratio $\\frac{a}{b}$ holds.',
    [
      ['text', 'The ratio '],
      ['inlineMath', '\\frac{a}{b}'],
      ['text', ' holds.'],
    ],
  ],
  [
    'dollars in code',
    'Write `$x$` for math.',
    [
      ['text', 'Write '],
      ['text', ' for math.'],
    ],
  ],
];

describe('dollar signs: formulas for math, prose for prices (Pandoc’s rule, as GitHub and Obsidian read it)', () => {
  it.each(CASES)('%s', (_, body, expected) => {
    expect(read(body, 'satteri')).toEqual(expected);
    expect(read(body, 'remark')).toEqual(expected);
  });

  it('keeps the positions of what follows prose dollars, so a wiki link’s text is read from the right place', () => {
    const source = article('Prices', 'Between $5 and $10 per [[target|the target page]], and $x$ too.');
    const parsed = parseArticle(source, 'prices.mdx');
    expect(parsed.ok && parsed.article.links).toEqual([expect.objectContaining({ target: 'target', alias: 'the target page', line: 5, column: 24 })]);
    expect(parseArticle(source, 'prices.mdx', remarkTree)).toEqual(parsed);
  });
});

describe('TeX errors stop the build with the file, the line and TeX’s words', () => {
  it('names the unknown command and its line', () => {
    const result = parseArticle(article('Bad', 'Fine $x$.\n\nThe loss is $L = \\fraac{A}{N}$.'), 'bad.mdx');
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: 'bad.mdx',
        line: 7,
        severity: 'error',
        message: expect.stringContaining('TeX error in `$L = \\fraac{A}{N}$`: Unsupported function name: \\fraac'),
      }),
    ]);
    expect(result.diagnostics[0]?.message).not.toMatch(/\u0332/);
  });

  it('reads what temml reads, and says what it does not', () => {
    expect(texProblem('C \\approx 6ND', false)).toBeUndefined();
    expect(texProblem('\\frac{a}{b', true)).toMatch(/expected '\}'/);
    expect(texProblem('\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}', true)).toBeUndefined();
  });
});

describe('formulas as MathML Core', () => {
  it('draws a formula as <math> with its TeX kept for search and copying', () => {
    const html = toHtml(texToMathml('C \\approx 6ND', false));
    expect(html).toMatch(/^<math><semantics><mrow data-pagefind-ignore=""><mi>C<\/mi><mo>≈<\/mo>/);
    expect(html).toContain('<annotation encoding="application/x-tex">C \\approx 6ND</annotation>');
  });

  it('writes no inline style, which the site’s policy would block: temml’s styles become classes', () => {
    const html = toHtml(texToMathml('\\begin{aligned} S &= \\frac{a}{b} \\\\ Z &= c \\end{aligned}', true));
    expect(html).toContain('display="block"');
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toContain('class="tml-right tml-pl0 tml-pr0"');
    expect(toHtml(texToMathml('\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}', true))).not.toMatch(/\sstyle=/);
  });

  it('gives each use of a formula a tree of its own, the same as the first drawing, without temml’s positions', () => {
    const first = formulaElement('x^2 + \\frac{a}{b}', true);
    const html = toHtml({ type: 'element', tagName: 'div', properties: first.hProperties, children: first.hChildren });
    const math = first.hChildren[0]!;
    if (math.type !== 'element') throw new Error('no <math>');
    expect(toHtml(math)).toBe(toHtml(texToMathml('x^2 + \\frac{a}{b}', true)));
    expect(JSON.stringify(first)).not.toContain('position');
    // A later plugin that changes one page's formula does not change the next page's.
    math.properties.className = ['changed'];
    math.children = [];
    const second = formulaElement('x^2 + \\frac{a}{b}', true);
    expect(toHtml({ type: 'element', tagName: 'div', properties: second.hProperties, children: second.hChildren })).toBe(html);
  });

  it('makes from temml’s tree the very tree its markup parses to, for every kind of formula and the wiki’s own', () => {
    const contentDir = join(import.meta.dirname, '../../content');
    const wikis: Array<[string, boolean]> = [];
    for (const name of readdirSync(contentDir).filter((file) => file.endsWith('.mdx'))) {
      const walk = (nodes: RootContent[]) => {
        for (const node of nodes) {
          if (node.type === 'inlineMath' || node.type === 'math') wikis.push([node.value, node.type === 'math']);
          else if ('children' in node) walk(node.children as RootContent[]);
        }
      };
      walk(readArticleTree(readFileSync(join(contentDir, name), 'utf8'), remarkTree, satteriTree).children);
    }
    expect(wikis.length).toBeGreaterThan(10);
    const withoutPositions = (tree: unknown) => JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value));
    let fromTree = 0;
    for (const [tex, display] of [...FORMULAS, ...wikis]) {
      const made = temmlMathml(tex, display);
      // Made from temml's tree, a formula has no positions; parsed from its markup (a node kind the tree does not take), it has.
      if (!JSON.stringify(made).includes('"position"')) fromTree++;
      expect(withoutPositions(made), tex).toBe(withoutPositions(temmlMathml(tex, display, true)));
    }
    expect(fromTree).toBeGreaterThanOrEqual(FORMULAS.length + wikis.length - 2);
  });

  it('writes the same page whether a formula’s MathML is a tree or the HTML of one, wherever an article puts it', async () => {
    const places = (tex: string, display: boolean) =>
      display
        ? `$$\n${tex}\n$$\n\n- item\n\n  $$\n  ${tex}\n  $$\n\n> $$\n> ${tex}\n> $$`
        : [
            `Text $${tex}$ and **strong $${tex}$**.`,
            `[A link with $${tex}$](https://example.org) and a note.[^n]`,
            `## A heading with $${tex}$`,
            `| a | b |\n|---|---|\n| $${tex}$ | x |`,
            `- item $${tex}$\n\n> quoted $${tex}$`,
            `[^n]: A note with $${tex}$.`,
          ].join('\n\n');
    const render = async (markdown: string, stringified: boolean, parse: boolean) => {
      (globalThis as Record<symbol, unknown>)[Symbol.for('rehype-raw.always')] = parse;
      try {
        const file = await unified()
          .use(remarkParse)
          .use(remarkGfm)
          .use(remarkMath)
          .use(remarkMathml, { stringified })
          .use(remarkRehype, { allowDangerousHtml: true })
          .use(rehypeRaw)
          .use(rehypeStringify, { allowDangerousHtml: true })
          .process(markdown);
        return String(file);
      } finally {
        (globalThis as Record<symbol, unknown>)[Symbol.for('rehype-raw.always')] = false;
      }
    };
    let written = 0;
    for (const [tex, display] of FORMULAS.filter(([tex]) => !/[\r$|]/.test(tex) && tex !== '')) {
      const markdown = places(tex, display);
      const asTree = await render(markdown, false, false);
      expect(asTree, tex).toContain('<math');
      // As HTML, passed over by rehype-raw; and parsed by it, as when the article holds raw HTML elsewhere.
      expect(await render(markdown, true, false), tex).toBe(asTree);
      expect(await render(markdown, true, true), tex).toBe(await render(markdown, false, true));
      written++;
    }
    expect(written).toBeGreaterThan(15);
  });

  it('gives a formula in running text its MathML as one node of HTML, and one in a heading or a note as a tree', async () => {
    const tree = await unified()
      .use(remarkMathml, { stringified: true })
      .run(unified().use(remarkParse).use(remarkMath).parse('Text $x^2$.\n\n## Heading $y$\n\n$$\nz\n$$'));
    const data = (tree as Root).children.map((node) => ('children' in node ? node.children.find((child) => child.type === 'inlineMath') : node)?.data);
    expect(data[0]?.hChildren).toEqual([expect.objectContaining({ type: 'raw', data: { serializedTree: true } })]);
    expect(data[1]?.hChildren?.some((child) => child.type === 'element')).toBe(true);
    const display = data[2]?.hChildren?.[0];
    expect(display?.type === 'element' && display.tagName === 'math' && display.children).toEqual([expect.objectContaining({ type: 'raw' })]);
  });

  it('reads no citation in a formula’s text, which is TeX and its glyphs, whether it is elements or HTML', () => {
    const inFormula: HastRoot = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'As shown [@smith2020].' }] },
        {
          type: 'element',
          tagName: 'math',
          properties: {},
          children: [{ type: 'element', tagName: 'mtext', properties: {}, children: [{ type: 'text', value: '[@jones2021]' }] }],
        },
      ],
    };
    expect(markCitations(inFormula)).toEqual(['smith2020']);
    expect(toHtml(inFormula)).toContain('<mtext>[@jones2021]</mtext>');
  });

  it('does not link or style through TeX: \\href and \\style are errors, not markup', () => {
    expect(texProblem('\\href{javascript:alert(1)}{x}', false)).toMatch(/Unsupported function name: \\href/);
    expect(texProblem('\\htmlStyle{color:red}{x}', false)).toBeDefined();
  });
});
