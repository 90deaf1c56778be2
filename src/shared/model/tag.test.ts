import { describe, expect, it } from 'vitest';
import { sameTag, tagKey } from './tag';

describe('tagKey', () => {
  it('treats names differing only in case, surrounding spaces or Unicode composition as one tag', () => {
    const composed = 'Đà Nẵng';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(tagKey(`  ${decomposed}\t`)).toBe(tagKey('đà nẵng'));
    expect(sameTag('ĐÀ NẴNG ', decomposed.toLowerCase())).toBe(true);
  });

  it('keeps different words apart, including words that differ only in tone marks', () => {
    expect(sameTag('đà nẵng', 'da nang')).toBe(false);
    expect(sameTag('ma', 'má')).toBe(false);
    expect(sameTag('to read', 'toread')).toBe(false);
  });
});
