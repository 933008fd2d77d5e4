import { describe, expect, it } from 'vitest';
import {
  cleanId,
  mdxPathForId,
  pageIdFromPath,
  resolvePageId,
  sectionSlug,
  type PageId,
} from '../../src/importer/page-id.ts';

const id = (raw: string): PageId => cleanId(raw);

describe('cleanId', () => {
  it.each([
    ['wiki:syntax', 'wiki:syntax'],
    ['Wiki:Syntax', 'wiki:syntax'],
    ['Some Page With Spaces', 'some_page_with_spaces'],
    ['wiki/slashes;semi', 'wiki:slashes:semi'],
    ['ns::page', 'ns:page'],
    [':root', 'root'],
    ['Über Café', 'uber_cafe'],
    ['a  b!?c', 'a_b_c'],
    ['_trim_.', 'trim'],
    ['version-1.2', 'version-1.2'],
  ])('%s → %s', (raw, expected) => {
    expect(cleanId(raw)).toBe(expected);
  });
});

describe('resolvePageId from wiki:syntax', () => {
  it.each([
    ['pagename', 'wiki:pagename'],
    ['other:page', 'other:page'],
    [':root_page', 'root_page'],
    ['.:sibling', 'wiki:sibling'],
    ['.sibling', 'wiki:sibling'],
    ['..:up', 'up'],
    ['other:', 'other:start'],
    ['', 'wiki:syntax'],
    ['Mixed Case', 'wiki:mixed_case'],
  ])('%s → %s', (target, expected) => {
    expect(resolvePageId(target, id('wiki:syntax'))).toBe(expected);
  });

  it('resolves relative links on a top-level page to the root', () => {
    expect(resolvePageId('nvidia', id('nvidia_vs_huawei_for_ai_compute'))).toBe('nvidia');
  });
});

describe('paths', () => {
  it.each([
    ['wiki/syntax.txt', 'wiki:syntax', 'wiki/syntax.mdx'],
    ['start.txt', 'start', 'start.mdx'],
    ['a\\b\\c.txt', 'a:b:c', 'a/b/c.mdx'],
  ])('%s → %s → %s', (path, pageId, mdx) => {
    expect(pageIdFromPath(path)).toBe(pageId);
    expect(mdxPathForId(id(pageId))).toBe(mdx);
  });
});

describe('sectionSlug', () => {
  it.each([
    ['images_and_other_files', 'images-and-other-files'],
    ['Image Links', 'image-links'],
    ['internal', 'internal'],
  ])('%s → %s', (section, expected) => {
    expect(sectionSlug(section)).toBe(expected);
  });
});
