import type { Block } from '../model/article';

/**
 * Index of the block containing `offset` (a UTF-16 offset into the canonical text), found by binary
 * search, or -1 when the offset lies between blocks or outside them. Blocks are sorted and disjoint;
 * a block contains its start and not its end.
 */
export function blockIndexAt(blocks: Block[], offset: number): number {
  const i = firstEndingAfter(blocks, offset);
  return i < blocks.length && blocks[i]!.start <= offset ? i : -1;
}

/**
 * Index of the block containing `offset`, or of the next block when the offset falls between blocks
 * (the last block for an offset past them; 0 when there are none): where the reader goes for an offset.
 */
export function blockNear(blocks: Block[], offset: number): number {
  return Math.max(0, Math.min(firstEndingAfter(blocks, offset), blocks.length - 1));
}

/** How many blocks the reader renders at a time, around the place being read. */
export const READER_WINDOW = 150;

/**
 * The window [from, to) of block indexes the reader renders around block `index`: a third of it before,
 * the rest after, kept inside [0, count). An excerpt sent for the first screen is the same window.
 */
export function blockWindow(index: number, count: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(index - Math.floor(READER_WINDOW / 3), count - READER_WINDOW));
  return { from, to: Math.min(count, from + READER_WINDOW) };
}

/** Index of the first block whose end is after `offset` (blocks.length when none is). */
function firstEndingAfter(blocks: Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranges (highlights) sorted by start, with the length of the longest: those over one block are found by
 * binary search, so a block's ranges cost what they are, however many there are in all.
 */
export interface SortedRanges<T> {
  items: T[];
  starts: Float64Array;
  ends: Float64Array;
  longest: number;
}

/** `items` sorted by the start of their `range` (then its end), for rangesOver; linear when they already are. */
export function sortRanges<T>(
  items: T[],
  range: (item: T) => { start: number; end: number },
): SortedRanges<T> {
  const index = (list: T[]): [SortedRanges<T>, boolean] => {
    const starts = new Float64Array(list.length);
    const ends = new Float64Array(list.length);
    let longest = 0;
    let sorted = true;
    for (let i = 0; i < list.length; i++) {
      const { start, end } = range(list[i]!);
      starts[i] = start;
      ends[i] = end;
      longest = Math.max(longest, end - start);
      if (i > 0 && (start < starts[i - 1]! || (start === starts[i - 1]! && end < ends[i - 1]!)))
        sorted = false;
    }
    return [{ items: list, starts, ends, longest }, sorted];
  };
  const [ranges, sorted] = index(items);
  if (sorted) return ranges;
  return index(
    [...items].sort((a, b) => {
      const [x, y] = [range(a), range(b)];
      return x.start - y.start || x.end - y.end;
    }),
  )[0];
}

/**
 * The ranges overlapping the canonical span [start, end) (a block), clipped to it, with offsets relative
 * to `start`, sorted by start, then by end. A range only touching the span gives nothing.
 */
export function rangesOver<T>(
  ranges: SortedRanges<T>,
  start: number,
  end: number,
): { item: T; start: number; end: number }[] {
  const { items, starts, ends } = ranges;
  // No range starting before `start - longest` can reach the span.
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < start - ranges.longest) lo = mid + 1;
    else hi = mid;
  }
  const found: { item: T; start: number; end: number }[] = [];
  for (let i = lo; i < starts.length && starts[i]! < end; i++) {
    if (ends[i]! <= start) continue;
    found.push({
      item: items[i]!,
      start: Math.max(starts[i]!, start) - start,
      end: Math.min(ends[i]!, end) - start,
    });
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}
