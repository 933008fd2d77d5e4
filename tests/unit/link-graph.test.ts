import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/model/diagnostics.ts';
import { buildLinkGraph, redLinkDiagnostics } from '../../src/model/link-graph.ts';
import { article, indexOf } from '../helpers/index.ts';

describe('page index', () => {
  it('rejects a missing title with the file, the field and the fix', () => {
    expect(() => indexOf({ 'a.mdx': '---\ndescription: x\n---\nText' })).toThrow(
      /a\.mdx:1: error: field `title`: every article needs a title: add `title: Your Title`/,
    );
  });

  it('rejects a mistyped field and names the known ones', () => {
    expect(() => indexOf({ 'a.mdx': '---\ntitle: A\ntitel: B\n---\n' })).toThrow(/unknown field `titel`/);
  });

  it('rejects malformed YAML with its line', () => {
    expect(() => indexOf({ 'a.mdx': '---\ntitle: A\ntags: [x\n---\n' })).toThrow(/a\.mdx:\d+: error: the frontmatter is not valid YAML/);
  });

  it('rejects an MDX syntax error with line and the fix', () => {
    expect(() => indexOf({ 'a.mdx': article('A', 'Line one\n\nA brace { opens here') })).toThrow(/a\.mdx:7:\d+: error: MDX cannot read this: .*write `\\\{`/);
  });

  it('rejects two files whose ids differ only in case', () => {
    expect(() => indexOf({ 'Nvidia.mdx': article('A'), 'nvidia.mdx': article('B') })).toThrow(/its id `nvidia` is also the id of Nvidia\.mdx/);
  });

  it("rejects an alias that is another article's id", () => {
    expect(() => indexOf({ 'a.mdx': article('A', '', 'aliases: [b]\n'), 'b.mdx': article('B') })).toThrow(/alias `b` is the id of the article b\.mdx/);
  });

  it('rejects an alias claimed by two articles', () => {
    expect(() => indexOf({ 'a.mdx': article('A', '', 'aliases: [x]\n'), 'b.mdx': article('B', '', 'aliases: [X]\n') })).toThrow(
      /alias `X` is also an alias of a\.mdx/,
    );
  });

  it('reports a file that is not an article instead of dropping it silently', () => {
    const index = indexOf({ 'a.mdx': article('A'), 'notes.md': '# Notes' });
    expect(index.warnings).toMatchObject([{ file: 'notes.md', message: expect.stringMatching(/not published.*notes\.mdx/) }]);
  });

  it('throws a ContentError that lists every problem at once', () => {
    try {
      indexOf({ 'a.mdx': '---\n---\n', 'b.mdx': 'no frontmatter' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).diagnostics.map((d) => d.file)).toEqual(['a.mdx', 'b.mdx']);
    }
  });
});

describe('link graph', () => {
  const index = indexOf({
    'nvidia.mdx': article('Nvidia', 'Nvidia makes GPUs. It competes with [[huawei|Huawei]] in China. See [[nvidia]] itself.\n\n## History'),
    'huawei.mdx': article(
      'Huawei',
      'Huawei designs the [[ascend]] chips. Its rival is [[Nvidia#History|Nvidia]]. [[nvidia#nope]]',
      'seeAlso: [nvidia, cuda]\n',
    ),
    'orphan.mdx': article('Orphan', 'Links to [[ascend]] and [[cuda]].'),
  });
  const graph = buildLinkGraph(index);

  it('lists backlinks with the sentence around the link, once per linking page, without self-links', () => {
    expect(graph.backlinks.get('huawei' as never)).toEqual([{ from: 'nvidia', context: 'It competes with Huawei in China.' }]);
    expect(graph.backlinks.get('nvidia' as never)).toEqual([{ from: 'huawei', context: 'Its rival is Nvidia.' }]);
    expect(graph.backlinks.get('orphan' as never)).toBeUndefined();
  });

  it('collects red links by target, with file and line, most wanted first', () => {
    expect([...graph.wanted.keys()].sort()).toEqual(['ascend', 'cuda']);
    expect(graph.wanted.get('ascend' as never)?.map((l) => `${l.file}:${l.line}`)).toEqual(['huawei.mdx:6', 'orphan.mdx:5']);
    expect(graph.wanted.get('cuda' as never)?.map((l) => l.file)).toEqual(['huawei.mdx', 'orphan.mdx']);
  });

  it('warns about a #section that names no heading, and lists the ones that exist', () => {
    expect(graph.diagnostics).toMatchObject([
      { severity: 'warning', file: 'huawei.mdx', line: 6, message: expect.stringMatching(/has no section `#nope`.*#history/) },
    ]);
  });

  it('turns red links into errors under the strict setting', () => {
    expect(redLinkDiagnostics(graph, false).every((d) => d.severity === 'warning')).toBe(true);
    const strict = redLinkDiagnostics(graph, true);
    expect(strict).toHaveLength(4);
    expect(strict.every((d) => d.severity === 'error')).toBe(true);
  });
});
