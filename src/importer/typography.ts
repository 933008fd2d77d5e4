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
 * `FIXME` and `DELETEME` in bold, which the report lists. DokuWiki also shows the acronyms of conf/acronyms.conf
 * with their meaning on hover (`<abbr>`); they are found here so that the report can say the article shows
 * them as plain text (an `<abbr>` element would make nearly every article MDX of its own).
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

/** conf/acronyms.conf. */
const ACRONYMS: ReadonlyMap<string, string> = new Map([
  ['ACL', 'Access Control List'],
  ['AFAICS', 'As far as I can see'],
  ['AFAIK', 'As far as I know'],
  ['AFAIR', 'As far as I remember'],
  ['API', 'Application Programming Interface'],
  ['ASAP', 'As soon as possible'],
  ['ASCII', 'American Standard Code for Information Interchange'],
  ['BTW', 'By the way'],
  ['CMS', 'Content Management System'],
  ['CSS', 'Cascading Style Sheets'],
  ['DNS', 'Domain Name System'],
  ['EOF', 'End of file'],
  ['EOL', 'End of line'],
  ['EOM', 'End of message'],
  ['EOT', 'End of text'],
  ['FAQ', 'Frequently Asked Questions'],
  ['FTP', 'File Transfer Protocol'],
  ['FOSS', 'Free & Open-Source Software'],
  ['FLOSS', 'Free/Libre and Open Source Software'],
  ['FUD', 'Fear, Uncertainty, and Doubt'],
  ['FYI', 'For your information'],
  ['GB', 'Gigabyte'],
  ['GHz', 'Gigahertz'],
  ['GPL', 'GNU General Public License'],
  ['GUI', 'Graphical User Interface'],
  ['HTML', 'HyperText Markup Language'],
  ['IANAL', 'I am not a lawyer (but)'],
  ['IE', 'Internet Explorer'],
  ['IIRC', 'If I remember correctly'],
  ['IMHO', 'In my humble opinion'],
  ['IMO', 'In my opinion'],
  ['IOW', 'In other words'],
  ['IRC', 'Internet Relay Chat'],
  ['IRL', 'In real life'],
  ['KISS', 'Keep it simple stupid'],
  ['LAN', 'Local Area Network'],
  ['LGPL', 'GNU Lesser General Public License'],
  ['LOL', 'Laughing out loud'],
  ['MathML', 'Mathematical Markup Language'],
  ['MB', 'Megabyte'],
  ['MHz', 'Megahertz'],
  ['MSIE', 'Microsoft Internet Explorer'],
  ['OMG', 'Oh my God'],
  ['OS', 'Operating System'],
  ['OSS', 'Open Source Software'],
  ['OTOH', 'On the other hand'],
  ['PITA', 'Pain in the Ass'],
  ['RFC', 'Request for Comments'],
  ['ROTFL', 'Rolling on the floor laughing'],
  ['RTFM', 'Read The Fine Manual'],
  ['spec', 'specification'],
  ['TIA', 'Thanks in advance'],
  ['TL;DR', "Too long; didn't read"],
  ['TOC', 'Table of Contents'],
  ['URI', 'Uniform Resource Identifier'],
  ['URL', 'Uniform Resource Locator'],
  ['W3C', 'World Wide Web Consortium'],
  ['WTF?', 'What the f***'],
  ['WYSIWYG', 'What You See Is What You Get'],
  ['YMMV', 'Your mileage may vary'],
]);

/** What the article shows for each smiley of conf/smileys.conf. */
export const SMILEY_SHOWN: ReadonlyMap<string, string> = new Map(SMILEYS);

/** Smileys DokuWiki shows as a word in a picture: written as that word in bold. */
export const WORD_SMILEYS: ReadonlySet<string> = new Set(['FIXME', 'DELETEME']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SMILEY = new RegExp(SMILEYS.map(([smiley]) => `(?<=\\W|^)${escape(smiley)}(?=\\W|$)`).join('|'), 'y');
// Acronym.php: longest first, between characters that are not letters or digits (or the ends of the text).
const BOUND = String.raw`[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]`;
const ACRONYM = new RegExp(
  `(?<=^|${BOUND})(?:${[...ACRONYMS.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?=${BOUND}|$)`,
  'y',
);
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
  | { readonly type: 'smiley'; readonly smiley: string; readonly shown: string }
  | { readonly type: 'acronym'; readonly acronym: string; readonly meaning: string };

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
    const acronym = sticky(ACRONYM, text, at);
    if (acronym !== null) {
      if (buffer !== '') pieces.push({ type: 'text', value: buffer });
      buffer = '';
      pieces.push({ type: 'acronym', acronym, meaning: ACRONYMS.get(acronym) ?? '' });
      at += acronym.length;
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
