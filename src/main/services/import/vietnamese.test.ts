import { describe, expect, it } from 'vitest';
import { SAMPLE } from './fixtures/variants';
import { isVietnameseSyllable } from './vietnamese';

describe('isVietnameseSyllable', () => {
  it('accepts every syllable of the sample article, abbreviations aside', () => {
    const words = SAMPLE.match(/\p{L}+/gu) ?? [];
    const rejected = words.filter((w) => /[^\p{ASCII}]/u.test(w) && !isVietnameseSyllable(w));
    expect(rejected).toEqual(['HĐND']);
  });

  it('accepts syllables in NFD and in capitals', () => {
    expect(isVietnameseSyllable('Nghiệp'.normalize('NFD'))).toBe(true);
    expect(isVietnameseSyllable('THUYỀN')).toBe(true);
    expect(isVietnameseSyllable('khuya')).toBe(true);
    expect(isVietnameseSyllable('giêng')).toBe(true);
  });

  it('rejects what a wrong legacy decoding produces', () => {
    // The sample's first words as Windows-1258 bytes read as Windows-1252.
    for (const w of ['Ðoa', 'khaÒo', 'saìt', 'cuÒa', 'Thýì', 'ýõng'])
      expect(isVietnameseSyllable(w)).toBe(false);
  });

  it('rejects other languages, two tone marks and a wrong tone before a stop', () => {
    // năo is Portuguese não (Windows-1252) read as Windows-1258.
    for (const w of ['năo', 'français', 'über', 'hàá', 'bàt', 'mảc'])
      expect(isVietnameseSyllable(w)).toBe(false);
    expect(isVietnameseSyllable('bát')).toBe(true);
    expect(isVietnameseSyllable('mặc')).toBe(true);
  });
});
