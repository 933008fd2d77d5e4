/** "Did you mean": the vocabulary's pieces and the corrections drawn from them. */
import { describe, expect, it } from 'vitest';
import { correctQuery, correctWord, isVocabularyWord, planWordPieces, wordPieceFor } from '../../src/shared/search-spelling.ts';

// Most frequent first, as the build writes a piece.
const n = ['nvidia', 'nvlink', 'network', 'node', 'nvidias', 'nvswitch', 'nodes'];
const q = ['quantization', 'quantized', 'quarter'];
const r = ['robotics', 'robot', 'rack'];
const pieces: Record<string, string[]> = { n, q, r };
const pieceOf = (word: string) => pieces[word[0] ?? ''];

describe('correctWord', () => {
  it.each([
    ['nvidai', 'nvidia'],
    ['nvdia', 'nvidia'],
    ['nvlnk', 'nvlink'],
    ['quantizaton', 'quantization'],
    ['robotcs', 'robotics'],
  ])('%j → %j', (word, corrected) => {
    expect(correctWord(word, pieceOf(word) ?? [], false)).toBe(corrected);
  });

  it.each([
    ['nvidia', 'a known word'],
    ['nv', 'two letters'],
    ['nxxxxx', 'nothing near'],
    ['2023', 'a number'],
  ])('leaves %j alone: %s', (word) => {
    expect(correctWord(word, pieceOf(word) ?? [], false)).toBeUndefined();
  });

  it('takes a last word that begins a known one as still being typed, and corrects it once it is done', () => {
    expect(correctWord('nvidi', n, true)).toBeUndefined();
    expect(correctWord('nvidi', n, false)).toBe('nvidia');
  });

  it('prefers the nearer word, then the more frequent', () => {
    expect(correctWord('nodez', n, false)).toBe('node'); // node (1) and nodes (1): node is more frequent
    expect(correctWord('nvidiaa', n, false)).toBe('nvidia');
    expect(correctWord('qarter', q, false)).toBe('quarter');
  });
});

describe('correctQuery', () => {
  it.each([
    ['nvidai', 'nvidia'],
    ['Nvidia robotcs', 'nvidia robotics'],
    ['robotcs nvlink', 'robotics nvlink'],
    ['nvidia robotics', undefined],
    ['nvidia robo', undefined], // still typing
    ['xylophone', undefined],
    ['华为', undefined],
  ])('%j → %j', (query, corrected) => {
    expect(correctQuery(query, pieceOf)).toBe(corrected);
  });
});

describe('planWordPieces and wordPieceFor', () => {
  const counts = new Map([
    ['nvidia', 9],
    ['nvlink', 4],
    ['network', 4],
    ['memory', 7],
    ['model', 8],
  ]);

  it('cuts by first letter, most frequent first, ties A–Z', () => {
    expect([...planWordPieces(counts)]).toEqual([
      ['m', ['model', 'memory']],
      ['n', ['nvidia', 'network', 'nvlink']],
    ]);
  });

  it('cuts a crowded letter by its first two, and finds the piece of a word either way', () => {
    const plan = planWordPieces(counts, 2);
    expect([...plan.keys()]).toEqual(['m', 'ne', 'nv']);
    const manifest = { pieces: Object.fromEntries([...plan.keys()].map((p) => [p, `${p}.json`])) };
    expect(wordPieceFor(manifest, 'nvidai')).toBe('nv.json');
    expect(wordPieceFor(manifest, 'modle')).toBe('m.json');
    expect(wordPieceFor(manifest, 'nzz')).toBeUndefined();
  });

  it.each([
    ['nvidia', true],
    ['ai', false],
    ['2024', false],
    ['深圳', false],
    ['h100', true],
  ])('%j belongs in the vocabulary: %s', (word, yes) => {
    expect(isVocabularyWord(word)).toBe(yes);
  });
});
