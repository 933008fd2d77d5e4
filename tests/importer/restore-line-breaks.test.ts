import { describe, expect, it } from 'vitest';
import { restoreLine, restoreLineBreaks } from '../../src/importer/restore-line-breaks.ts';

describe('restoreLine', () => {
  it.each([
    ['====== Title ======', null],
    ['text with a == b == c', null],
    ['x ==== not balanced === y', null],
    ['====== T ====== Intro. ===== A ===== Body.', ['====== T ======', '', 'Intro.', '', '===== A =====', '', 'Body.']],
    ['== A == * one * two [[x|a * b]]', ['== A ==', '', '  * one', '  * two [[x|a * b]]']],
    ['== A == - one - two', ['== A ==', '', '  - one', '  - two']],
    ['Text ((fn)) Next. == A ==', ['Text ((fn))', '', 'Next.', '', '== A ==']],
    ['Text ((fn)). Same paragraph. == A ==', ['Text ((fn)). Same paragraph.', '', '== A ==']],
    ['== A == **One**: x. **Two**: y.', ['== A ==', '', '**One**: x.', '', '**Two**: y.']],
    ['Note ((see == B == here)) end. == A ==', ['Note ((see == B == here)) end.', '', '== A ==']],
    ['%%== A ==%% text', null],
  ])('%j', (line, expected) => {
    expect(restoreLine(line)?.lines ?? null).toEqual(expected);
  });
});

describe('restoreLineBreaks', () => {
  it('keeps line numbers, leaves code blocks and indented lines alone, and reports each restored line', () => {
    const { lines, issues } = restoreLineBreaks([
      { text: '<code>', line: 1 },
      { text: 'a == B == c', line: 2 },
      { text: '</code> x == C == y', line: 3 },
      { text: '  pre == D == formatted', line: 4 },
      { text: 'p. == E == q', line: 5 },
    ]);
    expect(lines.map((line) => [line.line, line.text])).toEqual([
      [1, '<code>'],
      [2, 'a == B == c'],
      [3, '</code> x == C == y'],
      [4, '  pre == D == formatted'],
      [5, 'p.'],
      [5, ''],
      [5, '== E =='],
      [5, ''],
      [5, 'q'],
    ]);
    expect(issues).toEqual([expect.objectContaining({ kind: 'restored', line: 5, message: expect.stringContaining('1 heading') })]);
  });
});
