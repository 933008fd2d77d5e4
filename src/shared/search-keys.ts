/**
 * The one way search compares names: a title, an alias, a page id and the words a reader typed are all
 * reduced to a *search key* before they meet, by the build that writes the title index
 * (src/postbuild/search-titles.ts) and by the browser that reads it (src/client/search-titles.ts).
 *
 * The key folds compatibility forms and Latin accents, follows the id rules of src/model/ids.ts (case, `/`
 * and `;` as namespace separators, letters of every script kept), then reads `:`, `_`, `.` and `-` as
 * spaces, so that `Nvidia GPUs`, `nvidia_gpus`, `NVIDIA-GPUs` and `hardware:ascend_910b` /
 * `Hardware: Ascend 910B` meet. Apostrophes are dropped rather than spaced (`Moore's law` → `moores law`), and
 * a space between two Chinese or Japanese characters is dropped, since those scripts are written without them
 * (`华为 技术` → `华为技术`).
 */
import { normalizeId } from '../model/ids.ts';

const APOSTROPHES = /['’‘`´]/g;
const SEPARATORS = /[:_.-]+/g;
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'gu');
const HAS_CJK = new RegExp(`[${CJK}]`, 'u');

/** `Nvidia H100` → `nvidia h100`; `hardware:ascend_910b` → `hardware ascend 910b`; '' when nothing is left. */
export function searchKey(text: string): string {
  return normalizeId(folded(text.replace(APOSTROPHES, '')))
    .replace(SEPARATORS, ' ')
    .trim()
    .replace(SPACE_BETWEEN_CJK, '');
}

/** Latin letters' combining accents, which NFKD sets apart from their letters. */
const LATIN_ACCENTS = /[\u0300-\u036f]/g;

/**
 * Compatibility forms read as their plain letters (fullwidth `ＨＢＭ３` as `HBM3`, as a Chinese or Japanese
 * keyboard types it) and Latin accents dropped (`Über` → `Uber`), before the id rules: those follow DokuWiki,
 * which spells `ü` as `ue` and keeps fullwidth letters, while a reader types `uber` for Über. Marks of other
 * scripts (Devanagari's vowel signs, Japanese voicing marks) are kept.
 */
function folded(text: string): string {
  return text.normalize('NFKD').replace(LATIN_ACCENTS, '').normalize('NFC');
}

/** The words of a key, or of any text read as one. */
export function searchWords(text: string): string[] {
  const key = searchKey(text);
  return key === '' ? [] : key.split(' ');
}

/** Letters in a word, counting a character outside the Basic Multilingual Plane as one. */
export function letterCount(word: string): number {
  return [...word].length;
}

export function hasCjk(text: string): boolean {
  return HAS_CJK.test(text);
}

/**
 * Whether a word can be corrected at all: Chinese and Japanese words are not spelled letter by letter, and
 * a number is whatever the reader meant.
 */
export function isSpelledWord(word: string): boolean {
  return !hasCjk(word) && !/^\p{N}+$/u.test(word);
}

/**
 * How many edits a correction may make to a word of this many letters: 1 up to five letters, 2 beyond. A
 * word of one or two letters is never corrected: one edit away from it lies most of the dictionary.
 */
export function allowedEdits(letters: number): number {
  if (letters <= 2) return 0;
  return letters <= 5 ? 1 : 2;
}

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring letters
 * as one edit (optimal string alignment: `nvidai` is one edit from `nvidia`, as a reader counts typos);
 * stops early and gives `max + 1` once the distance is sure to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[t.length] ?? 0;
}
