import { describe, expect, it } from 'vitest';
import { fold, foldWithMap } from './fold';

describe('fold', () => {
  it('folds Vietnamese letters, đ included, so "dang" finds Đảng, đang and dạng', () => {
    expect(['Đảng', 'đang', 'dạng', 'DANG'].map(fold)).toEqual(['dang', 'dang', 'dang', 'dang']);
    expect(fold('Đà Nẵng')).toBe('da nang');
  });

  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'Thứ sáu, Sơn Trà'.normalize('NFC');
    expect(fold(nfc.normalize('NFD'))).toBe(fold(nfc));
  });
});

describe('foldWithMap', () => {
  it('maps every folded unit back to its offset in the original text', () => {
    const text = 'Ủy ban Đà Nẵng';
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe('uy ban da nang');
    const at = folded.indexOf('da nang');
    expect(text.slice(map[at], map[at + 'da nang'.length])).toBe('Đà Nẵng');
  });

  it('keeps surrogate pairs whole, and offsets as they are when folding keeps every length', () => {
    const { folded, map } = foldWithMap('a😀b');
    expect(folded).toBe('a😀b');
    expect(Array.from(map)).toEqual([0, 1, 2, 3, 4]);
  });

  it('maps back across a change of length (a stray combining mark folds away)', () => {
    const text = 'x\u0301y';
    const { folded, map } = foldWithMap(text);
    expect(folded).toBe('xy');
    expect(Array.from(map)).toEqual([0, 2, 3]);
  });
});
