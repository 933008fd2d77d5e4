/** Frontmatter read by js-yaml with yaml's core schema: the values the `yaml` package gives, and its errors. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, YAMLParseError } from 'yaml';
import { readFrontmatterYaml } from '../../src/model/frontmatter-yaml.ts';

/** Both readings, NaN and -0 told apart as toEqual tells them. */
function same(text: string): void {
  let expected: unknown;
  try {
    expected = parse(text, { logLevel: 'error' });
  } catch (error) {
    expect(() => readFrontmatterYaml(text), text).toThrow(YAMLParseError);
    expect(() => readFrontmatterYaml(text)).toThrow((error as Error).message);
    return;
  }
  expect(readFrontmatterYaml(text), text).toStrictEqual(expected);
}

const SCALARS = [
  ...['', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n'],
  ...['0', '-0', '+0', '7', '-12', '+12', '017', '0o17', '0o8', '-0o17', '0x1F', '0X1F', '-0x1F', '0b101', '1_000', '12345678901234567890', '0x'],
  ...['1.5', '-1.5', '+1.5', '.5', '-.5', '+.5', '1.', '1.e3', '1e3', '1E-3', '-2.5e+4', '.5e2', '1_000.5', 'e3', '1e', '1.2.3'],
  ...['.inf', '-.inf', '+.inf', '.Inf', '.INF', '.iNF', '.nan', '.NaN', '.NAN', '-.nan', 'inf', 'nan', 'NaN'],
  ...['2026-02-14', '2026-02-14T10:00:00Z', '12:30', '1:20:30', '"1"', "'true'", '!!str 12', '!!int "12"', '!!float 1', '!!null ""', '!!bool true'],
  ...['=', '<<', '- a', '[a, b]', '[1, .5, "x"]', '{a: 1, b: null}', '|\n  block\n  text', '>\n  folded\n  text', '"esc \\x41 \\u00e9 \\t"', "'it''s'"],
  ...['a # comment', 'a #b', '[[wiki_link]]', '"[[wiki_link|text]]"', '80 GB [[hbm|HBM3]]', 'http://x.org/a?b=c', '@at', '`tick`', '%percent'],
];

const DOCUMENTS = [
  'title: A\ntitle: B',
  '1: a\n"1": b',
  'true: a\nnull: b\n~: c\n1.5: d\n0x10: e',
  '? [a, b]\n: c',
  'a: &x 1\nb: *x\nc: [*x, *x]',
  'base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2',
  'a:\n\t- tab',
  'a: b: c',
  'a: [1, 2',
  '---\na: 1\n---\nb: 2',
  'a: !custom x',
  'a: !!binary aGk=',
  'a: !!timestamp 2026-01-01',
  'key with spaces: value\n"quoted key": 1\n? explicit\n: 2',
  'multi: first\n  second line\n  third',
  'list:\n- 1\n-   - nested\n    - 2\n- {a: b}',
  '# only a comment',
  '',
  'a: "unterminated',
  '\ufeffbom: 1',
  'infobox:\n  rows:\n    Memory: "80 GB [[hbm|HBM3]]"\n    Released: 2022\n    Power: 700 W\n    Ratio: 1.5\n    Code: 0x1F',
];

/** Every frontmatter of the wiki's articles and the tests' fixtures. */
function fixtureFrontmatters(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.mdx?$/.test(name)) {
        const text = readFileSync(path, 'utf8');
        const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
        if (match?.[1] !== undefined) found.push(match[1]);
      }
    }
  };
  for (const dir of ['../../content', '../fixtures']) walk(join(import.meta.dirname, dir));
  return found;
}

describe('frontmatter YAML', () => {
  it('reads every scalar as yaml’s core schema does, as a value and as a key', () => {
    for (const scalar of SCALARS) {
      same(`v: ${scalar}`);
      if (!scalar.includes('\n') && !scalar.startsWith('-') && !scalar.startsWith('|') && !scalar.startsWith('>')) same(`${scalar}: v`);
    }
  });

  it('reads documents, anchors, keys and errors as yaml does', () => {
    for (const document of DOCUMENTS) same(document);
  });

  it('reads every frontmatter of the wiki and the fixtures as yaml does', () => {
    const frontmatters = fixtureFrontmatters();
    expect(frontmatters.length).toBeGreaterThan(100);
    for (const text of frontmatters) same(text);
  });
});
