/** A content folder made ready for the article renderer, as the article loader would: its wiki and its jobs. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWiki, writeWiki } from '../../bench/generate.ts';
import type { RenderJob, WikiForRendering } from '../../src/render/article-renderer.ts';
import { loadPageIndex } from '../../src/content-folder/read-folder.ts';
import { writeCitedEntries } from '../../src/content-folder/cited-entries.ts';
import { buildReferenceIndex } from '../../src/model/references-index.ts';
import { resolveUiStrings } from '../../src/shared/ui-strings.ts';
import { repoRoot } from './build-site.ts';
import { article } from './index.ts';

/** Astro's Markdown settings as the wiki's config gives them. */
export const markdown = { syntaxHighlight: 'prism' as const, gfm: true, smartypants: false };

export function wikiForRendering(contentDir: string): { wiki: WikiForRendering; jobs: RenderJob[] } {
  // The fixtures are the project's own: the site fixture holds an `{expression}` on purpose (full MDX).
  const index = loadPageIndex(contentDir, undefined, { trust: 'trusted' });
  const citedPaths = writeCitedEntries(buildReferenceIndex(index).citedEntries, mkdtempSync(join(tmpdir(), 'cited-')));
  const jobs = [...index.pages.values()].map((page) => ({
    file: join(contentDir, page.file),
    body: readFileSync(join(contentDir, page.file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (m) => m.replace(/[^\n]/g, '')),
    frontmatter: page.article.frontmatter as unknown as Record<string, unknown>,
  }));
  return {
    wiki: {
      contentDir,
      citationStyle: 'vancouver',
      citationStyleKey: 'vancouver',
      index,
      citedPaths,
      language: 'en',
      strings: resolveUiStrings('en'),
      recent: [],
    },
    jobs,
  };
}

/** Corner cases, as one small wiki whose links resolve. */
function cornerWiki(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corner-'));
  const pages: Record<string, string> = {
    target: article('Target', '## Memory\n\nThe target.'),
    links: article(
      'Links',
      'See [[target]], [[target|Text]], [[target#Memory|the memory]], [[Target#memory]], [[missing page]] and [[ target ]]s.\n\nGlued [[target]][[links]], **bold [[target|T]]**, ~~struck [[target]]~~, `[[code]]`, \\[[escaped]].',
    ),
    table: article('Table', '| chip | maker |\n|:---|---:|\n| [[target\\|T]] | [[links]] |\n| `x` | **y** |'),
    notes: article(
      'Notes',
      'Claim.[^a] Again.[^a] Other.[^b] Missing.[^none]\n\n[^a]: See [[target]] and [Site](https://example.org), 2024.\n[^b]: [Other](https://example.com/x?q=1&r=2).',
    ),
    blocks: article(
      'Blocks',
      '> Quoted [[target]].\n\n- item\n  - nested [[links|two]]\n1. one\n2. two\n\n- [ ] task\n- [x] done\n\n```python\nprint("[[not a link]]")\n```\n\n***\n\nSetext\n---\n\n## Same\n\n## Same\n\nLine  \nbreak\\\nagain',
    ),
    prose: article(
      'Prose',
      'Entities &amp; &copy; AT&T; www.example.org and https://example.org/path; 5 \\< 6; 华为的[[target|昇腾]]芯片。"Quotes" -- dashes... and ![image](https://example.org/a.png "t").\n\n    indented text\n\nA [ref] and [full][ref].\n\n[ref]: https://example.org "Title"',
    ),
    nested: article('Nested', 'A [label with [[target]] link](https://example.org).'),
    components: article(
      'Components',
      'Prices $5 and $10; about $C \\approx 6ND$.[^a][^m]\n\n## Loss $L(N)$ of a model\n\nSee [the law $L \\propto N^{-a}$](https://example.org) and [[target|$x_i$]].\n\n| $n$ | $2^n$ |\n|---|---|\n| 3 | 8 |\n\n$$\nL = \\frac{A}{N}\n$$\n\n> [!WARNING] Careful [[target]]\n> Body.\n\n![Die](https://example.org/die.png "The die[^a] on [[target|T]]")\n\n<Figure src="https://example.org/d.png" alt="D" caption="C $x$" credit="Me" />\n\n```chart\ntype: line\ntitle: T\nx: year\ny: v\nseries: s\nsource: "S[^a]"\ndata:\n  - { year: 2020, v: 1, s: A }\n  - { year: 2021, v: 2, s: A }\n  - { year: 2020, v: 3, s: B }\n```\n\n[^a]: [A](https://example.org/a), 2024.\n[^m]: With $\\alpha < 1$, [B](https://example.org/b), 2025.',
      'infobox:\n  caption: Cap\n  rows:\n    Designer: "[[target]]"\n    Year: 2022[^a]\n',
    ),
  };
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, `${name}.mdx`), text);
  return dir;
}

/**
 * Content folders that rendering is checked over, each as [name, folder]: the real content, every fixture site,
 * a generated wiki of 150 articles (`seed` picks which) and the corner cases above.
 */
export function renderedSites(seed: number): Array<[string, () => string]> {
  const generated = (pages: number, components: boolean) => () => {
    const dir = mkdtempSync(join(tmpdir(), 'generated-'));
    writeWiki(dir, generateWiki({ pages, seed, components }));
    return dir;
  };
  return [
    ['the real content', () => join(repoRoot, 'content')],
    ...['site', 'references', 'reading', 'graph', 'search', 'components'].map((name): [string, () => string] => [
      `the ${name} fixture`,
      () => join(repoRoot, 'tests/fixtures', name),
    ]),
    ['a generated wiki of 150 articles', generated(150, false)],
    // An infobox, a formula, a callout, a figure and a chart in every article.
    ['a generated wiki of 40 articles with every component', generated(40, true)],
    ['corner cases', cornerWiki],
  ];
}
