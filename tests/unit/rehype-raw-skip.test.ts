/**
 * The wiki's rehype-raw (vendor/rehype-raw, put in place of Astro's by package.json overrides) leaves a tree
 * without raw HTML as it is instead of sending it through an HTML parser. Rendered articles must be byte for
 * byte the ones the parser gives: held here over the real content, every fixture and a generated wiki.
 */
import type { ElementContent, Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import { VFile } from 'vfile';
import { afterEach, describe, expect, it } from 'vitest';
import { createArticleRenderer, renderJob } from '../../src/render/article-renderer.ts';
import { serializedTree } from '../../src/render/serialized-tree.ts';
import { markdown, renderedSites, wikiForRendering } from '../helpers/render-wiki.ts';

const ALWAYS = Symbol.for('rehype-raw.always');
const always = (on: boolean) => ((globalThis as Record<symbol, unknown>)[ALWAYS] = on);
afterEach(() => always(false));

const run = (tree: Root) => rehypeRaw()(tree, new VFile());
const el = (tagName: string, children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties: {}, children });
const text = (value: string) => ({ type: 'text' as const, value });

describe('rehype-raw, parsing only what needs it', () => {
  it('leaves a tree without raw HTML as it is', () => {
    const tree: Root = { type: 'root', children: [el('p', [text('A '), el('em', [text('chip')])]), el('ul', [el('li', [el('p', [text('item')])])])] };
    expect(run(tree)).toBe(tree);
  });

  it('parses raw HTML into elements', () => {
    const tree: Root = {
      type: 'root',
      children: [el('p', [text('Its memory is '), { type: 'raw', value: '<abbr title="High Bandwidth Memory">HBM</abbr>' }])],
    };
    expect(toHtml(run(tree))).toBe('<p>Its memory is <abbr title="High Bandwidth Memory">HBM</abbr></p>');
  });

  it('passes over HTML written from a tree (a chart), and parses it where a parser would change it', () => {
    const chart = serializedTree(
      '<svg viewBox="0 0 10 10"><title>Bandwidth</title><rect width="4" height="10"></rect></svg><details><summary>Numbers</summary></details>',
    );
    const block: Root = { type: 'root', children: [el('div', [chart])] };
    expect(run(block)).toBe(block);
    expect(toHtml(run(block), { allowDangerousHtml: true })).toBe(`<div>${chart.value}</div>`);
    // The same HTML, unmarked, is parsed; and so is the marked one inside a paragraph, which `<details>` would end.
    const unmarked: Root = { type: 'root', children: [el('div', [{ type: 'raw', value: chart.value }])] };
    expect(run(unmarked)).not.toBe(unmarked);
    const inParagraph: Root = { type: 'root', children: [el('p', [text('See '), serializedTree(chart.value)])] };
    expect(toHtml(run(inParagraph))).toMatch(/^<p>See <svg[^]*<\/svg><\/p><details>/);
  });

  it('passes over a formula’s MathML written as HTML anywhere, a paragraph or a link too: the parser reads MathML as foreign content', () => {
    const math = () => ({
      ...el('math'),
      children: [
        serializedTree(
          '<semantics><mrow><mi>x</mi><mo>&#x3C;</mo><mn>2</mn></mrow><annotation encoding="application/x-tex">x &#x3C; 2</annotation></semantics>',
        ),
      ],
    });
    const link: Element = { ...el('a', [text('A '), math()]), properties: { href: '/wiki/target/' } };
    const tree: Root = { type: 'root', children: [el('p', [text('So '), math(), text(' and '), link])] };
    expect(run(tree)).toBe(tree);
    const html = toHtml(tree, { allowDangerousHtml: true });
    always(true);
    expect(toHtml(run(structuredClone(tree)))).toBe(html);
  });

  it('lets the parser move a block out of a paragraph, as a browser would', () => {
    const tree: Root = { type: 'root', children: [el('p', [text('Its memory is '), el('div', [text('HBM')]), text(' of it.')])] };
    expect(toHtml(run(tree))).toBe('<p>Its memory is </p><div>HBM</div> of it.<p></p>');
  });

  it('lets the parser end a link that holds another link, as a browser would', () => {
    const link = (href: string, children: ElementContent[]): Element => ({ ...el('a', children), properties: { href } });
    const tree: Root = { type: 'root', children: [el('p', [link('https://example.org', [text('A '), link('/wiki/target/', [text('target')])])])] };
    expect(toHtml(run(tree))).toBe('<p><a href="https://example.org">A </a><a href="/wiki/target/">target</a></p>');
  });
});

const sites = renderedSites(7);

describe('articles whose charts and formulas are written as HTML are the articles rendered with their elements', () => {
  it.each(sites)('%s', async (_, contentDir) => {
    const { wiki, jobs } = wikiForRendering(contentDir());
    const asHtml = await createArticleRenderer(markdown, () => wiki);
    const asElements = await createArticleRenderer(markdown, () => wiki, 'satteri', undefined, false);
    for (const job of jobs) {
      const rendered = await renderJob(asHtml, job);
      expect(rendered.ok, job.file).toBe(true);
      expect(rendered, job.file).toEqual(await renderJob(asElements, job));
    }
  });
});

describe('articles rendered without the parser are the articles rendered with it', () => {
  it.each(sites)('%s', async (_, contentDir) => {
    const { wiki, jobs } = wikiForRendering(contentDir());
    const renderer = await createArticleRenderer(markdown, () => wiki);
    for (const job of jobs) {
      always(true);
      const parsed = await renderJob(renderer, job);
      always(false);
      expect(parsed.ok, job.file).toBe(true);
      expect(await renderJob(renderer, job), job.file).toEqual(parsed);
    }
  });
});
