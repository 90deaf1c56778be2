import { describe, expect, it } from 'vitest';
import type { Block } from '../model/article';
import { currentEntryIndex, outlineOf } from './outline';

const TEXT = 'Tựa\n\nMở đầu\n\nĐoạn một.\n\nChi tiết\n\nĐoạn hai.';
const blocksOf = (kinds: Block['kind'][]): Block[] => {
  let start = 0;
  return TEXT.split('\n\n').map((part, i) => {
    const block = { kind: kinds[i]!, start, end: start + part.length };
    start += part.length + 2;
    return block;
  });
};
const label = (block: Block) => TEXT.slice(block.start, block.end);

describe('outlineOf', () => {
  it('lists headings with levels counted from the highest used', () => {
    const blocks = blocksOf(['p', 'h2', 'p', 'h3', 'p']);
    expect(outlineOf(blocks, label)).toEqual([
      { label: 'Mở đầu', level: 1, offset: 5 },
      { label: 'Chi tiết', level: 2, offset: 24 },
    ]);
  });

  it('prefers the book’s own table of contents to its headings', () => {
    const blocks = blocksOf(['h1', 'h2', 'p', 'h3', 'p']);
    blocks[0]!.toc = [
      { label: 'Phần I', level: 1 },
      { label: 'Chương 1', level: 2 },
    ];
    blocks[4]!.toc = [{ label: 'Đoạn cuối', level: 2 }];
    expect(outlineOf(blocks, label)).toEqual([
      { label: 'Phần I', level: 1, offset: 0 },
      { label: 'Chương 1', level: 2, offset: 0 },
      { label: 'Đoạn cuối', level: 2, offset: 34 },
    ]);
  });

  it('leaves out headings whose text has not arrived yet', () => {
    const blocks = blocksOf(['h1', 'h2', 'p', 'h2', 'p']);
    expect(outlineOf(blocks, (b) => (b.start < 10 ? label(b) : null)).map((e) => e.label)).toEqual([
      'Tựa',
      'Mở đầu',
    ]);
  });
});

describe('currentEntryIndex', () => {
  const outline = [
    { label: 'a', level: 1, offset: 0 },
    { label: 'b', level: 2, offset: 0 },
    { label: 'c', level: 1, offset: 50 },
  ];
  it('names the last entry at or before the offset', () => {
    expect(currentEntryIndex(outline, 0)).toBe(1);
    expect(currentEntryIndex(outline, 49)).toBe(1);
    expect(currentEntryIndex(outline, 50)).toBe(2);
    expect(currentEntryIndex(outline.slice(2), 10)).toBe(-1);
  });
});
