import { describe, expect, it } from 'vitest';
import type { PageId } from '../../src/model/ids.ts';
import { resolveWikiLink } from '../../src/model/resolve-wiki-link.ts';
import { article, indexOf } from '../helpers/index.ts';

const index = indexOf({
  'nvidia.mdx': article('Nvidia', '## History\n\n## Products', 'aliases: [nvidia_corporation, "NVIDIA Corp"]\n'),
  'hardware/ascend_910b.mdx': article('Ascend 910B', '## Memory'),
  'hardware/ascend_910c.mdx': article('Ascend 910C'),
  '华为.mdx': article('Huawei (华为)'),
});

describe('resolveWikiLink', () => {
  it.each([
    ['nvidia', { kind: 'page', id: 'nvidia', title: 'Nvidia', viaAlias: false }],
    ['Nvidia', { kind: 'page', id: 'nvidia' }],
    ['  NVIDIA  ', { kind: 'page', id: 'nvidia' }],
    ['nvidia_corporation', { kind: 'page', id: 'nvidia', viaAlias: true }],
    ['NVIDIA Corp', { kind: 'page', id: 'nvidia', viaAlias: true }],
    ['hardware:ascend_910b', { kind: 'page', id: 'hardware:ascend_910b', title: 'Ascend 910B' }],
    ['Hardware:Ascend 910B', { kind: 'page', id: 'hardware:ascend_910b' }],
    ['hardware/ascend_910b', { kind: 'page', id: 'hardware:ascend_910b' }],
    ['华为', { kind: 'page', id: '华为' }],
    ['nvidia#History', { kind: 'page', id: 'nvidia', anchor: 'history', anchorExists: true }],
    ['nvidia#products', { kind: 'page', id: 'nvidia', anchor: 'products', anchorExists: true }],
    ['nvidia#Nope', { kind: 'page', id: 'nvidia', anchor: 'nope', anchorExists: false }],
    ['cuda', { kind: 'missing', id: 'cuda' }],
    ['CUDA toolkit#install', { kind: 'missing', id: 'cuda_toolkit', anchor: 'install' }],
    ['ascend_910b', { kind: 'missing', id: 'ascend_910b' }],
  ])('[[%s]]', (written, expected) => {
    expect(resolveWikiLink(written, index)).toMatchObject(expected);
  });

  it('resolves relative links against the linking page', () => {
    const from = 'hardware:ascend_910b' as PageId;
    expect(resolveWikiLink('.:ascend_910c', index, from)).toMatchObject({ kind: 'page', id: 'hardware:ascend_910c' });
    expect(resolveWikiLink('..:nvidia', index, from)).toMatchObject({ kind: 'page', id: 'nvidia' });
  });

  it('links [[#section]] within the page itself', () => {
    expect(resolveWikiLink('#Memory', index, 'hardware:ascend_910b' as PageId)).toMatchObject({
      kind: 'page',
      id: 'hardware:ascend_910b',
      anchor: 'memory',
      anchorExists: true,
    });
  });

  it('rejects a target that names no page', () => {
    expect(resolveWikiLink('???', index)).toMatchObject({ kind: 'invalid' });
  });
});
