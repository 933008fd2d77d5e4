/**
 * Table cell alignment: DokuWiki aligns each cell (two spaces on the side it leaves open), GFM whole columns.
 */
import type { TableBlock } from './types.ts';

/**
 * The alignment of each column: GFM aligns whole columns, DokuWiki each cell. A column takes the alignment most
 * of its body cells have (a cell without one counts as left, as the browser shows it; on a tie, an alignment
 * written in the source wins, the first one met); `differing` counts the cells, the header's included, shown
 * otherwise than DokuWiki shows them.
 */
export function columnAlignment(block: TableBlock, columns: number, hasHeader: boolean): { align: ('left' | 'right' | 'center' | null)[]; differing: number } {
  let differing = 0;
  const align = Array.from({ length: columns }, (_, column) => {
    const cells = block.rows.flatMap((row, index) => {
      let at = 0;
      for (const cell of row.cells) {
        if (at === column) return cell.children.length > 0 && !cell.rowspan ? [{ align: cell.align, header: hasHeader && index === 0 }] : [];
        at += cell.colspan;
      }
      return [];
    });
    const counts = new Map<'left' | 'right' | 'center', { count: number; written: boolean }>();
    for (const cell of cells.filter((candidate) => !candidate.header)) {
      const effective = cell.align ?? 'left';
      const known = counts.get(effective) ?? { count: 0, written: false };
      counts.set(effective, { count: known.count + 1, written: known.written || cell.align !== null });
    }
    let best: 'left' | 'right' | 'center' | null = null;
    for (const [alignment, { count, written }] of counts) {
      const current = best === null ? undefined : counts.get(best);
      if (current === undefined || count > current.count || (count === current.count && written && !current.written)) best = alignment;
    }
    const chosen = best ?? 'left';
    differing += cells.filter((cell) => (cell.align ?? 'left') !== chosen).length;
    return chosen === 'left' && counts.get('left')?.written !== true ? null : chosen;
  });
  return { align, differing };
}
