import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { historyBodiesAhead, historyBodiesHere } from '../../src/postbuild/history-bodies-ahead.ts';
import type { Commit, PageHistory } from '../../src/model/history.ts';
import type { PageId } from '../../src/model/ids.ts';
import { sourceLinks } from '../../src/model/source-links.ts';
import { bodyAt, HistoryBodyError, historyBodyMaker, type HistoryBodiesSetup, type HistoryBodiesShare } from '../../src/postbuild/history-bodies.ts';
import { changeListWriter, historyBodyHtml, type HistoryPageOf } from '../../src/render/history-html.ts';
import { BUNDLED_UI_STRINGS, translator } from '../../src/shared/ui-strings.ts';

const commit = (hash: string, author: string, subject: string): Commit => ({
  hash,
  parents: [],
  author,
  email: 'someone@example.org',
  date: '2026-12-04T19:48:37+01:00',
  committed: '2026-12-04',
  subject,
});

const page = (id: string, title: string): HistoryPageOf => ({ id: id as PageId, title, url: `/wiki/${id.replace(':', '/')}/` });
const robin = page('birds:robin', 'Rotkehlchen – Erithacus <rubecula>');
const wren = page('wren', 'Zaunkönig');
const gull = page('gull', 'Möwe');
const histories: Record<string, PageHistory> = {
  'birds:robin': {
    revisions: [
      { commit: commit('a'.repeat(40), 'Ada', 'Größe ergänzt'), change: { status: 'modified', path: 'birds/robin.mdx', added: 3, removed: 1 } },
      { commit: commit('b'.repeat(40), 'Grace', 'Neu'), change: { status: 'added', path: 'birds/robin.mdx', added: 10, removed: 0 } },
    ],
    latest: {
      kind: 'diff',
      diff: {
        hunks: [
          {
            line: 4,
            parts: [
              { kind: 'same', text: 'Länge ' },
              { kind: 'removed', text: '12' },
              { kind: 'added', text: '14 cm' },
            ],
          },
        ],
        more: 0,
      },
    },
  },
  wren: {
    revisions: [
      { commit: commit('c'.repeat(40), 'Ada', 'Umbenannt'), change: { status: 'renamed', from: 'zaunkoenig.mdx', path: 'wren.mdx', added: 0, removed: 0 } },
    ],
    latest: { kind: 'unchanged' },
  },
};

/** The folders of the remembered checks, removed at the end. */
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function setup(more: Partial<HistoryBodiesSetup> = {}): HistoryBodiesSetup {
  const folder = mkdtempSync(join(tmpdir(), 'history-bodies-'));
  folders.push(folder);
  return {
    strings: { ...BUNDLED_UI_STRINGS['de']! },
    language: 'de',
    links: { repository: { url: 'https://github.com/birds/wiki', branch: 'main' }, sourceDir: '' },
    since: undefined,
    checked: { file: join(folder, 'checked.json'), code: 'code' },
    ...more,
  };
}

const shareOf = (pages: HistoryPageOf[]) => (): HistoryBodiesShare => ({ pages, histories: pages.map((p) => histories[p.id]) });

/** What the history route writes in `astro dev` for the same article. */
const expected = (settings: HistoryBodiesSetup, of: HistoryPageOf) =>
  historyBodyHtml(changeListWriter(translator(settings.strings, settings.language), sourceLinks(settings.links)), of, histories[of.id], settings.since);

const decoded = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe("the history pages' bodies", () => {
  it("are the history route's bodies, one after another as UTF-8, each found again by its place", () => {
    const settings = setup({ since: '2026-11-01' });
    const bodies = historyBodyMaker(settings).share(shareOf([robin, wren, gull])());
    expect(bodies.ends).toHaveLength(3);
    [robin, wren, gull].forEach((of, j) => expect(decoded(bodyAt(bodies, j))).toBe(expected(settings, of)));
    // Multi-byte titles: the ends count bytes, not characters.
    expect(bodies.ends[2]).toBe(bodies.bytes.length);
    expect(decoded(bodyAt(bodies, 0))).toContain('<del>');
    expect(decoded(bodyAt(bodies, 2))).toContain('noch nicht');
  });

  it('stop at a body that fails the security check and name its page: a link setting that slipped past the schema', () => {
    const hostile = setup({ links: { commitUrl: 'javascript:alert(1)//{commit}', sourceDir: '' } });
    expect(() => historyBodyMaker(hostile).share(shareOf([gull, wren])())).toThrow(HistoryBodyError);
    expect(() => historyBodyMaker(hostile).share(shareOf([gull, wren])())).toThrow(/security check of the history page \/special\/history\/wren\//);
  });

  it('remember the bodies that passed, and only once saved', () => {
    const settings = setup();
    const maker = historyBodyMaker(settings);
    maker.share(shareOf([robin, wren])());
    expect(existsSync(settings.checked.file)).toBe(false);
    maker.save();
    expect((JSON.parse(readFileSync(settings.checked.file, 'utf8')) as { digests: string[] }).digests).toHaveLength(2);
  });

  describe('made on a worker thread while Astro generates the pages', () => {
    it('gives the bytes this thread makes, share by share, none for a template the build does not render', async () => {
      const settings = setup();
      const shares = [shareOf([robin, wren]), undefined, shareOf([gull])];
      const ahead = await historyBodiesAhead(settings, shares);
      const here = historyBodiesHere(setup(), shares);
      expect(ahead[1]).toBeUndefined();
      expect(ahead.map((bodies) => bodies && decoded(bodies.bytes))).toEqual(here.map((bodies) => bodies && decoded(bodies.bytes)));
      expect(ahead[0]!.ends).toEqual(here[0]!.ends);
      expect(decoded(bodyAt(ahead[2]!, 0))).toBe(expected(settings, gull));
      // The worker saved the checks it made.
      expect((JSON.parse(readFileSync(settings.checked.file, 'utf8')) as { digests: string[] }).digests).toHaveLength(3);
    });

    it('stops the build when the worker finds a body that fails the check', async () => {
      const hostile = setup({ links: { commitUrl: 'javascript:alert(1)//{commit}', sourceDir: '' } });
      await expect(historyBodiesAhead(hostile, [shareOf([gull]), shareOf([wren])])).rejects.toThrow(/history page \/special\/history\/wren\//);
    });

    it('are made here when the worker cannot start', async () => {
      // A setting a worker cannot be given (a function): the thread is never started.
      const settings = { ...setup(), cannotBeCopied: () => undefined } as HistoryBodiesSetup;
      const bodies = await historyBodiesAhead(settings, [shareOf([robin])]);
      expect(decoded(bodyAt(bodies[0]!, 0))).toBe(expected(settings, robin));
      expect(existsSync(settings.checked.file)).toBe(true);
    });
  });
});
