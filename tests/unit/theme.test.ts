import { describe, expect, it } from 'vitest';
import { effectiveTheme, otherTheme, parseTheme, type Theme } from '../../src/client/theme.ts';

describe('parseTheme: only a real choice counts', () => {
  const cases: Array<[string | null | undefined, Theme | undefined]> = [
    ['light', 'light'],
    ['dark', 'dark'],
    [null, undefined],
    [undefined, undefined],
    ['', undefined],
    ['Dark', undefined],
    ['system', undefined],
  ];
  for (const [stored, expected] of cases) {
    it(`${JSON.stringify(stored)} → ${String(expected)}`, () => expect(parseTheme(stored)).toBe(expected));
  }
});

describe('effectiveTheme: the stored choice wins over the system', () => {
  const cases: Array<[Theme | undefined, boolean, Theme]> = [
    [undefined, false, 'light'],
    [undefined, true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ];
  for (const [stored, systemDark, expected] of cases) {
    it(`stored ${String(stored)}, system ${systemDark ? 'dark' : 'light'} → ${expected}`, () => expect(effectiveTheme(stored, systemDark)).toBe(expected));
  }
  it('the toggle flips between the two', () => {
    expect(otherTheme('light')).toBe('dark');
    expect(otherTheme('dark')).toBe('light');
  });
});
