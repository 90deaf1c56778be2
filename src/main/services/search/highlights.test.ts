import { describe, expect, it } from 'vitest';
import { colorAt, highlightsOf, insertRow, removeRow, rowOf, settle, type HighlightRow } from './highlights';

const row = (id: string, start: number, extra: Partial<HighlightRow> = {}): HighlightRow => ({
  id,
  color: 'yellow',
  start,
  end: start + 5,
  note: `note ${id}`,
  tags: [],
  ...extra,
});

describe('Highlights', () => {
  it('keeps highlights in document order as they are added and removed', () => {
    const highlights = highlightsOf([row('b', 20), row('a', 10, { color: 'blue', quote: 'moved' })]);
    insertRow(highlights, row('c', 15, { tags: ['x'] }));
    insertRow(highlights, row('d', 10));
    settle(highlights);
    expect(highlights.ids).toEqual(['a', 'd', 'c', 'b']);
    expect(highlights.starts).toEqual([10, 10, 15, 20]);
    expect(highlights.tags).toEqual([[], [], ['x'], []]);
    expect(colorAt(highlights, 0)).toBe('blue');
    expect(highlights.quotes.get('a')).toBe('moved');
    expect(removeRow(highlights, 'a')).toBe(true);
    expect(removeRow(highlights, 'a')).toBe(false);
    expect(highlights.ids).toEqual(['d', 'c', 'b']);
    expect(highlights.notes).toEqual(['note d', 'note c', 'note b']);
    expect(highlights.quotes.size).toBe(0);
  });

  it('finds, removes and settles rows added out of order, and settles on its own once many wait', () => {
    const highlights = highlightsOf([row('a', 10), row('b', 30)]);
    const c = insertRow(highlights, row('c', 20));
    insertRow(highlights, row('d', 5));
    expect(highlights.ids[c]).toBe('c');
    expect(rowOf(highlights, 'd', 5)).toBe(3);
    expect(rowOf(highlights, 'b', 30)).toBe(1);
    expect(removeRow(highlights, 'a', 10)).toBe(true);
    expect(rowOf(highlights, 'c', 20)).toBe(1);
    settle(highlights);
    expect(highlights.ids).toEqual(['d', 'c', 'b']);
    expect(highlights.notes).toEqual(['note d', 'note c', 'note b']);

    for (let i = 0; i < 100; i++) {
      const at = insertRow(highlights, row(`r${i}`, (i * 37) % 50));
      expect(highlights.ids[at]).toBe(`r${i}`);
    }
    expect(highlights.unsorted).toBeLessThanOrEqual(highlights.ids.length);
    settle(highlights);
    const starts = [...highlights.starts];
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(highlights.ids).toHaveLength(103);
  });
});
