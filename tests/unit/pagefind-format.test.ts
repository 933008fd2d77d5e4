/** Pagefind's file format as the search join writes it (src/postbuild/pagefind-format.ts): CBOR and short names. */
import { describe, expect, it } from 'vitest';
import { decodeCbor, decodeIndexChunk, encodeCbor, encodeIndexChunk, ShortNames, shortNames, type Cbor } from '../../src/postbuild/pagefind-format.ts';

describe('encodeCbor', () => {
  it('writes the bytes of RFC 8949 for each kind of value and length', () => {
    const hex = (value: Cbor) => encodeCbor(value).toString('hex');
    // RFC 8949, appendix A.
    expect(hex(0)).toBe('00');
    expect(hex(23)).toBe('17');
    expect(hex(24)).toBe('1818');
    expect(hex(255)).toBe('18ff');
    expect(hex(256)).toBe('190100');
    expect(hex(65535)).toBe('19ffff');
    expect(hex(65536)).toBe('1a00010000');
    expect(hex(1000000)).toBe('1a000f4240');
    expect(hex(-1)).toBe('20');
    expect(hex(-100)).toBe('3863');
    expect(hex('')).toBe('60');
    expect(hex('a')).toBe('6161');
    expect(hex('ü')).toBe('62c3bc');
    expect(hex('水')).toBe('63e6b0b4');
    expect(hex('\u{10151}')).toBe('64f0908591');
    expect(hex([])).toBe('80');
    expect(hex([1, [2, 3], [4, 5]])).toBe('8301820203820405');
  });

  it('reads back what it wrote, across the buffer growing and strings of every width', () => {
    const long = 'α水𐅑x'.repeat(2000);
    const characters = [...long];
    const value: Cbor = ['memory', Array.from({ length: 5000 }, (_, i) => [i, -i - 1, i * 70_001, ['w', characters.slice(0, i % 300).join('')]]), long, [[[]]]];
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
  });

  it('refuses what Pagefind cannot hold', () => {
    expect(() => encodeCbor(1.5)).toThrow(/whole numbers/);
    expect(() => encodeCbor(2 ** 33)).toThrow(/too large/);
  });
});

describe('ShortNames', () => {
  it('names files one at a time as shortNames names them together, longer only where seven characters collide', () => {
    const hashes = ['abcdef1234', 'abcdef1299', 'abcdef1234', '0123456789'];
    const names = new ShortNames('en');
    expect(hashes.map((hash) => names.next(hash))).toEqual(shortNames('en', hashes));
    expect(shortNames('en', hashes)).toEqual(['en_abcdef1', 'en_abcdef12', 'en_abcdef1', 'en_0123456']);
  });
});

describe('index chunks', () => {
  // As Pagefind 1.6 writes one: [[[word, [[page delta, locations, meta locations]], [[variant, pages]]]]].
  const chunk: Cbor = [
    [
      [
        'bandwidth',
        [
          [0, [-2, 5, 17, 300], []],
          [3, [4], [-1, 0, 2]],
        ],
        [['bandwidths', [[1, [9, 70_000], []]]]],
      ],
      ['memori', [[2, [1, 2, 3], []]], []],
      ['水', [[0, [], [-2, 7]]], []],
    ],
  ];

  it('reads words, absolute page numbers, location counts and metadata locations', () => {
    const words = decodeIndexChunk(encodeCbor(chunk));
    expect(words.map((word) => word.word)).toEqual(['bandwidth', 'memori', '水']);
    const [bandwidth] = words;
    expect(bandwidth?.pages.map(({ page, locationCount, metaLocations }) => ({ page, locationCount, metaLocations }))).toEqual([
      { page: 0, locationCount: 4, metaLocations: [] },
      { page: 3, locationCount: 1, metaLocations: [-1, 0, 2] },
    ]);
    expect(bandwidth?.variants.map((variant) => [variant.form, variant.pages.map((page) => page.page)])).toEqual([['bandwidths', [1]]]);
  });

  it('writes back the very bytes it read, the word locations carried as they are', () => {
    const bytes = encodeCbor(chunk);
    expect(encodeIndexChunk(decodeIndexChunk(bytes)).equals(bytes)).toBe(true);
  });

  it('writes pages renumbered, each page number again the difference from the one before', () => {
    const words = decodeIndexChunk(encodeCbor(chunk));
    const memori = words[1]!;
    memori.pages[0]!.page = 7;
    // [[[word, [[delta, locations, meta]], variants]]]
    expect(decodeCbor(encodeIndexChunk([memori]))).toEqual([[['memori', [[7, [1, 2, 3], []]], []]]]);
  });

  it('refuses what is not an index chunk', () => {
    expect(() => decodeIndexChunk(encodeCbor([['word']]))).toThrow(/not a list/);
    expect(() => decodeIndexChunk(Buffer.concat([encodeCbor(chunk), Buffer.from([0])]))).toThrow(/bytes left/);
  });
});
