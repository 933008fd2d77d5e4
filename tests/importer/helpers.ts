/**
 * Shared by the importer tests: the fixtures (`fixtures/<case>/input.txt` beside `expected.mdx` and
 * `expected-report.txt`) and a renderer that runs an article through the real MDX compiler with this wiki's
 * Markdown plugins and returns its visible text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { compile } from '@mdx-js/mdx';
import type { Root as HastRoot } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkWikiLink from 'remark-wiki-link';
import type { PluggableList } from 'unified';
import { parse as parseYaml } from 'yaml';
import { convertPage, type ConvertedPage } from '../../src/importer/convert-page.ts';
import { DOKUWIKI_DEFAULT_RULES } from '../../src/importer/page-id.ts';
import { cleanId } from '../../src/model/ids.ts';

export const FIXTURES = new URL('./fixtures/', import.meta.url);

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function fixtureFile(name: string, file: string): URL {
  return new URL(`${name}/${file}`, FIXTURES);
}

/** A fixture is the page `wiki:<case>` unless its folder has an `id.txt`. */
export function fixtureId(name: string): string {
  const idFile = fixtureFile(name, 'id.txt');
  return cleanId(existsSync(idFile) ? readFileSync(idFile, 'utf8').trim() : `wiki:${name}`, DOKUWIKI_DEFAULT_RULES);
}

export function convertFixture(name: string): { input: string; page: ConvertedPage } {
  const input = readFileSync(fixtureFile(name, 'input.txt'), 'utf8');
  return { input, page: convertPage(input, { id: fixtureId(name) }) };
}

export const REMARK_PLUGINS: PluggableList = [remarkGfm, [remarkWikiLink, { aliasDivider: '|' }]];

/** Compile an article (frontmatter stripped) with @mdx-js/mdx; resolves to its HTML tree, or rejects. */
export async function compileArticle(mdx: string): Promise<HastRoot> {
  const { body } = splitFrontmatter(mdx);
  let tree: HastRoot | null = null;
  await compile(body, {
    remarkPlugins: REMARK_PLUGINS,
    rehypePlugins: [
      () => (root: HastRoot) => {
        tree = root;
      },
    ],
  });
  if (tree === null) throw new Error('the compiler produced no tree');
  return tree;
}

export function splitFrontmatter(mdx: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  if (match === null) return { data: {}, body: mdx };
  const data: unknown = parseYaml(match[1] ?? '');
  return {
    data: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {},
    body: mdx.slice(match[0].length),
  };
}

/**
 * Every string a reader can see or follow in the tree: its text (run together, as a reader sees it across
 * elements), and attribute values (href, src, alt, …).
 */
export function visibleStrings(node: unknown): string[] {
  return [textOf(node), ...attributeStrings(node)];
}

function attributeStrings(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const out: string[] = [];
  const record = node as Record<string, unknown>;
  for (const value of Object.values((record.properties ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
    if (Array.isArray(value)) out.push(value.join(' '));
  }
  if (Array.isArray(record.attributes)) {
    for (const attribute of record.attributes as { value?: unknown }[]) {
      if (typeof attribute.value === 'string') out.push(attribute.value);
    }
  }
  if (Array.isArray(record.children)) for (const child of record.children) out.push(...attributeStrings(child));
  return out;
}

/** Elements that end a line or a block of text: their text never runs into their neighbours'. */
const BLOCK_ELEMENTS = new Set([
  'p',
  'li',
  'td',
  'th',
  'tr',
  'pre',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'ul',
  'ol',
  'table',
  'section',
  'br',
  'hr',
  'dt',
  'dd',
]);

/** The text of a tree, without attributes, as a reader sees it: inline elements run together, blocks apart. */
export function textOf(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const record = node as Record<string, unknown>;
  if (record.type === 'text' && typeof record.value === 'string') return record.value;
  const inner = Array.isArray(record.children) ? record.children.map(textOf).join('') : '';
  const name = typeof record.tagName === 'string' ? record.tagName : typeof record.name === 'string' ? record.name : '';
  return BLOCK_ELEMENTS.has(name) ? `\n${inner}\n` : inner;
}

/** Lower-cased words (runs of letters or of digits) of two characters or more, counted. */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+|\p{N}+/gu)) {
    if (word.length < 2) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}
