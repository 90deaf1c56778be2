import { describe, expect, it } from 'vitest';
import type { Block } from '../../../shared/model/article';
import { splitPassages } from './passages';

const p = (start: number, end: number): Block => ({ kind: 'p', start, end });

describe('splitPassages', () => {
  it('merges consecutive blocks until a passage reaches the target size, covering the whole text', () => {
    const text = 'x'.repeat(100);
    expect(splitPassages(text, [p(2, 10), p(12, 30), p(32, 40), p(42, 60), p(62, 70)], 25)).toEqual([
      { start: 0, end: 30 },
      { start: 30, end: 60 },
      { start: 60, end: 100 },
    ]);
  });

  it('cuts a block longer than twice the target at spaces', () => {
    const text = 'lorem ipsum '.repeat(20).trim();
    const passages = splitPassages(text, [p(0, text.length)], 50);
    expect(passages.length).toBeGreaterThan(3);
    expect(passages[0]?.start).toBe(0);
    expect(passages.at(-1)?.end).toBe(text.length);
    for (const [i, passage] of passages.entries()) {
      expect(passage.end - passage.start).toBeLessThanOrEqual(75);
      if (i > 0) expect(passage.start).toBe(passages[i - 1]?.end);
      if (i > 0) expect(text[passage.start]).toBe(' ');
    }
  });

  it('treats an article without blocks as one block and skips empty blocks', () => {
    expect(splitPassages('Sơn Trà', [], 2000)).toEqual([{ start: 0, end: 7 }]);
    expect(splitPassages('ab', [p(1, 1), p(0, 2)], 2000)).toEqual([{ start: 0, end: 2 }]);
    expect(splitPassages('ab', [p(1, 1)], 2000)).toEqual([{ start: 0, end: 2 }]);
    expect(splitPassages('', [], 2000)).toEqual([]);
  });

  it('never cuts a surrogate pair in two', () => {
    const text = '😀'.repeat(100);
    for (const passage of splitPassages(text, [], 15)) {
      expect(passage.start % 2).toBe(0);
      expect(passage.end % 2).toBe(0);
    }
  });
});
