/**
 * The writing loop: `npm run dev` picks up a new article and re-resolves the links to it.
 * `--ignore-lock`: Astro allows one dev server per project unless told otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot, withoutVitestEnv } from '../helpers/build-site.ts';
import { freePort } from '../helpers/invariants.ts';

const work = join(repoRoot, 'tests/.output/dev-server');
const contentDir = join(work, 'content');
/** A free port, so that several checkouts can run this test at once. */
let port = 0;
let server: ChildProcess;
/** What the dev server printed, for the message of a step that times out. */
let log = '';

async function get(path: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return response.text();
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (await check().catch((error: unknown) => ((last = error), false))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms (last error: ${String(last)}, ${String((last as { cause?: unknown } | undefined)?.cause)}); the dev server printed:\n${log.slice(-4000)}`,
  );
}

beforeAll(async () => {
  port = await freePort();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
  cpSync(join(repoRoot, 'tests/fixtures/site/nvidia.mdx'), join(contentDir, 'nvidia.mdx'));
  // An article with MDX of its own is compiled to a module, which the server compiles again when a title it shows changes.
  writeFileSync(join(contentDir, 'modules.mdx'), '---\ntitle: Modules\n---\n\nTwo is {1 + 1}. See [[cuda]].\n');
  server = spawn(
    process.execPath,
    [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: repoRoot,
      // modules.mdx holds an `{expression}`: full MDX (src/model/trust.ts).
      env: { ...withoutVitestEnv(), WIKI_CONTENT_DIR: contentDir, WIKI_CACHE_DIR: join(work, 'cache'), WIKI_TRUST: 'trusted', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  // A save while the server starts, after the wiki has read the content folder and before Astro loads the
  // collection: the article must not be missed.
  await waitFor(async () => /\[types\]|\[content\]/.test(log), 90_000);
  writeFileSync(join(contentDir, 'huawei.mdx'), '---\ntitle: Huawei\n---\n\nHuawei makes Ascend chips.\n');
  await waitFor(async () => (await get('/wiki/nvidia/')).includes('<h1'), 90_000);
});

afterAll(() => {
  server.kill();
});

it('serves an article saved while the server started', async () => {
  await waitFor(async () => (await get('/wiki/huawei/')).includes('Huawei makes Ascend chips.'), 20_000);
  await waitFor(async () => (await get('/wiki/nvidia/')).includes('<a class="wikilink" href="/wiki/huawei/">Huawei</a>'), 20_000);
}, 60_000);

it('serves a new article and turns red links to it blue without a restart', async () => {
  expect(await get('/wiki/nvidia/')).toContain('title="cuda (page does not exist yet)"');
  writeFileSync(join(contentDir, 'cuda.mdx'), '---\ntitle: CUDA\n---\n\nCUDA is a platform for GPU computing.\n');
  await waitFor(async () => (await get('/wiki/cuda/')).includes('CUDA is a platform'), 20_000);
  await waitFor(async () => (await get('/wiki/nvidia/')).includes('<a class="wikilink" href="/wiki/cuda/">CUDA</a>'), 20_000);
  await waitFor(async () => (await get('/wiki/modules/')).includes('Two is 2. See <a class="wikilink" href="/wiki/cuda/">CUDA</a>'), 20_000);
  // An edit of the new article's title shows in the article and in the links to it.
  writeFileSync(join(contentDir, 'cuda.mdx'), '---\ntitle: CUDA platform\n---\n\nCUDA is a platform for GPU computing, edited.\n');
  await waitFor(async () => (await get('/wiki/cuda/')).includes('CUDA is a platform for GPU computing, edited.'), 20_000);
  await waitFor(async () => (await get('/wiki/nvidia/')).includes('<a class="wikilink" href="/wiki/cuda/">CUDA platform</a>'), 20_000);
  await waitFor(async () => (await get('/wiki/modules/')).includes('Two is 2. See <a class="wikilink" href="/wiki/cuda/">CUDA platform</a>'), 20_000);
  // Link previews are served too (a build writes them as files: src/postbuild/previews.ts), with the new title.
  await waitFor(async () => (await get('/previews/cuda.json')).includes('"title":"CUDA platform"'), 20_000);
  expect(JSON.parse(await get('/previews/cuda.json'))).toEqual({
    title: 'CUDA platform',
    url: '/wiki/cuda/',
    description: 'CUDA is a platform for GPU computing, edited.',
  });
}, 90_000);

/** The reloads the dev server sends to readers' pages (Vite's HMR socket, as its client script opens it). */
async function reloads(): Promise<{ next: () => Promise<void>; close: () => void }> {
  const client = await get('/@vite/client');
  const token = /const wsToken = "([^"]+)"/.exec(client)?.[1];
  if (!token) throw new Error('no HMR token in /@vite/client: has Vite changed how its client connects?');
  const socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`, 'vite-hmr');
  let waiting: (() => void) | undefined;
  let last = Date.now();
  socket.addEventListener('message', (message) => {
    if ((JSON.parse(String(message.data)) as { type: string }).type !== 'full-reload') return;
    last = Date.now();
    waiting?.();
  });
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  // Reloads still due from an earlier change pass first: a second without any.
  await waitFor(async () => Date.now() - last > 1000, 15_000);
  return { next: () => new Promise<void>((resolve) => (waiting = resolve)), close: () => socket.close() };
}

it('reloads a reader’s page once the edit is read, and that reload shows it', async () => {
  const socket = await reloads();
  try {
    const reloaded = socket.next();
    // A second paragraph: the first is also the page's description, which the wiki's data holds.
    // A tag and an alias too, whose pages go with the article (the next tests).
    writeFileSync(
      join(contentDir, 'cuda.mdx'),
      '---\ntitle: CUDA platform\ntags: [platform]\naliases: [cuda_toolkit]\n---\n\nCUDA is a platform for GPU computing, edited.\n\nA second paragraph, added.\n',
    );
    await reloaded;
    // The first reload, not a later one: Astro writes its store to disk half a second after the loader.
    expect(await get('/wiki/cuda/')).toContain('<p>A second paragraph, added.</p>');
  } finally {
    socket.close();
  }
}, 30_000);

it('serves the title index, so that the 404 page suggests articles while writing', async () => {
  const manifest = JSON.parse(await get('/search-titles/index.json')) as { pieces: string[] };
  expect(manifest.pieces).toEqual(['']);
  const rows = JSON.parse(await get('/search-titles/p-.json')) as Array<[string, string]>;
  expect(rows.map(([id, title]) => [id, title])).toEqual(
    expect.arrayContaining([
      ['huawei', 'Huawei'],
      ['nvidia', 'Nvidia'],
    ]),
  );
}, 60_000);

it('stops serving a deleted article and turns the links to it red again', async () => {
  expect(await get('/special/tags/platform/')).toContain('CUDA platform');
  expect(await get('/wiki/cuda_toolkit/')).toContain('url=/wiki/cuda/');
  // Readers keep asking for the article's pages while it goes: a request Astro matched to a page before the change
  // and renders after it must get the 404 page too, not an error (src/astro/dev-paths.ts).
  let asking = true;
  const statuses = new Set<number>();
  const ask = async (path: string) => {
    while (asking) statuses.add((await fetch(`http://127.0.0.1:${port}${path}`)).status);
  };
  const gone = ['/wiki/cuda/', '/wiki/cuda_toolkit/', '/previews/cuda.json', '/special/tags/platform/'];
  const readers = [ask('/wiki/cuda/'), ...gone.map(ask)];
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(join(contentDir, 'cuda.mdx'));
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/wiki/cuda/`)).status === 404, 20_000);
    await waitFor(async () => (await get('/wiki/nvidia/')).includes('title="cuda (page does not exist yet)"'), 20_000);
    await waitFor(async () => (await get('/wiki/modules/')).includes('title="cuda (page does not exist yet)"'), 20_000);
  } finally {
    asking = false;
    await Promise.all(readers);
  }
  expect([...statuses].sort()).toEqual([200, 404]);
  for (const path of gone) {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    expect(response.status, path).toBe(404);
    if (!path.endsWith('.json')) expect(await response.text(), path).toMatch(/<h1[^>]*>Page not found<\/h1>/);
  }
}, 60_000);

it('serves an article again when it comes back', async () => {
  writeFileSync(join(contentDir, 'cuda.mdx'), '---\ntitle: CUDA\n---\n\nCUDA is back.\n');
  await waitFor(async () => (await get('/wiki/cuda/')).includes('CUDA is back.'), 20_000);
  await waitFor(async () => (await get('/previews/cuda.json')).includes('"title":"CUDA"'), 20_000);
}, 60_000);

it('printed no error while the content changed under it', () => {
  // Between two readings the pages may briefly show the wiki as it was, never a page that fails.
  expect(log).not.toMatch(/\[ERROR\]/);
});
