/**
 * Which section the reader is in: the last heading whose top has passed the
 * reading line (a line a little below the top of the window). Pure, so it is
 * tested with a table of cases; `toc.ts` feeds it the headings' positions.
 */

/**
 * @param headingTops each heading's top, relative to the window, in page order
 * @param readingLine distance from the top of the window, in the same unit
 * @returns the index of the current heading, or -1 while the reader is above the first one
 */
export function currentSectionIndex(headingTops: readonly number[], readingLine: number): number {
  let current = -1;
  headingTops.forEach((top, index) => {
    if (top <= readingLine) current = index;
  });
  return current;
}
