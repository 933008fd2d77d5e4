import { describe, expect, it } from 'vitest';
import { withGonePaths, type ListedPaths } from '../../src/astro/dev-paths.ts';

const path = (slug: string) => ({ params: { slug }, props: { title: slug.toUpperCase() } });
const GONE = { title: undefined };

describe('withGonePaths (astro dev: a page’s paths never shrink while the server runs)', () => {
  it('gives the paths as they are the first time', () => {
    const listed: ListedPaths = new Map();
    expect(withGonePaths(listed, [path('a'), path('b')], GONE)).toEqual([path('a'), path('b')]);
  });

  it('keeps a path listed before, marked gone, and gives it back when it is listed again', () => {
    const listed: ListedPaths = new Map();
    withGonePaths(listed, [path('a'), path('b'), path('c')], GONE);
    expect(withGonePaths(listed, [path('b')], GONE)).toEqual([path('b'), { params: { slug: 'a' }, props: GONE }, { params: { slug: 'c' }, props: GONE }]);
    // Still gone in the listing after, then back with its props.
    expect(withGonePaths(listed, [path('b')], GONE)).toHaveLength(3);
    expect(withGonePaths(listed, [path('c'), path('b')], GONE)).toEqual([path('c'), path('b'), { params: { slug: 'a' }, props: GONE }]);
  });

  it('leaves a gone path to the page that lists it now', () => {
    const listed: ListedPaths = new Map();
    withGonePaths(listed, [path('a'), path('b')], GONE);
    expect(withGonePaths(listed, [path('b')], GONE, ({ slug }) => slug === 'a')).toEqual([path('b')]);
  });

  it('tells apart params that are absent, as the first page of a paged list has', () => {
    const listed: ListedPaths = new Map();
    const page = (n: number) => ({ params: { page: n === 1 ? undefined : String(n) }, props: { page: n } });
    withGonePaths(listed, [page(1), page(2)], { page: undefined });
    expect(withGonePaths(listed, [page(1)], { page: undefined })).toEqual([page(1), { params: { page: '2' }, props: { page: undefined } }]);
  });
});
