/**
 * DokuWiki's text conversions, as its parser applies them to running text (not to code, `<nowiki>`, `%%…%%`,
 * headings or link texts): the typography of conf/entities.conf (`->` →, `--` –, `(c)` ©, `...` …), the
 * multiplication sign (`640x480` → 640×480), typographic double quotes (and single quotes with
 * `typography` 2), and the smileys of conf/smileys.conf. https://www.dokuwiki.org/entities
 *
 * The patterns, their order and their boundaries are DokuWiki's (inc/Parsing/ParserMode/Smiley.php, Entity.php,
 * Multiplyentity.php, Quotes.php): at each place the leftmost match wins, and at one place smileys come before
 * entities, entities before the multiplication sign, and that before quotes, as DokuWiki sorts its modes.
 * DokuWiki shows smileys as little pictures; a static article shows the emoji that says the same, and
 * `FIXME` and `DELETEME` in bold, which the report lists.
 */

/** conf/entities.conf, in its order (which decides between `<->`, `->` and `<-`). */
const ENTITIES: readonly (readonly [string, string])[] = [
  ['<->', '↔'],
  ['->', '→'],
  ['<-', '←'],
  ['<=>', '⇔'],
  ['=>', '⇒'],
  ['<=', '⇐'],
  ['>>', '»'],
  ['<<', '«'],
  ['---', '—'],
  ['--', '–'],
  ['(c)', '©'],
  ['(tm)', '™'],
  ['(r)', '®'],
  ['...', '…'],
];

/** conf/smileys.conf, in its order, with the emoji (or bold word) shown for each picture. */
const SMILEYS: readonly (readonly [string, string])[] = [
  ['8-)', '😎'],
  ['8-O', '😲'],
  ['8-o', '😲'],
  [':-(', '🙁'],
  [':-)', '🙂'],
  ['=)', '😊'],
  [':-/', '😕'],
  [':-\\', '😕'],
  [':-?', '😕'],
  [':-D', '😀'],
  [':-P', '😛'],
  [':-o', '😮'],
  [':-O', '😮'],
  [':-x', '🤐'],
  [':-X', '🤐'],
  [':-|', '😐'],
  [';-)', '😉'],
  ['m(', '🤦'],
  ['^_^', '😄'],
  [':?:', '❓'],
  [':!:', '❗'],
  ['LOL', '😆'],
  ['FIXME', 'FIXME'],
  ['DELETEME', 'DELETEME'],
];

/** Smileys DokuWiki shows as a word in a picture: written as that word in bold. */
export const WORD_SMILEYS: ReadonlySet<string> = new Set(['FIXME', 'DELETEME']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SMILEY = new RegExp(SMILEYS.map(([smiley]) => `(?<=\\W|^)${escape(smiley)}(?=\\W|$)`).join('|'), 'y');
const ENTITY = new RegExp(ENTITIES.map(([entity]) => escape(entity)).join('|'), 'y');
const MULTIPLY = /(?<=\b)(?:[1-9]|\d{2,})[xX]\d+(?=\b)/y;
// Quotes.php: white space and the inline markup that may sit next to a quote, and punctuation.
const WS = String.raw`\s/\#~:+=&%@\-()\][{}><"'*_`;
const PUNCTUATION = String.raw`;,.?!`;
const DOUBLE_OPENING = new RegExp(`(?<=^|[${WS}])"(?=[^${WS}${PUNCTUATION}])`, 'y');
const SINGLE_OPENING = new RegExp(`(?<=^|[${WS}])'(?=[^${WS}${PUNCTUATION}])`, 'y');
const SINGLE_CLOSING = new RegExp(`(?<=^|[^${WS}]|[${PUNCTUATION}])'(?=$|[${WS}${PUNCTUATION}])`, 'y');
const APOSTROPHE = new RegExp(`(?<=^|[^${WS}${PUNCTUATION}])'(?=$|[^${WS}${PUNCTUATION}])`, 'y');

/**
 * DokuWiki's `typography` setting: 0 leaves quotes and `640x480` alone, 1 (the default) makes double quotes
 * typographic, 2 single quotes and apostrophes too. Entities and smileys are converted whatever it says.
 */
export type TypographyLevel = 0 | 1 | 2;

/** Open double quotes so far: DokuWiki counts them over the whole page, so a quote may close in a later paragraph. */
export interface TypographyState {
  doubleQuotes: number;
}

export type TypesetPiece =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'smiley'; readonly smiley: string; readonly shown: string };

function sticky(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

/** Running text as DokuWiki shows it: its characters converted, its smileys apart. */
export function typeset(text: string, state: TypographyState, level: TypographyLevel = 1): TypesetPiece[] {
  const pieces: TypesetPiece[] = [];
  let buffer = '';
  let at = 0;
  while (at < text.length) {
    const smiley = sticky(SMILEY, text, at);
    if (smiley !== null) {
      if (buffer !== '') pieces.push({ type: 'text', value: buffer });
      buffer = '';
      pieces.push({ type: 'smiley', smiley, shown: SMILEYS.find(([written]) => written === smiley)?.[1] ?? smiley });
      at += smiley.length;
      continue;
    }
    const converted = convertAt(text, at, state, level);
    if (converted === null) {
      buffer += text[at] ?? '';
      at += 1;
    } else {
      buffer += converted.value;
      at += converted.length;
    }
  }
  if (buffer !== '') pieces.push({ type: 'text', value: buffer });
  return pieces;
}

function convertAt(text: string, at: number, state: TypographyState, level: TypographyLevel): { value: string; length: number } | null {
  const entity = sticky(ENTITY, text, at);
  if (entity !== null) return { value: ENTITIES.find(([written]) => written === entity)?.[1] ?? entity, length: entity.length };
  if (level === 0) return null;
  const product = sticky(MULTIPLY, text, at);
  if (product !== null) return { value: product.replace(/[xX]/, '×'), length: product.length };
  if (level === 2 && text[at] === "'") {
    if (sticky(SINGLE_OPENING, text, at) !== null) return { value: '‘', length: 1 };
    if (sticky(SINGLE_CLOSING, text, at) !== null) return { value: '’', length: 1 };
    if (sticky(APOSTROPHE, text, at) !== null) return { value: '’', length: 1 };
  }
  if (text[at] === '"') {
    const opening = sticky(DOUBLE_OPENING, text, at) !== null || state.doubleQuotes <= 0;
    state.doubleQuotes = opening ? state.doubleQuotes + 1 : Math.max(0, state.doubleQuotes - 1);
    return { value: opening ? '“' : '”', length: 1 };
  }
  return null;
}
