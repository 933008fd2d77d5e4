/**
 * Two content folders built at once from one checkout: Astro keeps the map from
 * articles to compiled modules in the project's .astro/ folder, so without the
 * project lock each build could render with the other's map and fail.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildSiteAsync, repoRoot, type BuildResult } from '../helpers/build-site.ts';

let graph: BuildResult;
let references: BuildResult;

beforeAll(async () => {
  [graph, references] = await Promise.all([
    buildSiteAsync(join(repoRoot, 'tests/fixtures/graph'), 'concurrent-graph'),
    buildSiteAsync(join(repoRoot, 'tests/fixtures/references'), 'concurrent-references'),
  ]);
});

const articles = (site: BuildResult, namespace = '') => readdirSync(join(site.outDir, 'wiki', namespace)).sort();

it('both builds succeed, each with its own articles only', () => {
  expect(graph.status, graph.output).toBe(0);
  expect(references.status, references.output).toBe(0);
  // nvidia_corporation is an alias of nvidia: a redirect page.
  expect(articles(graph)).toEqual(['hardware', 'huawei', 'lonely', 'nvidia', 'nvidia_corporation']);
  expect(articles(graph, 'hardware')).toEqual(['ascend']);
  expect(articles(references)).toEqual(['hardware', 'plain', 'seed']);
  expect(articles(references, 'hardware')).not.toContain('ascend');
});

it('the build that came second says what it waited for and why', () => {
  // At least the second of the two waits (in a full test run, either may also wait for other fixture builds).
  const waited = [graph, references].filter((site) => site.output.includes('waiting for `astro build`'));
  expect(waited.length).toBeGreaterThanOrEqual(1);
  expect(waited[0]!.output).toMatch(/waiting for `astro build` \(pid \d+\) on \S+ to finish: Astro shares the project's \.astro\/ folder/);
});
