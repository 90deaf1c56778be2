import { describe, expect, it } from 'vitest';
import { contextHolds, contextSimilarity } from './context';

/** Plain dynamic-programming edit distance, anchored at the start of both strings, free end in `b`. */
function referenceSimilarity(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1);
    }
    row = next;
  }
  return 1 - Math.min(a.length, ...row) / a.length;
}

const reverse = (s: string) => [...s].reverse().join('');

describe('contextSimilarity', () => {
  const text = 'Ban Thường vụ Quận ủy Sơn Trà rút ra những bài học, kinh nghiệm lớn.';
  const at = text.indexOf('rút ra');

  it('is 1 when the context is intact, even with more text beyond it', () => {
    expect(contextHolds('Quận ủy Sơn Trà ', text, at, 'before')).toBe(true);
    expect(contextSimilarity('Quận ủy Sơn Trà ', text, at, 'before')).toBe(1);
    expect(contextSimilarity('rút ra những', text, at, 'after')).toBe(1);
    expect(contextSimilarity('', text, at, 'after')).toBe(1);
  });

  it('costs one character per character edited next to the quote', () => {
    const edited = text.replace('Quận ủy', 'Quận uỷ');
    expect(contextHolds('Quận ủy Sơn Trà ', edited, at, 'before')).toBe(false);
    expect(contextSimilarity('vụ Quận ủy Sơn Trà ', edited, at, 'before')).toBeCloseTo(1 - 2 / 19);
    const inserted = text.replace('Sơn Trà', 'Sơn Trà,');
    expect(contextSimilarity('Quận ủy Sơn Trà ', inserted, at + 1, 'before')).toBeCloseTo(1 - 1 / 16);
  });

  it('scores unrelated text low', () => {
    expect(contextSimilarity('Ghi nhận thành tựu này của Q. Sơn', text, at, 'before')).toBeLessThan(0.5);
  });

  it('compares only the 32 characters nearest the quote', () => {
    expect(contextSimilarity(text.slice(at, at + 32) + 'XXXXXXXX', text, at, 'after')).toBe(1);
    expect(contextSimilarity(text.slice(at, at + 31) + 'XXXXXXXX', text, at, 'after')).toBeLessThan(1);
  });

  it('agrees with a plain edit-distance computation on both sides', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'aăâbdđeêgiklmnoôơpqrstuưvxyạảấầẩẫậ ';
    const word = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let k = 0; k < 300; k++) {
      const context = word(1 + Math.floor(random() * 32));
      const near = word(Math.floor(random() * 50));
      const side = random() < 0.5 ? 'before' : 'after';
      const around = side === 'before' ? `${near}QUOTE` : `QUOTE${near}`;
      const boundary = side === 'before' ? near.length : 5;
      const compared =
        side === 'before'
          ? reverse(near).slice(0, context.length + (context.length >> 1))
          : near.slice(0, context.length + (context.length >> 1));
      const expected = referenceSimilarity(side === 'before' ? reverse(context) : context, compared);
      expect(contextSimilarity(context, around, boundary, side)).toBeCloseTo(expected, 10);
    }
  });
});
