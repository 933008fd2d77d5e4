/**
 * Full MDX (WIKI_TRUST=trusted): an expression that throws while its page renders fails with the article's
 * file and line, not with a stack trace into a compiled chunk. Compiled and run with MDX itself.
 */
import { evaluate } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkExpressionErrors } from '../../src/render/plugins/remark-expression-errors.ts';

/** A JSX runtime that builds plain objects: enough to run an article's content. */
const runtime = {
  Fragment: 'fragment',
  jsx: (type: unknown, props: Record<string, unknown>) => ({ type, props }),
  jsxs: (type: unknown, props: Record<string, unknown>) => ({ type, props }),
};

async function run(source: string, plugins = [[remarkExpressionErrors, { contentDir: '/content' }]] as const): Promise<unknown> {
  const { default: Content } = await evaluate(new VFile({ value: source, path: '/content/hw/h100.mdx' }), { ...runtime, remarkPlugins: [...plugins] as never });
  return Content({});
}

describe('remarkExpressionErrors', () => {
  it('names the article, line and expression of an expression that throws', async () => {
    await expect(run('# Title\n\nValue: {(() => { throw new Error("boom") })()}\n')).rejects.toThrow(
      'hw/h100.mdx:3:8: error: the expression `{(() => { throw new Error("boom") })()}` failed while its page was rendered: boom',
    );
    await expect(run('Text.\n\n{undefinedThing.property}\n')).rejects.toThrow(
      /^hw\/h100\.mdx:3:1: error: the expression `\{undefinedThing\.property\}` failed while its page was rendered: undefinedThing is not defined/,
    );
  });

  it('names the attribute of an element whose value throws', async () => {
    await expect(run('<abbr title={JSON.parse("{")}>x</abbr>\n')).rejects.toThrow(/^hw\/h100\.mdx:1:7: error: the expression `\{JSON\.parse\("\{"\)\}` failed/);
  });

  it('changes nothing for expressions that do not throw', async () => {
    expect(JSON.stringify(await run('Two is {1 + 1}, and {"text"}.\n'))).toContain('"children":["Two is ",2,", and ","text","."]');
  });

  it("is what makes the place known: without it, the error is the expression's own", async () => {
    await expect(run('{(() => { throw new Error("boom") })()}\n', [] as never)).rejects.toThrow(/^boom$/);
  });
});
