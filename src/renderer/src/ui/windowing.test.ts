import { describe, expect, it } from 'vitest';
import { rowOffsets, rowsInView, withHeights } from './windowing';

/** Offsets of `count` rows of 10 px. */
const even = (count: number) => Float64Array.from({ length: count + 1 }, (_, i) => i * 10);

describe('rowsInView', () => {
  it('gives the rows overlapping the view and the overscan on each side', () => {
    expect(rowsInView(even(10_000), { top: 50_000, height: 30 }, 2)).toEqual([
      4998, 4999, 5000, 5001, 5002, 5003, 5004,
    ]);
  });

  it('keeps pinned rows however far away, in order, and ignores invalid ones', () => {
    expect(rowsInView(even(100), { top: 0, height: 20 }, 0, [90, -1, 1, 100])).toEqual([0, 1, 90]);
  });

  it('follows measured heights of different sizes', () => {
    const offsets = [0, 100, 105, 110, 300];
    expect(rowsInView(offsets, { top: 101, height: 8 }, 0)).toEqual([1, 2]);
    expect(rowsInView(offsets, { top: 200, height: 1000 }, 1)).toEqual([2, 3]);
  });

  it('clamps a view above or below the list to its first or last rows', () => {
    expect(rowsInView(even(50), { top: -400, height: 100 }, 1)).toEqual([0, 1]);
    expect(rowsInView(even(50), { top: 5000, height: 100 }, 1)).toEqual([48, 49]);
    expect(rowsInView([0], { top: 0, height: 100 }, 3)).toEqual([]);
  });
});

describe('rowOffsets and withHeights', () => {
  it('counts known heights and the estimate for the others', () => {
    const known = new Map([[1, 30]]);
    expect([...rowOffsets(3, (i) => known.get(i), 10)]).toEqual([0, 10, 40, 50]);
  });

  it('moves only the rows after each measured row, by its change of height', () => {
    const offsets = even(5);
    const measured = withHeights(
      offsets,
      new Map([
        [3, 25],
        [1, 4],
      ]),
    );
    expect([...measured]).toEqual([0, 10, 14, 24, 49, 59]);
    // The list's own offsets are left as they were; a height that did not change costs no copy.
    expect([...offsets]).toEqual([0, 10, 20, 30, 40, 50]);
    expect(withHeights(measured, new Map([[3, 25]]))).toBe(measured);
  });
});
