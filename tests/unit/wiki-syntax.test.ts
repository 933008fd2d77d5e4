/**
 * The wiki's own blocks on strings: callouts, figures, the infobox (frontmatter and `<Infobox>`), `<Figure>` and
 * charts, as the pre-pass reads them (links, citations, errors with lines) and as the renderer writes them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, formatDiagnostic } from '../../src/model/diagnostics.ts';
import type { PageId } from '../../src/model/ids.ts';
import { loadPageIndex } from '../../src/content-folder/read-folder.ts';
import { parseArticle } from '../../src/model/parse-article.ts';
import { buildReferenceIndex } from '../../src/model/references-index.ts';
import { createArticleRenderer, renderJob } from '../../src/render/article-renderer.ts';
import { article } from '../helpers/index.ts';
import { markdown, wikiForRendering } from '../helpers/render-wiki.ts';

/** Render a small wiki (file → text) and give each article's HTML and references, by file. */
async function render(files: Record<string, string>): Promise<Record<string, { html: string; references: string[] }>> {
  const dir = mkdtempSync(join(tmpdir(), 'wiki-syntax-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const { wiki, jobs } = wikiForRendering(dir);
  const renderer = await createArticleRenderer(markdown, () => wiki);
  const out: Record<string, { html: string; references: string[] }> = {};
  for (const job of jobs) {
    const outcome = await renderJob(renderer, job);
    if (!outcome.ok) throw new Error(outcome.message);
    const references = (outcome.metadata.frontmatter.references ?? []) as Array<{ html: string }>;
    out[job.file.slice(dir.length + 1)] = { html: outcome.code, references: references.map((r) => r.html.replace(/<[^>]+>/g, '')) };
  }
  return out;
}

function errorsOf(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'wiki-syntax-errors-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  try {
    const index = loadPageIndex(dir);
    return buildReferenceIndex(index)
      .diagnostics.filter((d) => d.severity === 'error')
      .map(formatDiagnostic);
  } catch (error) {
    if (error instanceof ContentError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
}

describe('callouts', () => {
  it('render each of GitHub’s five types as an aside a screen reader announces as a note, with its type', async () => {
    const body = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'].map((type) => `> [!${type}]\n> About ${type.toLowerCase()}.`).join('\n\n');
    const { html } = (await render({ 'a.mdx': article('A', body) }))['a.mdx']!;
    for (const [type, label] of [
      ['note', 'Note'],
      ['tip', 'Tip'],
      ['important', 'Important'],
      ['warning', 'Warning'],
      ['caution', 'Caution'],
    ]) {
      expect(html).toContain(
        `<aside class="callout callout-${type}" role="note" aria-label="${label}"><p class="callout-title">${label}</p><p>About ${type}.</p></aside>`,
      );
    }
  });

  it('take a title after the marker (Obsidian), fold with - or +, and keep Markdown inside', async () => {
    const body = '> [!warning] Export *rules*\n> Sales need a [[b|licence]].\n\n> [!TIP]- Folded\n> Hidden at first.\n\n> [!NOTE]+\n>\n> Open at first.';
    const { html } = (await render({ 'a.mdx': article('A', body), 'b.mdx': article('B') }))['a.mdx']!;
    expect(html).toContain(
      '<aside class="callout callout-warning" role="note" aria-label="Warning"><p class="callout-title">Export <em>rules</em></p><p>Sales need a <a class="wikilink" href="/wiki/b/">licence</a>.</p></aside>',
    );
    expect(html).toContain(
      '<details class="callout callout-tip" aria-label="Tip"><summary class="callout-title">Folded</summary><p>Hidden at first.</p></details>',
    );
    expect(html).toContain('<details class="callout callout-note" aria-label="Note" open><summary class="callout-title">Note</summary>');
  });

  it('leave a quote that only looks like one, and stop at an unknown type with its line and the five types', async () => {
    const { html } = (await render({ 'a.mdx': article('A', '> \\[!NOTE] is how a callout starts.') }))['a.mdx']!;
    expect(html).toContain('<blockquote>\n<p>[!NOTE] is how a callout starts.</p>\n</blockquote>');
    expect(errorsOf({ 'a.mdx': article('A', 'Text.\n\n> [!INFO]\n> Obsidian’s.') })).toEqual([
      'a.mdx:7: error: unknown callout type `[!INFO]`: use one of `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`, or write `\\[!INFO]` to quote the text as it is',
    ]);
  });
});

describe('figures', () => {
  it('turn an image alone in its paragraph with a title into a figure whose caption is inline Markdown, citations included', async () => {
    const body =
      'Lead.[^a]\n\n![A die shot](https://example.org/die.png "The H100 die on [[b|TSMC]]’s $4$N process[^die]")\n\n[^a]: [First](https://example.org/a), 2024.\n[^die]: [Die](https://example.org/die), 2022.';
    const { html, references } = (await render({ 'a.mdx': article('A', body), 'b.mdx': article('B') }))['a.mdx']!;
    expect(html).toMatch(
      /<figure class="figure"><img src="https:\/\/example\.org\/die\.png" alt="A die shot"><figcaption>The H100 die on <a class="wikilink" href="\/wiki\/b\/">TSMC<\/a>’s <math>.*<\/math>N process<sup class="reference" id="cite-ref-2-a"><a href="#ref-2" data-reference="ref-2">\[2\]<\/a><\/sup><\/figcaption><\/figure>/,
    );
    expect(references).toEqual(['First (example.org), 2024.', 'Die (example.org), 2022.']);
  });

  it('leave an image without a title, or with text beside it, as it is', async () => {
    const { html } = (await render({ 'a.mdx': article('A', '![Plain](https://example.org/a.png)\n\nText ![beside](https://example.org/b.png "t") it.') }))[
      'a.mdx'
    ]!;
    expect(html).not.toContain('<figure');
    expect(html).toContain('<p><img src="https://example.org/a.png" alt="Plain"></p>');
  });

  it('are what <Figure> gives, with a credit line, and the article stays plain Markdown (no JavaScript module)', async () => {
    const markdownForm = article('A', '![A die](https://example.org/die.png "The die")');
    const jsx = article('A', '<Figure src="https://example.org/die.png" alt="A die" caption="The die" credit="Photo: [Example](https://example.org)" />');
    const parsed = parseArticle(jsx, 'a.mdx');
    expect(parsed.ok && parsed.article.markdownOnly).toBe(true);
    const a = (await render({ 'a.mdx': markdownForm }))['a.mdx']!.html;
    const b = (await render({ 'a.mdx': jsx }))['a.mdx']!.html;
    expect(b).toBe(
      a.replace(
        'The die</figcaption>',
        'The die<span class="figure-credit">Photo: <a href="https://example.org" rel="noopener noreferrer">Example</a></span></figcaption>',
      ),
    );
  });

  it('stop on a <Figure> without alt text, with an unknown attribute or an {expression}, with the line and the fix', () => {
    expect(
      errorsOf({
        'a.mdx': article('A', '<Figure src="./d.png" />\n\n<Figure src="./d.png" alt="x" size="big" />\n\n<Figure src="./d.png" alt="x" caption={title} />'),
      }),
    ).toEqual([
      'a.mdx:5: error: `<Figure>` needs a text alternative for readers who cannot see the picture: add `alt="What the picture shows"`',
      'a.mdx:7: error: `<Figure>` has no attribute `size`: use `src`, `alt`, `caption`, `credit`',
      'a.mdx:9: error: `caption` on `<Figure>` must be written as text, e.g. `caption="The H100 die"`: the wiki\'s own components take no `{expressions}`',
    ]);
    expect(errorsOf({ 'a.mdx': article('A', '<Figure src="javascript:alert(1)" alt="x" />') })[0]).toMatch(/^a\.mdx:5:1: error: the address `javascript:…`/);
  });
});

const INFOBOX = `infobox:
  image: https://example.org/h100.png
  caption: Nvidia H100 SXM
  rows:
    Designer: "[[b]]"
    Memory: "80 GB [[hbm|HBM3]]"
    Version: 3.0
    Released: "2022[^launch]"
    Dense FP16: "989 TFLOPS[@hoffmann2022]"
`;
const BIB = '@article{hoffmann2022, author = {Hoffmann, Jordan}, title = {Training Compute-Optimal Large Language Models}, journal = {arXiv}, year = {2022}}\n';

describe('the infobox', () => {
  it('comes first in the body: title, picture and caption, then one row per fact in the order written', async () => {
    const { html } = (
      await render({
        'a.mdx': article('Nvidia H100', 'The lead.[^launch]\n\n[^launch]: [Launch](https://example.org/launch), 2022.', INFOBOX),
        'b.mdx': article('Nvidia'),
        'references.bib': BIB,
      })
    )['a.mdx']!;
    expect(
      html.startsWith(
        '<table class="infobox"><caption class="infobox-title">Nvidia H100</caption>\n<tbody><tr><td colspan="2"><figure class="infobox-image"><img src="https://example.org/h100.png" alt="Nvidia H100 SXM"><figcaption>Nvidia H100 SXM</figcaption></figure></td></tr>',
      ),
    ).toBe(true);
    const rows = [...html.matchAll(/<th scope="row">([^<]+)<\/th><td>(.*?)<\/td>/g)].map((m) => [m[1], m[2]?.replace(/<[^>]+>/g, '')]);
    expect(rows).toEqual([
      ['Designer', 'Nvidia'],
      ['Memory', '80 GB HBM3'],
      ['Version', '3.0'],
      ['Released', '2022[1]'],
      ['Dense FP16', '989 TFLOPS[2]'],
    ]);
    expect(html.indexOf('</table>')).toBeLessThan(html.indexOf('<p>The lead.'));
  });

  it('counts its links for the link graph, at the line of their row, and numbers its citations before the body’s', async () => {
    const source = article(
      'Nvidia H100',
      'The lead.[^other] Again.[^launch]\n\n[^launch]: [Launch](https://example.org/launch), 2022.\n[^other]: [Other](https://example.org/other), 2023.',
      INFOBOX,
    );
    const parsed = parseArticle(source, 'a.mdx');
    expect(parsed.ok && parsed.article.links.map((l) => [l.target, l.alias, l.line])).toEqual([
      ['b', undefined, 7],
      ['hbm', 'HBM3', 8],
    ]);
    const { references } = (await render({ 'a.mdx': source, 'b.mdx': article('Nvidia'), 'references.bib': BIB }))['a.mdx']!;
    expect(references[0]).toBe('Launch (example.org), 2022.');
    expect(references[1]).toMatch(/^Hoffmann J\. Training Compute-Optimal/);
    expect(references[2]).toBe('Other (example.org), 2023.');
  });

  it('is what <Infobox> gives around a list of `Label: value` items', async () => {
    const front = article('Nvidia H100', 'The lead.[^launch]\n\n[^launch]: [Launch](https://example.org/launch), 2022.', INFOBOX);
    const jsx = article(
      'Nvidia H100',
      '<Infobox image="https://example.org/h100.png" caption="Nvidia H100 SXM">\n- Designer: [[b]]\n- Memory: 80 GB [[hbm|HBM3]]\n- Version: 3.0\n- Released: 2022[^launch]\n- Dense FP16: 989 TFLOPS[@hoffmann2022]\n</Infobox>\n\nThe lead.[^launch]\n\n[^launch]: [Launch](https://example.org/launch), 2022.',
    );
    const parsed = parseArticle(jsx, 'a.mdx');
    expect(parsed.ok && parsed.article.markdownOnly).toBe(true);
    const a = (await render({ 'a.mdx': front, 'b.mdx': article('Nvidia'), 'references.bib': BIB }))['a.mdx']!;
    const b = (await render({ 'a.mdx': jsx, 'b.mdx': article('Nvidia'), 'references.bib': BIB }))['a.mdx']!;
    expect(b.html).toBe(a.html);
    expect(b.references).toEqual(a.references);
  });

  it('stops on a row with a footnote that has no definition, a picture without alt text, or a mistyped field', () => {
    expect(errorsOf({ 'a.mdx': article('A', 'Lead.', 'infobox:\n  rows:\n    Released: "2022[^nowhere]"\n') })).toEqual([
      expect.stringMatching(/^a\.mdx:5: error: footnote `\[\^nowhere\]` has no definition/),
    ]);
    expect(errorsOf({ 'a.mdx': article('A', 'Lead.', 'infobox:\n  image: ./x.png\n  rows:\n    A: b\n') })).toEqual([
      'a.mdx:3: error: field `infobox`: the picture needs a text alternative: add `alt: What the picture shows` or a `caption:` to `infobox`',
    ]);
    expect(errorsOf({ 'a.mdx': article('A', 'Lead.', 'infobox:\n  imgae: ./x.png\n  rows:\n    A: b\n') })).toEqual([
      'a.mdx:3: error: unknown field `infobox.imgae`: remove it, or use one of title, image, alt, caption, rows',
    ]);
    expect(errorsOf({ 'a.mdx': article('A', '<Infobox>\nDesigner: Nvidia\n</Infobox>') })[0]).toMatch(
      /^a\.mdx:5: error: `<Infobox>` holds its rows as one list/,
    );
  });
});

const CHART = (lines: string) => `Text.\n\n\`\`\`chart\n${lines}\n\`\`\``;

describe('charts', () => {
  it('are drawn as SVG with a title, a description and classes for the theme’s colours, then the numbers in a table', async () => {
    const body =
      CHART(
        'type: bar\ntitle: Memory bandwidth\nx: chip\ny: bandwidth\nunit: TB/s\nseries: vendor\nsource: "Datasheets[^d]"\ndata:\n  - { chip: H100, vendor: Nvidia, bandwidth: 3.35 }\n  - { chip: Ascend 910B, vendor: Huawei, bandwidth: 1.6 }',
      ) + '\n\n[^d]: [Datasheet](https://example.org/d), 2024.';
    const { html, references } = (await render({ 'a.mdx': article('A', body) }))['a.mdx']!;
    expect(html).toContain('<figure class="chart chart-bar"><figcaption class="chart-title">Memory bandwidth</figcaption><div class="chart-graphic"><svg ');
    expect(html).toMatch(
      /<svg [^>]*class="chart-svg" role="img" data-pagefind-ignore=""><title>Memory bandwidth<\/title><desc>Bar chart of bandwidth \(TB\/s\) by chip, one series per vendor\. Nvidia, H100: 3\.35; Huawei, Ascend 910B: 1\.6\.<\/desc>/,
    );
    expect(html).toMatch(/<rect [^>]*class="chart-fill-1"/);
    expect(html).toMatch(/<rect [^>]*class="chart-fill-2"/);
    expect(html).not.toMatch(/\sstyle=|<style|var\(--/);
    expect(html).toContain('<ul class="chart-legend">');
    expect(html).toContain(
      '<details class="chart-data"><summary>The numbers</summary>\n<table><thead><tr><th scope="col">chip</th>\n<th scope="col">vendor</th>\n<th scope="col">bandwidth (TB/s)</th>\n</tr></thead><tbody><tr><th scope="row">H100</th><td>Nvidia</td><td>3.35</td></tr>',
    );
    expect(html).toContain('<p class="chart-source">Source: Datasheet');
    expect(references).toEqual(['Datasheet (example.org), 2024.']);
  });

  it('read their rows from a CSV file beside the article; line and scatter charts too', async () => {
    const files = {
      'hw/a.mdx': article(
        'A',
        CHART('type: line\ntitle: HBM\nx: year\ny: per_stack\nunit: GB/s\ndata: ./hbm.csv') +
          '\n\n' +
          CHART('type: scatter\ntitle: S\nx: compute\ny: bandwidth\ndata:\n  - { compute: 989, bandwidth: 3.35 }\n  - { compute: 376, bandwidth: 1.6 }'),
      ),
      'hw/hbm.csv': 'year,per_stack\n2015,128\n2022,819\n',
    };
    const { html } = (await render(files))['hw/a.mdx']!;
    expect(html).toContain('<desc>Line chart of per_stack (GB/s) by year. 2015: 128; 2022: 819.</desc>');
    expect(html).toContain('class="chart-stroke-1"');
    expect(html).toContain('<desc>Scatter plot of bandwidth by compute. 989: 3.35; 376: 1.6.</desc>');
  });

  it('take their spec from the pre-pass when the block reads as it did there, and read the YAML again when not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wiki-syntax-charts-'));
    const spec = (title: string) => `type: bar\ntitle: ${title}\nx: chip\ny: bandwidth\ndata:\n  - { chip: H100, bandwidth: 3.35 }`;
    writeFileSync(join(dir, 'a.mdx'), article('A', CHART(spec('First')) + '\n\n' + CHART(spec('Second'))));
    const { wiki, jobs } = wikiForRendering(dir);
    const charts = wiki.index.pages.get('a' as PageId)!.article.charts;
    expect(charts.map((chart) => [chart.line, chart.text])).toEqual([
      [7, spec('First')],
      [18, spec('Second')],
    ]);
    // Marked in the page index: the first chart's spec is the pre-pass's; the second no longer matches its block.
    charts[0]!.spec.title = 'First, as the pre-pass kept it';
    charts[1]!.spec.title = 'Second, as the pre-pass kept it';
    charts[1]!.text = spec('Changed since');
    const renderer = await createArticleRenderer(markdown, () => wiki);
    const outcome = await renderJob(renderer, jobs[0]!);
    if (!outcome.ok) throw new Error(outcome.message);
    expect([...outcome.code.matchAll(/<figcaption class="chart-title">([^<]*)</g)].map((m) => m[1])).toEqual(['First, as the pre-pass kept it', 'Second']);
  });

  it('stop on a mistake in the spec or the data, with the line and the fix', () => {
    const errors = errorsOf({
      'a.mdx': article(
        'A',
        [
          CHART('type: pie\ntitle: T\nx: a\ny: b\ndata:\n  - { a: x, b: 1 }'),
          CHART('type: bar\ntitle: T\nx: chip\ny: bandwith\ndata:\n  - { chip: H100, bandwidth: 3.35 }'),
          CHART('type: bar\ntitle: T\nx: chip\ny: bandwidth\ndata:\n  - { chip: H100, bandwidth: 3.35 }\n  - { chip: H200, bandwidth: 4.8 TB/s }'),
          CHART('type: bar\ntitle: T\nx: a\ny: b\ncolour: red\ndata:\n  - { a: x, b: 1 }'),
          CHART('type: bar\ntitle: [unclosed\nx: a'),
          CHART('type: bar\nx: a\ny: b\ndata: ./numbers.txt'),
        ].join('\n\n'),
      ),
    });
    expect(errors).toEqual([
      'a.mdx:8: error: unknown chart type `pie`: use `bar`, `line`, `scatter`',
      "a.mdx:22: error: `y: bandwith` names no column of the chart's `data`: use one of `chip`, `bandwidth`",
      "a.mdx:36: error: `bandwidth` in row 2 of the chart's `data` is `4.8 TB/s`, not a number: write a number such as `3.35` (no units: put the unit in `unit:`)",
      'a.mdx:46: error: unknown field `colour` in the chart: remove it, or use one of type, title, x, y, unit, series, source, description, xLabel, yLabel, data',
      "a.mdx:56: error: the chart's spec is not valid YAML (missed comma between flow collection entries): write one `field: value` per line, e.g. `type: bar`",
      'a.mdx:62: error: the chart has no `title`: add a line `title: Memory bandwidth of AI accelerators`',
      'a.mdx:65: error: `data: ./numbers.txt` is not a CSV file: write `data: ./numbers.csv` (a CSV file beside the article) or rows, one per line: `- { chip: H100, bandwidth: 3.35 }`',
    ]);
  });

  it('stop on a CSV file that is missing, lacks a column or holds text for a number', () => {
    const chart = (y: string, data: string) => CHART(`type: line\ntitle: T\nx: year\ny: ${y}\ndata: ${data}`);
    expect(
      errorsOf({
        'hw/a.mdx': article('A', [chart('v', './none.csv'), chart('speed', './n.csv'), chart('v', './n.csv')].join('\n\n')),
        'hw/n.csv': 'year,v\n2020,1\n2021,two\n',
      }),
    ).toEqual([
      "hw/a.mdx:7: error: the chart's data file `./none.csv` does not exist (hw/none.csv): create it beside the article, or correct `data:`",
      'hw/a.mdx:17: error: `y: speed` names no column of `./n.csv`: use one of `year`, `v`',
      'hw/a.mdx:27: error: `v` in row 2 of `./n.csv` is `two`, not a number: write a number such as `3.35` (no units: put the unit in `unit:`) (line 3 of hw/n.csv)',
    ]);
  });
});
