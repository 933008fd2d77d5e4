/**
 * An article's frontmatter read as YAML 1.2 with its core schema, as the `yaml` package reads it (`parse`), in
 * a tenth of the time: js-yaml with the core schema's own scalars (yaml's resolution of null, booleans, integers
 * and floats, copied below; js-yaml's core schema differs at the edges: `0b1`, `-0x1F`, `1_000`, `-.5`). What
 * js-yaml refuses goes to `yaml`, whose reading or error (with its line) is then the answer, so an error reads as
 * before. tests/unit/frontmatter-yaml.test.ts holds both readings to the same values. Pure.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { parse } from 'yaml';

const scalar = (tag: string, test: RegExp, construct: (text: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => test.test(text ?? ''),
    construct: (text: string | null) => construct(text ?? ''),
  });

/** yaml's core schema (yaml/dist/schema/core/*.js): the tests and values of each scalar tag, in its order. */
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'),
    scalar('int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (text) =>
      text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10),
    ),
    scalar('float', new RegExp(`${FLOAT_SPECIAL.source}|${FLOAT_EXP.source}|${FLOAT.source}`), (text) =>
      FLOAT_SPECIAL.test(text)
        ? text.slice(-3).toLowerCase() === 'nan'
          ? Number.NaN
          : text.startsWith('-')
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY
        : parseFloat(text),
    ),
  ],
});

/**
 * Keys the two libraries turn into object keys differently (a null key: yaml `""`, js-yaml `"null"`; a list or
 * map as a key): `? key`, `~:`, `null:`, `: value`, `[a, b]:`, `{a: 1}:`, and tags (`!!null ""`), which the two
 * resolve each their own way. Such text goes to `yaml` (and some text that only looks like it, as `a : b` or
 * ` !important`, which is merely slower).
 */
const ODD_KEYS = /(?:^|\s)!|^\s*(?:-\s+)*\?(?:\s|$)|(?:^|[\s,{[])(?:~|null|Null|NULL)?\s*:(?:\s|$)|[\]}]\s*:(?:\s|$)/m;

/** The frontmatter's value (null when empty); throws `yaml`'s YAMLParseError on text that is not YAML. */
export function readFrontmatterYaml(text: string): unknown {
  if (ODD_KEYS.test(text)) return parse(text) as unknown;
  try {
    // An empty document (or only comments): yaml gives null.
    return load(text, { schema: CORE_SCHEMA }) ?? null;
  } catch {
    return parse(text) as unknown;
  }
}
