import { describe, expect, it } from 'vitest';
import { absoluteTarget, idFromPath, idFromUrl, normalizeId, pathForId, urlForId, type PageId } from '../../src/model/ids.ts';

describe('normalizeId', () => {
  it.each([
    ['nvidia', 'nvidia'],
    ['Nvidia', 'nvidia'],
    ['NVIDIA GPUs', 'nvidia_gpus'],
    ['  nvidia  gpus ', 'nvidia_gpus'],
    ['Hardware:Ascend 910B', 'hardware:ascend_910b'],
    ['hardware/ascend_910b', 'hardware:ascend_910b'],
    ['hardware;ascend_910b', 'hardware:ascend_910b'],
    ['a::b', 'a:b'],
    [':nvidia', 'nvidia'],
    ['Nvidia vs. Huawei for AI Compute', 'nvidia_vs._huawei_for_ai_compute'],
    ['C++ (language)', 'c_language'],
    ['what?!', 'what'],
    ['Émile Zola', 'emile_zola'],
    ['Straße', 'straße'],
    ['华为', '华为'],
    ['华为 Ascend', '华为_ascend'],
    ['__init__', 'init'],
    ['hbm-3e', 'hbm-3e'],
    ['', ''],
    ['???', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeId(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const name of ['Hardware:Ascend 910B', 'Émile', '华为 Ascend', 'a b:c d']) {
      const once = normalizeId(name);
      expect(normalizeId(once)).toBe(once);
    }
  });
});

describe('ids, paths and URLs', () => {
  it.each([
    ['nvidia.mdx', 'nvidia', '/wiki/nvidia/'],
    ['hardware/ascend_910b.mdx', 'hardware:ascend_910b', '/wiki/hardware/ascend_910b/'],
    ['Hardware/Ascend 910B.mdx', 'hardware:ascend_910b', '/wiki/hardware/ascend_910b/'],
    ['华为.mdx', '华为', '/wiki/%E5%8D%8E%E4%B8%BA/'],
  ])('%s is %s at %s', (path, id, url) => {
    expect(idFromPath(path)).toBe(id);
    expect(urlForId(id as PageId)).toBe(url);
    expect(idFromUrl(url)).toBe(id);
  });

  it('maps an id back to its file', () => {
    expect(pathForId('hardware:ascend_910b' as PageId)).toBe('hardware/ascend_910b.mdx');
  });

  it('adds an encoded section to a URL', () => {
    expect(urlForId('nvidia' as PageId, 'see-also')).toBe('/wiki/nvidia/#see-also');
  });

  it('reads no id from a URL outside /wiki/', () => {
    expect(idFromUrl('/special/wanted/')).toBe('');
  });
});

describe('absoluteTarget', () => {
  it.each([
    ['nvidia', 'hardware:ascend', 'nvidia'],
    [':nvidia', 'hardware:ascend', 'nvidia'],
    ['.:ascend_910c', 'hardware:ascend_910b', 'hardware:ascend_910c'],
    ['..:nvidia', 'hardware:chips:ascend', 'hardware:nvidia'],
    ['.:x', undefined, '.:x'],
  ])('%s from %s → %s', (target, from, expected) => {
    expect(absoluteTarget(target, from as PageId | undefined)).toBe(expected);
  });
});
