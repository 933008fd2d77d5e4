/**
 * DokuWiki's own syntax page (wiki:syntax, with the two other pages DokuWiki ships), imported with its media
 * and built by the real engine, then compared construct by construct with what DokuWiki itself renders
 * (tests/importer/dokuwiki/syntax.reference.html, written by DokuWiki's PHP; see reference.php there): every
 * construct must look the same, or be listed in the import report as approximated or not converted. A page of
 * our own checks that a media file the wiki lacks is reported at import and warned about at build.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/import-dokuwiki.ts';
import { SMILEY_SHOWN } from '../../src/importer/typography.ts';
import { buildPageIndex } from '../../src/model/page-index.ts';
import { urlForId, wantedUrlForId, type PageId } from '../../src/model/ids.ts';
import { wikiId } from '../../src/importer/page-id.ts';
import { buildSite, repoRoot, type BuildResult } from '../helpers/build-site.ts';
import { builtPage, compare, dokuwikiPage, formatSummary, type ItemResult } from '../importer/dokuwiki/fidelity.ts';

const fixture = join(repoRoot, 'tests/importer/dokuwiki');
const work = join(repoRoot, 'tests/.output/dokuwiki-import');
const MEDIA_PAGE = '====== Media check ======\n\nA logo {{wiki:dokuwiki-128.png?left}} and a picture the wiki lacks: {{wiki:gone.png}}.\n';

let imported: { code: number; stdout: string; stderr: string };
let site: BuildResult;
let results: ItemResult[];

/** The report's construct names by kind (`approximated` → `colspan`, …). */
function reportConstructs(report: string): Map<string, Set<string>> {
  const kinds: [string, RegExp][] = [
    ['broken', /^Broken in the source/],
    ['unconverted', /^Not converted/],
    ['approximated', /^Converted approximately/],
    ['restored', /^Restored structure/],
    ['corrected', /^Corrected/],
    ['note', /^Notes/],
  ];
  const constructs = new Map<string, Set<string>>();
  let kind: string | undefined;
  for (const line of report.split('\n')) {
    const heading = kinds.find(([, pattern]) => pattern.test(line));
    if (heading !== undefined) kind = heading[0];
    const item = /^ {2}\S+:\d+ {2}(.+?): /.exec(line);
    if (kind !== undefined && item?.[1] !== undefined) constructs.set(kind, (constructs.get(kind) ?? new Set()).add(item[1]));
  }
  return constructs;
}

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(join(fixture, 'wiki'), join(work, 'wiki'), { recursive: true });
  writeFileSync(join(work, 'wiki/data/pages/wiki/media_check.txt'), MEDIA_PAGE);
  let stdout = '';
  let stderr = '';
  const args = ['wiki/data/pages', '--out', 'content', '--media', 'wiki/data/media', '--public', 'public'];
  const code = main(args, { cwd: work, out: (text) => (stdout += text), err: (text) => (stderr += text) });
  imported = { code, stdout, stderr };
  site = buildSite(join(work, 'content'), 'dokuwiki-import-site');
  const reference = dokuwikiPage(fromHtml(readFileSync(join(fixture, 'syntax.reference.html'), 'utf8'), { fragment: true }));
  const built = builtPage(fromHtml(site.read('wiki/wiki/syntax/index.html')));
  const pages = new Set(['wiki:syntax', 'wiki:dokuwiki', 'wiki:welcome', 'wiki:media_check']);
  results = compare(reference, built, {
    smileys: SMILEY_SHOWN,
    report: reportConstructs(stdout),
    pageUrl: (id, exists) => {
      const page = wikiId(id) as PageId;
      return exists && pages.has(id) ? urlForId(page).replace(/\/$/, '') : wantedUrlForId(page);
    },
  });
  // The figures, for the report of a change to the importer.
  writeFileSync(
    join(work, 'fidelity.md'),
    `${formatSummary(results)}\n\n${results.map((item) => `- ${item.outcome}: ${item.construct}: ${item.detail}`).join('\n')}\n`,
  );
});

describe("DokuWiki's syntax page, imported and built", () => {
  it('imports and builds', () => {
    expect(imported.code, imported.stderr).toBe(0);
    expect(site.status, site.output).toBe(0);
  });

  it('shows every construct as DokuWiki does, or reports it', () => {
    const lost = results.filter((item) => item.outcome === 'lost');
    expect(lost, formatSummary(results)).toEqual([]);
    expect(results.length).toBeGreaterThan(300);
  });

  it('checks every kind of construct the page shows', () => {
    const constructs = new Set(results.map((item) => item.construct));
    for (const construct of [
      'heading',
      'paragraph',
      'strong',
      'emphasis',
      'underline',
      'monospace',
      'subscript',
      'superscript',
      'deleted',
      'link (external)',
      'link (wiki page)',
      'link (section of this page)',
      'link (interwiki)',
      'link (e-mail)',
      'link (media file)',
      'link (Windows share)',
      'image',
      'smiley',
      'footnote',
      'list',
      'table cell',
      'code block',
      'code block file name',
      'quote',
      'rule',
      'line break',
    ]) {
      expect(constructs, construct).toContain(construct);
    }
  });

  it('places pictures with classes, never with style attributes, which the CSP would block', () => {
    const html = site.read('wiki/wiki/syntax/index.html');
    const body = html.slice(html.indexOf('class="article-body"'), html.indexOf('class="references"'));
    expect(body).not.toMatch(/\sstyle=/);
    expect(body.match(/class="align-(left|right|center)"/g)?.length).toBe(5);
  });
});

describe('a media file the wiki lacks', () => {
  it('is reported by the import with file and line', () => {
    expect(imported.stdout).toMatch(/wiki\/data\/pages\/wiki\/media_check\.txt:3 {2}media file: \{\{wiki:gone\.png}}: wiki\/gone\.png is not in data\/media/);
  });

  it('is warned about by the build, with file and line, while the picture the wiki has is built', () => {
    expect(site.output).toMatch(/wiki\/media_check\.mdx:5:\d+: warning: `\/media\/wiki\/gone\.png` is not in the public folder/);
    expect(site.read('wiki/wiki/media_check/index.html')).toMatch(/<span class="align-left"><img src="\/_astro\/dokuwiki-128\./);
  });

  it('beside an article, stops the build with file, line and the fix, before the image pipeline fails', () => {
    const sources = new Map([
      [
        'ns/page.mdx',
        '---\ntitle: Page\n---\n\nA picture: ![Die](./die.png) and one that is there: ![Logo](../logo.png).\n\n<img src="/media/none.png" alt="" />\n',
      ],
      ['logo.png', ''],
    ]);
    expect(() => buildPageIndex(sources)).toThrow(/ns\/page\.mdx:5:\d+: error: `\.\/die\.png` is not in the content folder \(ns\/die\.png\)/);
    const index = buildPageIndex(new Map([...sources, ['ns/die.png', '']]), undefined, { publicFiles: new Set(['favicon.svg']) });
    expect(index.warnings.map((warning) => warning.message)).toEqual([
      '`/media/none.png` is not in the public folder (public/media/none.png): the reader would see a broken file; add the file, or correct the address',
    ]);
  });
});
