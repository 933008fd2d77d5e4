/**
 * Checks on what the wiki's articles say, for tests/unit/content-facts.test.ts (issue 22, "The seed article,
 * fact-checked"):
 *
 * - every number with a unit (TB/s, GB, teraFLOPS, W, FLOP, …) sits in a sentence, or a table cell, that carries
 *   a citation: a footnote call or a `[@key]`. A table cell is cited by a citation in the cell, in its row, or in
 *   the table's header row (a vendor table cited once in its header, as Wikipedia does);
 * - the same holds for the infobox: a row (or the caption) that gives a figure carries its own citation;
 * - every chart names where its numbers come from: a `source:` that cites (its rows are numbers without units,
 *   so the source is what a reader checks them against);
 * - a figure in the frontmatter `description` also appears in a cited sentence, cell or infobox row;
 * - the wrong figures and claims the fact-check found do not come back (`BAD_CLAIMS`);
 * - no footnote repeats a work that references.bib already holds: those are cited as `[@key]`.
 *
 * Articles are parsed with remark (MDX, GFM, frontmatter, math with the wiki's rule for prose dollars), not
 * matched line by line, so that footnote definitions, code and link targets are never mistaken for prose.
 */
import type { Heading, Nodes, Paragraph, Root, RootContent, Table, TableCell } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { parseChartSpec } from '../../src/model/chart-spec.ts';
import { infoboxSpec } from '../../src/model/infobox.ts';
import { readWithProseDollars } from '../../src/model/prose-dollars.ts';
import { findCitations } from '../../src/model/references.ts';
import { articleSchema } from '../../src/model/schema.ts';

/** Stands for a footnote call in flattened text; never typed by a writer. */
const FOOTNOTE_MARK = '\uE000';

/** The heading of the seed article's list of corrections, which quotes the wrong claims it corrects. */
export const CORRECTIONS_HEADING = 'Corrections to the original article';

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** A block of prose as a reader sees it, with footnote calls as `FOOTNOTE_MARK`. */
interface TextBlock {
  readonly text: string;
  readonly line: number;
  /** The heading of the `##` section the block is in ('' before the first). */
  readonly section: string;
}

// The plugins of the wiki's own pre-pass (src/model/parse-article.ts): without remark-math, TeX braces would be
// read as MDX expressions.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx).use(remarkGfm).use(remarkMath);

export function parseArticle(source: string): Root {
  return readWithProseDollars(source, (text) => parser.parse(text));
}

// ---- figures ----------------------------------------------------------------------------------------------

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** `10^25` or `10²⁵`, as prose writes a power of ten. */
const POWER = String.raw`10(?:\^\s*\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)`;
const UNIT = [
  String.raw`[TGMPE]B/s`,
  String.raw`[TG]b/s`,
  String.raw`[TGMP]B`,
  String.raw`(?:tera|peta|exa|[TPE])?FLOP(?:S|s|/s)?`,
  String.raw`[TP]OPS`,
  String.raw`[kM]?W`,
  'floating-point operations',
].join('|');
/** `3.35 TB/s`, `3,958 teraFLOPS`, `700 W`, `3.8 × 10^25 FLOP` (or `10²⁵`), `10^25 floating-point operations`, `2.53 × 10^24 operations`. */
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(?:(?:${NUMBER}\s*[×x]\s*)?${POWER}\s*(?:${UNIT}|operations)|${NUMBER}\s?(?:${UNIT}))(?![\p{L}\p{N}/])`,
  'gu',
);

/** Numbers with units in a piece of text, as written. */
export function figuresIn(text: string): string[] {
  return [...text.matchAll(FIGURE)].map((match) => match[0].replace(/\s+/g, ' '));
}

function isCited(text: string): boolean {
  return text.includes(FOOTNOTE_MARK) || findCitations(text).length > 0;
}

/** Inline Markdown as written (an infobox row, a chart's source) that calls a footnote or cites a `[@key]`. */
export function citesInMarkdown(markdown: string): boolean {
  return /\[\^[^\]\s]+\]/.test(markdown) || findCitations(markdown).length > 0;
}

// ---- sentences --------------------------------------------------------------------------------------------

/** Words whose full stop ends no sentence. */
const ABBREVIATION = /(?:\be\.g|\bi\.e|\bet al|\betc|\bvs|\bcf|\bFig|\bNo|\bInc|\bLtd|\bCorp|\bCo|\bU\.S|\bSt|\bDr|\bMr|\bMs|\bpp?)$/;
/**
 * A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets), keeps the footnote calls and `[@key]`
 * citations written right after it, and is followed by white space and a capital, a digit, a quote or a bracket.
 */
const SENTENCE_END = new RegExp(String.raw`[.!?]["”’)\]]*(?:${FOOTNOTE_MARK}|\[[^[\]]*@[^[\]]+\])*(?=\s+["“\[\p{Lu}\p{N}])`, 'gu');

export function sentences(text: string): string[] {
  const result: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (ABBREVIATION.test(text.slice(start, match.index))) continue;
    result.push(text.slice(start, end).trim());
    start = end;
  }
  result.push(text.slice(start).trim());
  return result.filter((sentence) => sentence !== '');
}

// ---- the tree as text -------------------------------------------------------------------------------------

/** Inline content as a reader sees it: link texts, `<sup>` as `^`, footnote calls as `FOOTNOTE_MARK`. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'inlineMath':
      return node.value;
    case 'footnoteReference':
      return FOOTNOTE_MARK;
    case 'break':
      return ' ';
    case 'mdxJsxTextElement': {
      const inner = node.children.map(inlineText).join('');
      return node.name === 'sup' ? `^${inner}` : inner;
    }
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inlineText).join('') : '';
  }
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

/** Paragraphs and headings outside footnote definitions, code and tables, each with its `##` section. */
function textBlocks(root: Root): TextBlock[] {
  const blocks: TextBlock[] = [];
  let section = '';
  const visit = (node: RootContent): void => {
    if (node.type === 'heading') {
      const heading: Heading = node;
      if (heading.depth === 2) section = inlineText(heading).trim();
      blocks.push({ text: inlineText(heading), line: lineOf(heading), section });
      return;
    }
    if (node.type === 'paragraph') {
      const paragraph: Paragraph = node;
      blocks.push({ text: inlineText(paragraph), line: lineOf(paragraph), section });
      return;
    }
    if (node.type === 'footnoteDefinition' || node.type === 'table' || node.type === 'code' || node.type === 'yaml') return;
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  for (const child of root.children) visit(child);
  return blocks;
}

function tables(root: Root): Table[] {
  const found: Table[] = [];
  const visit = (node: RootContent): void => {
    if (node.type === 'table') found.push(node);
    else if (node.type !== 'footnoteDefinition' && 'children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  for (const child of root.children) visit(child);
  return found;
}

// ---- checks -----------------------------------------------------------------------------------------------

/** Numbers with units that sit in no cited sentence or table cell; also returns the cited texts. */
function uncitedFigures(file: string, root: Root): { findings: Finding[]; cited: string[] } {
  const findings: Finding[] = [];
  const cited: string[] = [];
  for (const block of textBlocks(root)) {
    for (const sentence of sentences(block.text)) {
      if (isCited(sentence)) {
        cited.push(sentence);
        continue;
      }
      for (const figure of figuresIn(sentence)) {
        findings.push({ file, line: block.line, message: `"${figure}" has no citation in its sentence: ${sentence}` });
      }
    }
  }
  for (const table of tables(root)) {
    const cellText = (cell: TableCell): string => inlineText(cell);
    const rows = table.children.map((row) => row.children.map(cellText));
    const headerCited = (rows[0] ?? []).some(isCited);
    table.children.forEach((row, r) => {
      const rowCited = (rows[r] ?? []).some(isCited);
      row.children.forEach((cell, c) => {
        const text = rows[r]?.[c] ?? '';
        if (isCited(text) || rowCited || headerCited) {
          cited.push(text);
          return;
        }
        for (const figure of figuresIn(text)) {
          findings.push({ file, line: lineOf(cell), message: `"${figure}" has no citation in its table cell, row or header: ${text}` });
        }
      });
    });
  }
  return { findings, cited };
}

/** The frontmatter's text and its parsed fields ({} without frontmatter). */
function frontmatter(source: string): { yaml: string; data: Record<string, unknown> } {
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '';
  const data: unknown = yaml === '' ? {} : parseYaml(yaml);
  return { yaml, data: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {} };
}

/** Infobox rows and caption that give a figure without a citation of their own; also returns the cited ones. */
function infoboxFigures(file: string, source: string): { findings: Finding[]; cited: string[] } {
  const { yaml, data } = frontmatter(source);
  const checked = articleSchema.shape.infobox.safeParse(data['infobox']);
  if (!checked.success || checked.data === undefined) return { findings: [], cited: [] };
  // The frontmatter's first line is line 2 of the file, after `---`.
  const box = infoboxSpec(checked.data, yaml, 2);
  const fields = [...box.rows, ...(box.caption === undefined ? [] : [{ label: 'caption', value: box.caption, line: box.line }])];
  const findings: Finding[] = [];
  const cited: string[] = [];
  for (const { label, value, line } of fields) {
    if (citesInMarkdown(value)) {
      cited.push(value);
      continue;
    }
    for (const figure of figuresIn(value)) {
      findings.push({
        file,
        line,
        message: `"${figure}" in the infobox's \`${label}\` has no citation: add one after it, e.g. \`${label}: "${value}[^spec]"\``,
      });
    }
  }
  return { findings, cited };
}

/** Charts that do not say where their numbers come from. */
function chartSources(file: string, root: Root): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: RootContent): void => {
    if (node.type === 'code' && node.lang === 'chart') {
      const line = lineOf(node);
      const parsed = parseChartSpec(node.value, line + 1);
      // A spec the build cannot read is the build's to report, with its own message.
      if (!parsed.ok) return;
      const { title, source } = parsed.spec;
      if (source === undefined) {
        findings.push({
          file,
          line,
          message: `the chart "${title}" has no \`source\`: add \`source: "Publisher, year[^spec]"\` citing where its numbers come from`,
        });
      } else if (!citesInMarkdown(source)) {
        findings.push({
          file,
          line,
          message: `the source of the chart "${title}" cites nothing: add a footnote call or a \`[@key]\` to \`source: ${source}\``,
        });
      }
      return;
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  for (const child of root.children) visit(child);
  return findings;
}

function descriptionFigures(file: string, source: string, cited: readonly string[]): Finding[] {
  const { data } = frontmatter(source);
  const description = 'description' in data ? String(data['description']) : '';
  const body = cited.map((text) => text.replace(/\s+/g, ' ')).join('\n');
  return figuresIn(description)
    .filter((figure) => !body.includes(figure))
    .map((figure) => ({ file, line: 1, message: `the description's "${figure}" appears in no cited sentence or table cell of the body` }));
}

export interface BadClaim {
  readonly pattern: RegExp;
  /** What is right instead, and the source. */
  readonly fix: string;
}

/** The wrong or unsourced figures and claims found by the fact-check of issue 22, in any article. */
export const BAD_CLAIMS: readonly BadClaim[] = [
  { pattern: /\b1\s*[-–]\s*3\s*TB\/s/, fix: 'Nvidia specifies 3.35 TB/s (H100 SXM) and 4.8 TB/s (H200 SXM)' },
  {
    pattern: /lower memory[- ]bandwidth requirements? than training/i,
    fix: 'decoding is limited by memory bandwidth (Pope et al. 2022, [@pope2022])',
  },
  { pattern: /Ascend C\+\+/, fix: "Huawei's operator language is Ascend C" },
  {
    pattern: /(?:often )?exceeding 10(?:\^?\s*24|²⁴) floating-point operations/i,
    fix: 'give the figures: GPT-3 3.14 × 10^23, PaLM 2.53 × 10^24, Llama 3 405B 3.8 × 10^25',
  },
  { pattern: /decades of (?:optimi[sz]ation|dominance)/i, fix: 'CUDA dates from 2006' },
  { pattern: /superior FLOPS|compared to competing solutions/i, fix: "give Nvidia's own figures, attributed to Nvidia" },
  { pattern: /inference-centric/i, fix: "Huawei's 2025 roadmap targets decoding and training as well as prefill" },
  { pattern: /(?:networking|interconnect)[^.]*\bless mature\b/i, fix: 'no source says so: attribute or remove' },
  { pattern: /economically viable/i, fix: 'no source says so: attribute (Interconnects) or remove' },
];

function badClaims(file: string, root: Root): Finding[] {
  const findings: Finding[] = [];
  for (const block of textBlocks(root)) {
    // The corrections note quotes what it corrects.
    if (block.section === CORRECTIONS_HEADING) continue;
    for (const claim of BAD_CLAIMS) {
      const match = claim.pattern.exec(block.text.replaceAll(FOOTNOTE_MARK, ''));
      if (match !== null) findings.push({ file, line: block.line, message: `"${match[0]}": ${claim.fix}` });
    }
    for (const sentence of sentences(block.text)) {
      if (/\bCUDA\b/.test(sentence) && /\bdecades\b/i.test(sentence)) {
        findings.push({ file, line: block.line, message: `CUDA dates from 2006, not "decades": ${sentence}` });
      }
    }
  }
  return findings;
}

/** `https://arxiv.org/abs/2104.04473v2` → `arxiv:2104.04473`; `https://doi.org/10.1/X` → `doi:10.1/x`; else the address. */
export function workId(address: string): string {
  const arxiv = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/i.exec(address);
  if (arxiv?.[1] !== undefined) return `arxiv:${arxiv[1]}`;
  const doi = /(?:doi\.org\/|^doi:\s*)(10\.\S+)/i.exec(address);
  if (doi?.[1] !== undefined) return `doi:${doi[1].toLowerCase()}`;
  return address
    .replace(/^https?:\/\/(?:www\.)?/i, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

/** Every work of a BibTeX file, by the ids its `url`, `eprint` and `doi` fields give, with its key. */
export function bibliographyWorks(bibtex: string): Map<string, string> {
  const works = new Map<string, string>();
  for (const entry of bibtex.split(/^@/m).slice(1)) {
    const key = /^\w+\s*\{\s*([^,\s]+)\s*,/.exec(entry)?.[1];
    if (key === undefined) continue;
    for (const field of entry.matchAll(/^\s*(url|eprint|doi)\s*=\s*\{([^}]*)\}/gim)) {
      const [, name = '', value = ''] = field;
      const id =
        name.toLowerCase() === 'eprint' ? `arxiv:${value.trim()}` : name.toLowerCase() === 'doi' ? `doi:${value.trim().toLowerCase()}` : workId(value.trim());
      works.set(id, key);
    }
  }
  return works;
}

function footnotesRepeatingBibliography(file: string, root: Root, works: ReadonlyMap<string, string>): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: RootContent, inFootnote: boolean): void => {
    if (node.type === 'link' && inFootnote) {
      const key = works.get(workId(node.url));
      if (key !== undefined) {
        findings.push({ file, line: lineOf(node), message: `a footnote repeats ${node.url}, which references.bib holds: cite [@${key}]` });
      }
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child, inFootnote || node.type === 'footnoteDefinition');
  };
  for (const child of root.children) visit(child, false);
  return findings;
}

/** Everything `checkArticle` finds wrong with one article, each with file, line and what to do. */
export function checkArticle(file: string, source: string, works: ReadonlyMap<string, string>): Finding[] {
  const root = parseArticle(source);
  const { findings, cited } = uncitedFigures(file, root);
  const infobox = infoboxFigures(file, source);
  return [
    ...findings,
    ...infobox.findings,
    ...chartSources(file, root),
    ...descriptionFigures(file, source, [...cited, ...infobox.cited]),
    ...badClaims(file, root),
    ...footnotesRepeatingBibliography(file, root, works),
  ];
}

/** The items of the list under the `## Corrections to the original article` heading, as text. */
export function correctionItems(source: string): string[] {
  const root = parseArticle(source);
  const at = root.children.findIndex((node) => node.type === 'heading' && inlineText(node).trim() === CORRECTIONS_HEADING);
  if (at === -1) return [];
  const items: string[] = [];
  for (const node of root.children.slice(at + 1)) {
    if (node.type === 'heading') break;
    if (node.type === 'list') for (const item of node.children) items.push(inlineText(item));
  }
  return items;
}

export { isCited };
