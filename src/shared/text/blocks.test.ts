import { describe, expect, it } from 'vitest';
import type { Block } from '../model/article';
import { blockIndexAt, blockNear, blockWindow, rangesOver, READER_WINDOW, sortRanges } from './blocks';

// "Tiêu đề\n\nĐoạn một.\n\nĐoạn hai."
const blocks: Block[] = [
  { kind: 'h1', start: 0, end: 7 },
  { kind: 'p', start: 9, end: 18 },
  { kind: 'p', start: 20, end: 29 },
];

describe('blockIndexAt', () => {
  it('finds the block containing an offset, start included and end excluded', () => {
    expect([0, 6, 9, 17, 20, 28].map((o) => blockIndexAt(blocks, o))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('gives -1 between blocks, past the end and for no blocks', () => {
    expect([7, 8, 18, 19, 29, 100, -1].map((o) => blockIndexAt(blocks, o))).toEqual([
      -1, -1, -1, -1, -1, -1, -1,
    ]);
    expect(blockIndexAt([], 0)).toBe(-1);
  });

  it('stays correct on many blocks', () => {
    const many: Block[] = Array.from({ length: 1000 }, (_, i) => ({
      kind: 'p',
      start: i * 10,
      end: i * 10 + 8,
    }));
    expect(blockIndexAt(many, 5_004)).toBe(500);
    expect(blockIndexAt(many, 5_008)).toBe(-1);
    expect(blockIndexAt(many, 9_997)).toBe(999);
  });
});

describe('rangesOver', () => {
  const ranges = (...list: { id: string; start: number; end: number }[]) => sortRanges(list, (r) => r);

  it('gives the ranges over a block, clipped to it, relative to its start, sorted by start then end', () => {
    const a = { id: 'a', start: 22, end: 25 };
    const b = { id: 'b', start: 15, end: 21 };
    const c = { id: 'c', start: 20, end: 22 };
    const sorted = ranges(a, b, c);
    expect(rangesOver(sorted, blocks[1]!.start, blocks[1]!.end)).toEqual([{ item: b, start: 6, end: 9 }]);
    expect(rangesOver(sorted, blocks[2]!.start, blocks[2]!.end)).toEqual([
      { item: b, start: 0, end: 1 },
      { item: c, start: 0, end: 2 },
      { item: a, start: 2, end: 5 },
    ]);
    expect(rangesOver(sorted, blocks[0]!.start, blocks[0]!.end)).toEqual([]);
  });

  it('finds a long range starting many ranges before the block, and leaves out those only touching it', () => {
    const short = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, start: i * 10, end: i * 10 + 3 }));
    const long = { id: 'long', start: 5, end: 9_000 };
    const touching = { id: 'touching', start: 8_990, end: 9_000 };
    const sorted = ranges(...short, long, touching);
    expect(rangesOver(sorted, 9_000, 9_010).map((r) => r.item.id)).toEqual(['s900']);
    expect(rangesOver(sorted, 8_995, 9_010).map((r) => [r.item.id, r.start, r.end])).toEqual([
      ['long', 0, 5],
      ['touching', 0, 5],
      ['s900', 5, 8],
    ]);
  });
});

describe('blockNear', () => {
  it('gives the block containing an offset, else the next one, else the last', () => {
    expect([0, 6, 7, 8, 9, 19, 28, 29, 1000].map((o) => blockNear(blocks, o))).toEqual([
      0, 0, 1, 1, 1, 2, 2, 2, 2,
    ]);
  });

  it('gives 0 when there are no blocks', () => {
    expect(blockNear([], 5)).toBe(0);
  });
});

describe('blockWindow', () => {
  it('puts a third of the window before the block and the rest after it', () => {
    expect(blockWindow(1000, 5000)).toEqual({ from: 950, to: 950 + READER_WINDOW });
  });

  it('stays inside the blocks at either end of a long article', () => {
    expect(blockWindow(10, 5000)).toEqual({ from: 0, to: READER_WINDOW });
    expect(blockWindow(4990, 5000)).toEqual({ from: 5000 - READER_WINDOW, to: 5000 });
  });

  it('covers every block of a short article', () => {
    expect(blockWindow(2, 3)).toEqual({ from: 0, to: 3 });
    expect(blockWindow(0, 0)).toEqual({ from: 0, to: 0 });
  });
});
