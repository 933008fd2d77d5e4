/**
 * A deterministic synthetic wiki for benchmarks: N articles of about 1,000
 * words in five namespaces, 5–25 wiki links each (a third to hub pages, some
 * through aliases, relative ids and section anchors), a few red links, 2–8
 * footnote citations, tags, `seeAlso`, and now and then a table or a code block.
 *
 * One model of each article is rendered twice: as this wiki's MDX (`[[links]]`)
 * and as plain Markdown with ordinary links, for Starlight and the bare
 * unified pipeline. Same seed, same bytes.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const NAMESPACES = ['hardware', 'software', 'research', 'companies', 'concepts'] as const;

const WORDS = (
  'accelerator bandwidth cache cluster compiler compute core cooling datacenter die driver efficiency fabric ' +
  'firmware gradient graph interconnect kernel latency memory model network node operator package pipeline ' +
  'precision process rack runtime scheduler silicon socket storage stream switch tensor throughput training ' +
  'inference vector wafer workload yield matrix sparse dense batch token layer attention optimizer checkpoint ' +
  'shard replica partition collective reduction topology link lane transceiver substrate interposer package ' +
  'thermal power budget voltage clock frequency benchmark dataset corpus evaluation baseline ablation scaling ' +
  'law frontier export licence regulation supplier foundry node lithography yield roadmap generation successor ' +
  'predecessor variant product family architecture design review paper result claim estimate figure table ' +
  'engineer team vendor customer market share revenue quarter launch announcement release version update ' +
  'support library framework kernel fusion quantization distillation pruning mixture expert router embedding ' +
  'context window sequence length decoder encoder prefill decode serving cost energy carbon efficiency'
).split(' ');

/**
 * Real prose has a long tail of rare words, and the search index grows with it:
 * a quarter of the words come from 30,000 made-up words drawn with Zipf-like
 * (log-uniform rank) frequencies.
 */
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'vex', 'dal', 'sun', 'pra', 'quo', 'zel', 'bri', 'nal', 'tek', 'mor', 'fis', 'gan', 'hul', 'jor', 'wen'];
const RARE_WORDS = 30_000;

/** The made-up word of a rank (0 is the most frequent): its digits in base 20, one syllable each. */
export function rareWord(rank: number): string {
  let out = '';
  let rest = rank;
  do {
    out = (SYLLABLES[rest % SYLLABLES.length] ?? '') + out;
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || out.length < 4);
  return out;
}

/** Search queries for the benchmark: ten, as the issue asks: common words, two-word phrases, and rare words of four frequencies. */
export const BENCHMARK_QUERIES = [
  // common words
  'interconnect',
  'latency',
  'quantization',
  // two-word phrases
  'memory bandwidth',
  'thermal budget',
  'export licence',
  // rare words, from frequent to very rare
  rareWord(30),
  rareWord(300),
  rareWord(3000),
  rareWord(20000),
];

const SECTIONS = ['Overview', 'History', 'Design', 'Performance', 'Use', 'Reception', 'Successors', 'Criticism'];
const TAGS = ['gpu', 'npu', 'memory', 'network', 'training', 'inference', 'policy', 'company', 'software', 'benchmark', 'history', 'design'];

export interface GenerateOptions {
  pages: number;
  seed?: number;
  /**
   * Give every article the wiki's own blocks besides its prose: an infobox, a formula, a callout, a figure and
   * a chart (`npm run bench -- --components`). The articles are otherwise the same, byte for byte, so the
   * two builds compare what the blocks cost.
   */
  components?: boolean;
  /**
   * The picture of the figures and infoboxes: `remote` (default), an https:// address, shown as written; or
   * `local`, FIGURE_FILE beside the articles, which Astro's image pipeline converts and the article loader keeps
   * in its store rather than in a file (`npm run bench -- --components --local-pictures`).
   */
  pictures?: 'remote' | 'local';
  /**
   * `long`: articles of about 4,000 words with 25–45 footnotes each (a wiki of long, heavily cited articles,
   * the shape that costs the most memory per article); `standard` (default): about 1,000 words, 2–8 footnotes.
   */
  shape?: 'standard' | 'long';
}

/** The picture of the generated figures and infoboxes when they are remote. */
export const FIGURE_URL = 'https://example.org/figures/figure.png';

/** The picture of every generated figure and infobox, relative to the content folder (bench/figure.png is copied there). */
export const FIGURE_FILE = 'figures/figure.png';

export interface GeneratedArticle {
  /** Page id, e.g. `hardware:lumen_array_42`. */
  id: string;
  /** Path below the content folder, e.g. `hardware/lumen_array_42`, without extension. */
  path: string;
  title: string;
  /** Ids of the pages it links to, in order, `missing:…` for red links. */
  links: string[];
  footnotes: number;
  /** The article as this wiki's MDX. */
  mdx: string;
  /** The same article as plain Markdown with ordinary links (for Starlight and the bare pipeline). */
  markdown: string;
}

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

interface Skeleton {
  id: string;
  path: string;
  namespace: string;
  title: string;
  alias?: string;
}

function skeletons(pages: number, rand: () => number): Skeleton[] {
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)] ?? 'page';
  return Array.from({ length: pages }, (_, i) => {
    const namespace = NAMESPACES[i % NAMESPACES.length] ?? 'concepts';
    const a = pick();
    const b = pick();
    const base = `${a}_${b}_${i}`;
    return { id: `${namespace}:${base}`, path: `${namespace}/${base}`, namespace, title: `${capitalize(a)} ${b} ${i}` };
  });
}

/** Hubs: the first 2% of pages (at least 3), linked from a third of all links. */
function hubCount(pages: number): number {
  return Math.min(pages, Math.max(3, Math.floor(pages / 50)));
}

interface Link {
  target: Skeleton | undefined;
  /** For red links: the id that does not exist. */
  missing?: string;
  text?: string;
  anchor?: string;
  relative?: boolean;
  viaAlias?: boolean;
}

function wikiLinkSyntax(link: Link, from: Skeleton): string {
  if (!link.target) return link.text ? `[[${link.missing}|${link.text}]]` : `[[${link.missing}]]`;
  let target = link.viaAlias && link.target.alias ? link.target.alias : link.target.id;
  if (link.relative && link.target.namespace === from.namespace) target = `.:${link.target.id.split(':')[1]}`;
  if (link.anchor) target += `#${link.anchor}`;
  return link.text ? `[[${target}|${link.text}]]` : `[[${target}]]`;
}

function markdownLink(link: Link): string {
  const text = link.text ?? link.target?.title ?? link.missing ?? '';
  const href = link.target ? `/${link.target.path}/${link.anchor ? `#${link.anchor.toLowerCase()}` : ''}` : `/${(link.missing ?? '').replace(/:/g, '/')}/`;
  return `[${text}](${href})`;
}

/** Numbers for an article's chart and infobox: made from its index, so that the prose's dice are not moved. */
function figures(index: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.round((((index * 7919 + i * 104729) % 997) / 10 + 1) * 100) / 100);
}

/** The wiki's own blocks for one article (see GenerateOptions.components). */
function componentBlocks(
  self: Skeleton,
  index: number,
  links: Link[],
  pictures: 'remote' | 'local',
): { frontmatter: string[]; afterLead: string[]; inSection: string[] } {
  const figure =
    pictures === 'local'
      ? `${
          self.path
            .split('/')
            .map(() => '..')
            .slice(1)
            .join('/') || '.'
        }/${FIGURE_FILE}`
      : FIGURE_URL;
  const [a, b, c, d, e] = figures(index, 5);
  const linked = links.find((l) => l.target)?.target;
  return {
    frontmatter: [
      'infobox:',
      `  image: ${figure}`,
      `  caption: ${self.title}, as shipped`,
      '  rows:',
      `    Designer: "${linked ? `[[${linked.id}]]` : 'Unknown'}"`,
      `    Memory: "${a} GB"`,
      `    Bandwidth: "${b} TB/s[^n1]"`,
      `    Released: ${2015 + (index % 10)}`,
      `    Power: "${Math.round((c ?? 1) * 10)} W"`,
    ],
    afterLead: [
      `Its throughput follows $T = ${a} \\cdot n_{\\text{cores}} \\cdot f$, and training a model of $N$ parameters on $D$ tokens takes about $C \\approx 6ND$ operations.`,
    ],
    inSection: [
      `> [!NOTE]
> The figures for ${self.title} are vendor numbers, not measured ones.`,
      `![Package of ${self.title}](${figure} "The package of ${self.title}, ${d} mm across[^n1]")`,
      [
        '```chart',
        'type: bar',
        `title: Throughput of ${self.title} by precision`,
        'x: precision',
        'y: throughput',
        'unit: TFLOPS',
        'data:',
        `  - { precision: FP32, throughput: ${a} }`,
        `  - { precision: FP16, throughput: ${b} }`,
        `  - { precision: FP8, throughput: ${c} }`,
        `  - { precision: INT8, throughput: ${d} }`,
        `  - { precision: INT4, throughput: ${e} }`,
        'source: "Vendor datasheet[^n1]"',
        '```',
      ].join('\n'),
    ],
  };
}

function article(
  self: Skeleton,
  index: number,
  all: Skeleton[],
  rand: () => number,
  components = false,
  pictures: 'remote' | 'local' = 'remote',
  shape: 'standard' | 'long' = 'standard',
): GeneratedArticle {
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const word = () => (rand() < 0.25 ? rareWord(Math.floor(Math.exp(rand() * Math.log(RARE_WORDS))) - 1) : (WORDS[Math.floor(rand() * WORDS.length)] ?? 'word'));
  const hubs = hubCount(all.length);
  const other = (): Skeleton => {
    for (;;) {
      const candidate = all[rand() < 1 / 3 ? Math.floor(rand() * hubs) : Math.floor(rand() * all.length)];
      if (candidate && (candidate !== self || all.length === 1)) return candidate;
    }
  };

  const linkCount = int(5, 25);
  const links: Link[] = Array.from({ length: linkCount }, (_, n) => {
    // About one article in twelve has a red link: "a few" across the wiki.
    if (n === 0 && rand() < 1 / 12) return { target: undefined, missing: `wanted_${word()}_${int(1, 50)}`, text: `${word()} ${word()}` };
    const target = other();
    const roll = rand();
    return {
      target,
      ...(roll < 0.35 ? { text: `${word()} ${word()}` } : {}),
      ...(roll > 0.9 ? { anchor: 'Overview' } : {}),
      ...(roll > 0.8 && roll <= 0.9 ? { relative: true } : {}),
      ...(roll > 0.7 && roll <= 0.8 && target.alias ? { viaAlias: true } : {}),
    };
  });
  const footnotes = shape === 'long' ? int(25, 45) : int(2, 8);
  const sectionNames = ['Overview', ...SECTIONS.slice(1).filter(() => rand() < 0.6)].slice(0, int(4, 6));
  const withTable = rand() < 0.2;
  const withCode = rand() < 0.1;

  // Body: ~1,000 words of sentences, links and footnote calls spread through the sections.
  type Piece = { wiki: string; md: string };
  const blocks: Piece[][] = [];
  let words = 0;
  let nextLink = 0;
  let nextNote = 1;
  const targetWords = shape === 'long' ? int(3600, 4400) : int(900, 1100);
  const paragraphs = Math.max(sectionNames.length + 1, Math.round(targetWords / 90));
  for (let p = 0; p < paragraphs; p++) {
    const sentences: Piece[] = [];
    const budget = Math.round((targetWords - words) / (paragraphs - p));
    let inParagraph = 0;
    while (inParagraph < budget) {
      const length = int(8, 20);
      const tokens = Array.from({ length }, word);
      tokens[0] = capitalize(tokens[0] ?? 'The');
      if (rand() < 0.08) tokens[2] = `**${tokens[2]}**`;
      let wiki = tokens.join(' ');
      let md = wiki;
      const link = links[nextLink];
      if (link && rand() < (links.length - nextLink) / Math.max(1, paragraphs - p) / 5) {
        wiki += ` ${wikiLinkSyntax(link, self)}`;
        md += ` ${markdownLink(link)}`;
        nextLink++;
      }
      let end = '.';
      if (nextNote <= footnotes && rand() < 0.25) end = `.[^n${nextNote++}]`;
      sentences.push({ wiki: wiki + end, md: md + end });
      inParagraph += length;
    }
    words += inParagraph;
    blocks.push(sentences);
  }
  // Whatever the dice left over goes into the last paragraph, so the counts hold.
  const last = blocks[blocks.length - 1] ?? [];
  for (; nextLink < links.length; nextLink++) {
    const link = links[nextLink];
    if (link) last.push({ wiki: `See ${wikiLinkSyntax(link, self)}.`, md: `See ${markdownLink(link)}.` });
  }
  for (; nextNote <= footnotes; nextNote++) last.push({ wiki: `As reported.[^n${nextNote}]`, md: `As reported.[^n${nextNote}]` });

  const seeAlso = Array.from({ length: int(1, 3) }, other).filter((s, i, list) => list.indexOf(s) === i);
  const tags = TAGS.filter(() => rand() < 0.2).slice(0, 4);
  const description = `${capitalize(word())} ${word()} ${word()} of the synthetic wiki, article ${index}.`;
  const frontmatter = [
    '---',
    `title: ${self.title}`,
    `description: ${description}`,
    `tags: [${tags.join(', ')}]`,
    ...(self.alias ? [`aliases: [${self.alias}]`] : []),
    `seeAlso: [${seeAlso.map((s) => s.id).join(', ')}]`,
    `updated: 2026-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`,
    '---',
    '',
  ];
  const blocks2 = components ? componentBlocks(self, index, links, pictures) : undefined;
  if (blocks2) frontmatter.splice(frontmatter.indexOf('---', 1), 0, ...blocks2.frontmatter);
  const starlightFrontmatter = ['---', `title: ${self.title}`, `description: ${description}`, '---', ''];

  const body = (kind: 'wiki' | 'md'): string => {
    const out: string[] = [];
    const perSection = Math.max(1, Math.floor((blocks.length - 1) / sectionNames.length));
    blocks.forEach((sentences, i) => {
      if (i > 0 && (i - 1) % perSection === 0) {
        const name = sectionNames[(i - 1) / perSection];
        if (name) out.push(`## ${name}`);
        if (name === 'Design' && withTable) out.push('| Figure | Value |\n| --- | --- |\n| memory | 80 GB |\n| bandwidth | 3.35 TB/s |\n| power | 700 W |');
        if (name === 'Use' && withCode) out.push('```python\nimport torch\nx = torch.randn(8, 8, device="cuda")\nprint((x @ x.T).sum())\n```');
      }
      out.push(sentences.map((s) => s[kind]).join(' '));
      if (kind === 'wiki' && blocks2 && i === 0) out.push(...blocks2.afterLead);
      if (kind === 'wiki' && blocks2 && i === 1) out.push(...blocks2.inSection);
    });
    for (let n = 1; n <= footnotes; n++) {
      out.push(
        `[^n${n}]: [${capitalize(word())} ${word()} report ${n}](https://example.org/${self.path}/${n}), ${capitalize(word())} Press, ${2015 + (n % 10)}.`,
      );
    }
    return out.join('\n\n');
  };

  return {
    id: self.id,
    path: self.path,
    title: self.title,
    links: links.map((l) => (l.target ? l.target.id : `missing:${l.missing}`)),
    footnotes,
    mdx: `${frontmatter.join('\n')}\n${body('wiki')}\n`,
    markdown: `${starlightFrontmatter.join('\n')}\n${body('md')}\n`,
  };
}

/** The synthetic wiki of `pages` articles; the same options give the same articles, byte for byte. */
export function generateWiki({ pages, seed = 1, components = false, pictures = 'remote', shape = 'standard' }: GenerateOptions): GeneratedArticle[] {
  const rand = random(seed);
  const all = skeletons(pages, rand);
  // Hubs get an alias, so some links go through the alias table.
  all.slice(0, hubCount(pages)).forEach((hub, i) => {
    hub.alias = `hub_alias_${i}`;
  });
  return all.map((self, i) => article(self, i, all, rand, components, pictures, shape));
}

/** Write the articles as a content folder of `.mdx` files (or `.md` files in `markdown` form), with the figures' picture. */
export function writeWiki(dir: string, articles: GeneratedArticle[], form: 'mdx' | 'markdown' = 'mdx'): void {
  rmSync(dir, { recursive: true, force: true });
  if (form === 'mdx' && articles.some((a) => a.mdx.includes(FIGURE_FILE))) {
    mkdirSync(join(dir, dirname(FIGURE_FILE)), { recursive: true });
    copyFileSync(join(import.meta.dirname, 'figure.png'), join(dir, FIGURE_FILE));
  }
  for (const a of articles) {
    const file = join(dir, `${a.path}.${form === 'mdx' ? 'mdx' : 'md'}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, form === 'mdx' ? a.mdx : a.markdown);
  }
}
