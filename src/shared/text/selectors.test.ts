import { describe, expect, it } from 'vitest';
import { describeRange } from './selectors';

describe('describeRange', () => {
  const text = 'Sáng 31-3, Ban Chỉ đạo xây dựng Đề án làm việc với Đảng bộ Q. Sơn Trà (TP Đà Nẵng).';

  it('stores the exact quote, 32 characters of context and the position', () => {
    const start = text.indexOf('Đảng bộ');
    const target = describeRange(text, start, start + 'Đảng bộ'.length);
    expect(target.quote.exact).toBe('Đảng bộ');
    expect(target.quote.prefix).toBe(text.slice(start - 32, start));
    expect(target.quote.prefix).toHaveLength(32);
    expect(target.quote.suffix).toBe(text.slice(start + 7, start + 7 + 32));
    expect(target.position).toEqual({ type: 'TextPositionSelector', start, end: start + 7 });
  });

  it('clips the context at the ends of the text', () => {
    const target = describeRange(text, 0, 4);
    expect(target.quote.prefix).toBe('');
    expect(describeRange(text, text.length - 2, text.length).quote.suffix).toBe('');
  });

  it('rejects empty and out-of-range ranges', () => {
    expect(() => describeRange(text, 5, 5)).toThrow(RangeError);
    expect(() => describeRange(text, -1, 3)).toThrow(RangeError);
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError);
  });
});
