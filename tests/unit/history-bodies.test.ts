import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startGitHistory } from '../../src/content-folder/git-history.ts';
import { readHistoryCache } from '../../src/content-folder/history-cache.ts';
import { finishHistory, type UnfinishedHistory } from '../../src/content-folder/wiki-history.ts';
import { BODY_MARK, escapeText, templateSlug, templateUrl, TITLE_STAND_IN } from '../../src/model/history-template.ts';
import type { HistoryPagesSetup } from '../../src/postbuild/history-pages.ts';
import { historyPagesHere, startHistoryThread } from '../../src/postbuild/history-thread.ts';
import { makeGitWiki } from '../helpers/git-wiki.ts';
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

  describe('written by the thread that finished the history, while Astro generates the pages', () => {
    const wiki = makeGitWiki({ config: 'title: Vogelwiki\nlanguage: de\n' });
    const amsel = page('amsel', 'Amsel');
    const meise = page('voegel:meise', 'Kohlmeise');
    /** The history of the wiki as a build reads it, unfinished, with a cache file of its own. */
    const unfinished = async (): Promise<UnfinishedHistory> => {
      const folder = mkdtempSync(join(tmpdir(), 'history-thread-'));
      folders.push(folder);
      return {
        contentDir: wiki.content,
        git: await startGitHistory(wiki.content),
        articles: [
          { id: amsel.id, file: 'amsel.mdx' },
          { id: meise.id, file: 'voegel/meise.mdx' },
        ],
        known: new Map(),
        cache: { file: join(folder, 'history.bin'), key: 'key' },
      };
    };
    /** A template as Astro renders one (src/model/history-template.ts), for template `index`. */
    const template = (index: number) => {
      const address = `https://vogel.example${templateUrl(index)}`;
      return `<!DOCTYPE html><html lang="de"><head><title>Versionen von ${escapeText(TITLE_STAND_IN)} – Vogelwiki</title><link rel="canonical" href="${address}"></head><body><main>${BODY_MARK}</main></body></html>`;
    };
    /** A built site as Astro leaves it: templates 0 and 2 rendered, 1 not (another shard's). */
    const builtSite = (): string => {
      const out = mkdtempSync(join(tmpdir(), 'history-site-'));
      folders.push(out);
      for (const index of [0, 2]) {
        mkdirSync(join(out, 'special/history', templateSlug(index)), { recursive: true });
        writeFileSync(join(out, 'special/history', templateSlug(index), 'index.html'), template(index));
      }
      return out;
    };
    const pagesOf = (outDir: string, more: Partial<HistoryPagesSetup> = {}): HistoryPagesSetup => ({
      bodies: setup(),
      outDir,
      site: 'https://vogel.example/',
      siteName: 'Vogelwiki',
      shares: [[amsel], undefined, [meise]],
      ...more,
    });
    /** Every file of a built site, by its path. */
    const filesOf = (outDir: string) =>
      Object.fromEntries(
        readdirSync(outDir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => [relative(outDir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'utf8')]),
      );
    /** The site this thread writes from the history it finishes itself. */
    const writtenHere = async () => {
      const out = builtSite();
      expect(historyPagesHere(pagesOf(out), await finishHistory(await unfinished()))).toEqual({ written: 2, early: 0 });
      return filesOf(out);
    };
    const amselPage = (out: string) => join(out, 'special/history/amsel/index.html');

    it("writes each template's pages as soon as Astro has rendered it, the rest at build:done, the same bytes as this thread", async () => {
      const out = builtSite();
      const settings = pagesOf(out);
      const history = await unfinished();
      const thread = startHistoryThread(history);
      try {
        thread.start(settings);
        thread.template(0, template(0));
        // Written before build:done asks: the template came from the middleware, the bodies were made meanwhile.
        for (let waited = 0; !existsSync(amselPage(out)) && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(existsSync(amselPage(out))).toBe(true);
        expect(existsSync(join(out, 'special/history/voegel/meise/index.html'))).toBe(false);
        expect(await thread.write()).toEqual({ written: 2, early: 1 });
        await thread.finished();
        const site = filesOf(out);
        expect(site).toEqual(await writtenHere());
        expect(Object.keys(site).sort()).toEqual(['special/history/amsel/index.html', 'special/history/voegel/meise/index.html']);
        const meisePage = site['special/history/voegel/meise/index.html']!;
        expect(meisePage).toContain('<title>Versionen von Kohlmeise – Vogelwiki</title>');
        expect(meisePage).toContain('<link rel="canonical" href="https://vogel.example/special/history/voegel/meise/">');
        // The word diff of the latest change and every change's line counts, made on the thread.
        expect(meisePage).toContain('<ins>');
        expect(site['special/history/amsel/index.html']).toMatch(/\+\d+/);
        // The thread saved the checks it made, and the history for the next build.
        expect((JSON.parse(readFileSync(settings.bodies.checked.file, 'utf8')) as { digests: string[] }).digests).toHaveLength(2);
        expect(readHistoryCache(history.cache.file, 'key').commits).toHaveLength(4);
      } finally {
        thread.end();
      }
    });

    it('stops the build when the thread finds a body that fails the check, and writes none of its pages', async () => {
      const out = builtSite();
      const hostile = pagesOf(out, { bodies: setup({ links: { commitUrl: 'javascript:alert(1)//{commit}', sourceDir: '' } }), shares: [[amsel], [meise]] });
      const thread = startHistoryThread(await unfinished());
      try {
        thread.start(hostile);
        thread.template(0, template(0));
        await expect(thread.write()).rejects.toThrow(/history page \/special\/history\/amsel\//);
        expect(existsSync(amselPage(out))).toBe(false);
      } finally {
        thread.end();
      }
    });

    it('say why the history could not be finished when build:done asks, and not before', async () => {
      // The history cache cannot be written: its folder would be an article's file. The thread fails, then this one.
      const history = { ...(await unfinished()), cache: { file: join(wiki.content, 'amsel.mdx', 'history.bin'), key: 'key' } };
      const thread = startHistoryThread(history);
      try {
        // Nothing is thrown meanwhile (Vitest fails a run that leaves a rejection unhandled).
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await expect(thread.finished()).rejects.toThrow(/EEXIST|ENOTDIR/);
      } finally {
        thread.end();
      }
    });

    it('are written here when the thread cannot be given the history, or the setting', async () => {
      // Something a thread cannot be given (a function): the request is never sent.
      const history = { ...(await unfinished()), cannotBeCopied: () => undefined } as UnfinishedHistory;
      const thread = startHistoryThread(history);
      const out = builtSite();
      try {
        await thread.finished();
        expect(readHistoryCache(history.cache.file, 'key').commits).toHaveLength(4);
        thread.start(pagesOf(out));
        thread.template(0, template(0));
        expect(await thread.write()).toEqual({ written: 2, early: 0 });
        expect(filesOf(out)).toEqual(await writtenHere());
      } finally {
        thread.end();
      }
      const other = startHistoryThread(await unfinished());
      const elsewhere = builtSite();
      const settings = { ...pagesOf(elsewhere), cannotBeCopied: () => undefined } as HistoryPagesSetup;
      try {
        other.start(settings);
        expect(await other.write()).toEqual({ written: 2, early: 0 });
        expect(filesOf(elsewhere)).toEqual(await writtenHere());
        expect(existsSync(settings.bodies.checked.file)).toBe(true);
      } finally {
        other.end();
      }
    });
  });
});
