/** `npm run build` prints Astro's page list one page a line, without the page times Astro misplaces when it builds pages in parallel. */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { astroLogTidier, tidyAstroLine } from '../../src/build/astro-log.ts';
import { PART_WRITTEN_LINE } from '../../src/model/site-files.ts';

describe("Astro's build log", () => {
  it('gives each page its own line, and drops times that stand alone or follow another page', () => {
    expect(tidyAstroLine('19:12:33   ├─ /404.html19:12:33   ├─ /robots.txt19:12:33   ├─ /search/index.html (+73ms) ')).toEqual([
      '19:12:33   ├─ /404.html',
      '19:12:33   ├─ /robots.txt',
      '19:12:33   ├─ /search/index.html',
    ]);
    expect(tidyAstroLine(' (+573ms) ')).toEqual([]);
    expect(tidyAstroLine('\u001b[2m (+1.2s)\u001b[22m ')).toEqual([]);
    expect(tidyAstroLine('19:12:34   ├─ /wiki/nvidia/index.html (+9ms) ')).toEqual(['19:12:34   ├─ /wiki/nvidia/index.html']);
  });

  it('leaves every other line as it is, colours and restored pages included', () => {
    for (const line of [
      '19:14:20 [wiki] 16 pages, 212 wiki links, 0 red links',
      '19:14:20   ├─ /wiki/chinchilla/index.html (restored)',
      ' generating static routes ',
      '\u001b[32m✓\u001b[39m Completed in 1.34s.',
      '',
    ]) {
      expect(tidyAstroLine(line)).toEqual([line]);
    }
  });

  it('tidies a stream whose chunks end in the middle of a line', async () => {
    const chunks = ['19:12:33   ├─ /a.html', '19:12:33   ├─ /b.h', 'tml (+3ms) \n (+4ms) \n19:12:34 [build] Complete!\n'];
    expect(await text(Readable.from(chunks).pipe(astroLogTidier()))).toBe('19:12:33   ├─ /a.html\n19:12:33   ├─ /b.html\n19:12:34 [build] Complete!\n');
  });

  it('takes out the line that says the part is written, and tells so once it has come, even split across chunks', async () => {
    const calls: string[] = [];
    const tidier = astroLogTidier(() => calls.push('written'));
    const half = Math.floor(PART_WRITTEN_LINE.length / 2);
    const chunks = ['19:12:34 [wiki] part recorded\n', PART_WRITTEN_LINE.slice(0, half), `${PART_WRITTEN_LINE.slice(half)}\n19:12:34 [build] Complete!\n`];
    const output = text(Readable.from(chunks).pipe(tidier));
    expect(await output).toBe('19:12:34 [wiki] part recorded\n19:12:34 [build] Complete!\n');
    expect(calls).toEqual(['written']);
    // Without the line, nothing is said.
    const silent: string[] = [];
    await text(Readable.from(['19:12:34 [build] Complete!\n']).pipe(astroLogTidier(() => silent.push('written'))));
    expect(silent).toEqual([]);
  });
});
