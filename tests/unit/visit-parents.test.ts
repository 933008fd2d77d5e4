/**
 * The wiki's copy of unist-util-visit-parents (vendor/unist-util-visit-parents, put in place for every package
 * by package.json overrides) walks trees exactly as upstream 6.1.0 documents, without making and naming a
 * function for each node it visits (half the time of rendering an article).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Node, Parent } from 'unist';
import { CONTINUE, EXIT, SKIP, visitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-site.ts';

interface TestNode extends Node {
  name: string;
  children?: TestNode[];
}
const n = (name: string, ...children: TestNode[]): TestNode =>
  children.length ? { type: name[0] === 'p' ? 'parent' : 'leaf', name, children } : { type: 'leaf', name };
const tree = () => n('p-root', n('p-a', n('a1'), n('a2')), n('b'), n('p-c', n('c1')));

type Action = boolean | 'skip' | number | [boolean | 'skip', number] | undefined;

function walk(root: TestNode, visitor: (node: TestNode, parents: Parent[]) => Action, reverse = false): string[] {
  const seen: string[] = [];
  visitParents(
    root,
    (node, parents) => {
      seen.push(`${(node as TestNode).name}/${parents.length}`);
      return visitor(node as TestNode, parents);
    },
    reverse,
  );
  return seen;
}

describe('the vendored unist-util-visit-parents', () => {
  it('is the one every package gets', () => {
    const fromAstro = createRequire(join(repoRoot, 'node_modules/@astrojs/markdown-remark/package.json'));
    expect(fromAstro.resolve('unist-util-visit-parents')).toBe(join(repoRoot, 'vendor/unist-util-visit-parents/index.js'));
  });

  it('walks in preorder, or in reverse, with each node’s ancestors', () => {
    expect(walk(tree(), () => CONTINUE)).toEqual(['p-root/0', 'p-a/1', 'a1/2', 'a2/2', 'b/1', 'p-c/1', 'c1/2']);
    expect(walk(tree(), () => CONTINUE, true)).toEqual(['p-root/0', 'p-c/1', 'c1/2', 'b/1', 'p-a/1', 'a2/2', 'a1/2']);
    const ancestors: string[][] = [];
    visitParents(tree(), 'leaf', (_node, parents) => void ancestors.push(parents.map((p) => (p as TestNode).name)));
    expect(ancestors).toEqual([['p-root', 'p-a'], ['p-root', 'p-a'], ['p-root'], ['p-root', 'p-c']]);
  });

  it('skips children, stops, and goes on at the index a visitor gives', () => {
    expect(walk(tree(), (node) => (node.name === 'p-a' ? SKIP : CONTINUE))).toEqual(['p-root/0', 'p-a/1', 'b/1', 'p-c/1', 'c1/2']);
    expect(walk(tree(), (node) => (node.name === 'a2' ? EXIT : CONTINUE))).toEqual(['p-root/0', 'p-a/1', 'a1/2', 'a2/2']);
    // A visitor that removes the node it is on says where to go on: here, the same index.
    const edited = tree();
    const seen = walk(edited, (node, parents) => {
      if (node.name !== 'b') return CONTINUE;
      const parent = parents[parents.length - 1] as TestNode;
      parent.children!.splice(1, 1);
      return [SKIP, 1];
    });
    expect(seen).toEqual(['p-root/0', 'p-a/1', 'a1/2', 'a2/2', 'b/1', 'p-c/1', 'c1/2']);
    expect(edited.children!.map((c) => c.name)).toEqual(['p-a', 'p-c']);
  });

  it('keeps the entry estree-util-visit imports', async () => {
    const { color } = (await import('unist-util-visit-parents/do-not-use-color')) as { color: (d: string) => string };
    expect(color('x')).toContain('x');
  });
});
