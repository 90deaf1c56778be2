import { describe, expect, it } from 'vitest';
import { matchScore } from './match';

describe('matchScore', () => {
  it('matches titles without accents, case or punctuation, and authors by a shared name', () => {
    expect(
      matchScore({ title: 'SỐ ĐỎ', author: 'Vũ Trọng Phụng' }, { title: 'Số đỏ', author: 'Phụng, Vũ Trọng' }),
    ).toBe(2);
    expect(
      matchScore({ title: 'Walden', author: null }, { title: 'Walden', author: 'Thoreau, Henry David' }),
    ).toBe(2);
  });

  it('matches a title with a subtitle the other lacks, less strongly', () => {
    expect(
      matchScore(
        { title: 'Sapiens', author: null },
        { title: 'Sapiens: A Brief History of Humankind', author: null },
      ),
    ).toBe(1);
  });

  it('refuses another author or another title', () => {
    expect(
      matchScore(
        { title: 'Walden', author: 'E. B. White' },
        { title: 'Walden', author: 'Thoreau, Henry David' },
      ),
    ).toBe(0);
    expect(matchScore({ title: 'Số đỏ', author: null }, { title: 'Số đen', author: null })).toBe(0);
  });
});
