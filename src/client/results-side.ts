/** Where the header search box's results open: pure, for the box's script (search-box.ts) and its tests. */

/** The least room kept between the results and the window's edge, in pixels. */
const EDGE = 8;

/**
 * Which edge of the search box the results hang from: its left (`start`) unless they would then run out of the
 * window on the right and hung from its right edge they would not, or less far.
 */
export function sideOfBox(box: { left: number; right: number }, width: number, windowWidth: number): 'start' | 'end' {
  const overStart = box.left + width - (windowWidth - EDGE);
  if (overStart <= 0) return 'start';
  const overEnd = EDGE - (box.right - width);
  return overEnd < overStart ? 'end' : 'start';
}
