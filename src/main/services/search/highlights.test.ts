import { describe, expect, it } from 'vitest';
import { colorAt, highlightsOf, insertRow, removeRow, type HighlightRow } from './highlights';

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
});
