import { describe, expect, it } from 'vitest';
import { canonicalize, countWords } from './canonical';

describe('canonicalize', () => {
  it('gives identical text for NFD and NFC input', () => {
    const nfc = 'Thứ sáu, Đà Nẵng, Ủy ban';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(canonicalize(nfd)).toBe(nfc);
  });

  it('recomposes the combining tone marks that Windows-1258 decoding produces', () => {
    expect(canonicalize('Vie\u0302\u0323t Nam, ơ\u0300')).toBe('Việt Nam, ờ');
  });

  it('turns CRLF and lone CR line ends into LF', () => {
    expect(canonicalize('a\r\nb\rc\n\r\nd')).toBe('a\nb\nc\n\nd');
  });

  it('strips a leading byte order mark and keeps later ones', () => {
    expect(canonicalize('\uFEFFxin chào\uFEFF')).toBe('xin chào\uFEFF');
  });

  it('canonicalizes a text of several megabytes as a whole, across every place it is cut into pieces', () => {
    // Lines of every length put CRLF, lone CR and decomposed letters astride each piece boundary.
    const ends = ['\r\n', '\r', '\n', '\n\u0301'];
    const text = Array.from(
      { length: 80_000 },
      (_, i) => `Đa\u0300 Na\u0306\u0303ng ${'x'.repeat(i % 97)}${ends[i % ends.length]}`,
    ).join('');
    expect(text.length).toBeGreaterThan(4_000_000);
    expect(canonicalize(text)).toBe(text.replace(/\r\n?/g, '\n').normalize('NFC'));
  });

  it('gives back a text already canonical as it is', () => {
    const text = 'Sơn Trà là bán đảo\n'.repeat(200_000);
    expect(canonicalize(text)).toBe(text);
  });
});

describe('countWords', () => {
  it('counts Vietnamese syllables separated by any whitespace', () => {
    expect(countWords('Thứ sáu,\t01/04/2022\n\n09:35  Đà\u00A0Nẵng')).toBe(6);
  });

  it('does not count tokens that hold no letter or digit', () => {
    expect(countWords('Đảng – lòng Dân … “ ”')).toBe(3);
  });

  it('counts nothing in empty or blank text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' \n\t ')).toBe(0);
  });
});

describe('countWords against its definition', () => {
  it('counts as whitespace-separated tokens holding a letter or digit do, whatever the characters', () => {
    const samples = [
      'Việt Nam\u2003– 2022\u3000ờ\u200bx 𝒜 😀 \ud800 a\ufeffb ٣ …\u2028Đà\u2029Nẵng\u00a0\u1680\u205f\u202f',
      ...Array.from({ length: 200 }, (_, n) =>
        Array.from({ length: 40 }, (_, k) =>
          String.fromCodePoint(((n * 7919 + k * 104729) % 0x2ffff) + 1),
        ).join(''),
      ),
    ];
    for (const text of samples) expect(countWords(text)).toBe(byDefinition(text));
  });

  it('counts a token of one character as its definition does for every Latin and Vietnamese letter and sign', () => {
    const latin = [...range(0x80, 0x2ff), ...range(0x1e00, 0x1eff)].map((code) => String.fromCharCode(code));
    for (const token of latin)
      expect(countWords(`${token} ${token}`)).toBe(byDefinition(`${token} ${token}`));
  });
});

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const byDefinition = (text: string) =>
  (text.match(/\S+/g) ?? []).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
