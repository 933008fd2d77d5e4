/**
 * DokuWiki's text conversions, case by case; each expectation is what DokuWiki's own renderer printed for the
 * same line (with its smiley pictures written as the emoji the article shows), with `typography` 1, its
 * default, and 2.
 */
import { describe, expect, it } from 'vitest';
import { typeset, type TypesetPiece, type TypographyLevel } from '../../src/importer/typography.ts';

function shown(text: string, level: TypographyLevel = 1, state = { doubleQuotes: 0 }): string {
  return typeset(text, state, level)
    .map((piece: TypesetPiece) => (piece.type === 'text' ? piece.value : piece.type === 'smiley' ? `[${piece.shown}]` : piece.acronym))
    .join('');
}

describe('typeset', () => {
  it.each([
    [`It's Andi's "wiki" -- 'single' quotes, 'tis 80's rock'n'roll.`, 1, `It's Andi's “wiki” – 'single' quotes, 'tis 80's rock'n'roll.`],
    [`It's Andi's "wiki" -- 'single' quotes, 'tis 80's rock'n'roll.`, 2, `It’s Andi’s “wiki” – ‘single’ quotes, ‘tis 80’s rock’n’roll.`],
    ['8-) LOL:-) x:-) (c)(tm) a<->b <=> 3x4 0x10 12X3px FIXME.', 1, '[😎] [😆]:-) x:-) ©™ a↔b ⇔ 3×4 0x10 12X3px [FIXME].'],
    ['-> <- <-> => <= <=> >> << -- --- 640x480 (c) (tm) (r)', 1, '→ ← ↔ ⇒ ⇐ ⇔ » « – — 640×480 © ™ ®'],
    ["\"He thought 'It's a man's world'...\"", 1, "“He thought 'It's a man's world'…”"],
    ['a "b "c" d" e', 1, 'a “b “c” d” e'],
    ['640x480 stays 640x480 at level 0, "quotes" too, but -> and :-) do not', 0, '640x480 stays 640x480 at level 0, "quotes" too, but → and [🙂] do not'],
  ] as const)('%s (typography %i)', (text, level, expected) => {
    expect(shown(text, level)).toBe(expected);
  });

  it('counts open double quotes over the page, as DokuWiki does: a quote may close in a later paragraph', () => {
    const state = { doubleQuotes: 0 };
    expect(shown('li -> x "q" and "open', 1, state)).toBe('li → x “q” and “open');
    expect(shown('still "closing" here', 1, state)).toBe('still “closing” here');
  });

  it('finds the acronyms DokuWiki explains on hover, only between characters that are not letters or digits', () => {
    const pieces = typeset('HTML, CSS and HTMLX', { doubleQuotes: 0 }, 1).filter((piece) => piece.type === 'acronym');
    expect(pieces.map((piece) => (piece.type === 'acronym' ? piece.acronym : ''))).toEqual(['HTML', 'CSS']);
  });
});
