/** Pagefind's file format as the search join writes it (src/postbuild/pagefind-format.ts): CBOR and short names. */
import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor, ShortNames, shortNames, type Cbor } from '../../src/postbuild/pagefind-format.ts';

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
