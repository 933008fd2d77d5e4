/**
 * Astro's build log, tidied for `npm run build` (cli/build.ts). With `build.concurrency` above 1, Astro prints
 * each page's path without ending the line and, once the page is written, its time and the line's end: paths
 * of pages in flight at once run together on one line, their times land after other pages' paths, and the last
 * ones on lines of their own (` (+73ms)`). So each path gets a line of its own, and the times, wrong for the
 * pages they follow, are taken out; everything else passes unchanged.
 */
import { Transform } from 'node:stream';
import { PART_WRITTEN_LINE } from '../model/site-files.ts';

/** ` (+73ms)` or ` (+1.2s)`, after a page's path or alone, as Astro writes it (colour codes included). */
const PAGE_TIME = /\s*(?:\u001b\[[0-9;]*m)*\(\+[\d.]+m?s\)(?:\u001b\[[0-9;]*m)*\s*$/;

/** Where a log entry starts: its time of day (`19:12:33 `), possibly coloured, not at the start of the line. */
const ENTRY_START = /(?<!^)(?=(?:\u001b\[[0-9;]*m)*\d{2}:\d{2}:\d{2} )/g;
const PAGE_TIME_ANYWHERE = /\s*(?:\u001b\[[0-9;]*m)*\(\+[\d.]+m?s\)(?:\u001b\[[0-9;]*m)*/g;

/** The lines `npm run build` prints for one line of Astro's: each entry on a line of its own, without page times. */
export function tidyAstroLine(line: string): string[] {
  if (!PAGE_TIME.test(line) && !/\S.*\d{2}:\d{2}:\d{2} /.test(line)) return [line];
  return line
    .split(ENTRY_START)
    .map((entry) => entry.replace(PAGE_TIME_ANYWHERE, '').trimEnd())
    .filter((entry) => entry.replace(/\u001b\[[0-9;]*m/g, '').trim() !== '');
}

/**
 * A stream that tidies Astro's output line by line; `onPartWritten` is called for the line that says the part is
 * written (PART_WRITTEN_LINE), which is taken out.
 */
export function astroLogTidier(onPartWritten?: () => void): Transform {
  let partial = '';
  return new Transform({
    transform(chunk: Buffer, _, done) {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      const kept = lines.flatMap((line) => {
        if (!line.includes(PART_WRITTEN_LINE)) return tidyAstroLine(line);
        onPartWritten?.();
        const rest = line.replace(PART_WRITTEN_LINE, '');
        return rest === '' ? [] : tidyAstroLine(rest);
      });
      done(null, kept.length > 0 ? `${kept.join('\n')}\n` : '');
    },
    flush(done) {
      const last = partial === '' ? [] : tidyAstroLine(partial);
      done(null, last.join('\n'));
    },
  });
}
