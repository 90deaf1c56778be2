import { describe, expect, it } from 'vitest';
import { byDocumentOrder } from './annotation';

const at = (id: string, start: number, end: number) => ({
  id,
  target: { position: { type: 'TextPositionSelector' as const, start, end } },
});

describe('byDocumentOrder', () => {
  it('orders highlights by start, then by end', () => {
    const sorted = [at('c', 10, 20), at('b', 4, 30), at('a', 4, 8), at('d', 0, 1)].sort(byDocumentOrder);
    expect(sorted.map((h) => h.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});
