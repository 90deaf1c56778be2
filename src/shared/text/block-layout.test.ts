import { describe, expect, it } from 'vitest';
import { blockLayoutSchema, type Block } from '../model/article';
import { blockLayout, blocksOfLayout, layoutBlockNear } from './block-layout';
import { blockNear } from './blocks';

const blocks: Block[] = [
  { kind: 'h1', start: 0, end: 8, toc: [{ label: 'Chương 1', level: 1 }], html: 'Chương 1' },
  { kind: 'p', start: 10, end: 20, html: 'Sông <em>Hàn</em>' },
  { kind: 'li', start: 22, end: 25, wrap: [{ tag: 'ul', id: 0 }] },
  { kind: 'blockquote', start: 27, end: 30 },
  { kind: 'pre', start: 32, end: 40 },
  { kind: 'h6', start: 42, end: 44, toc: [{ label: 'Phụ lục', level: 2 }] },
];

describe('blockLayout', () => {
  it('gives back every block where it lies, with its kind and contents marks', () => {
    const layout = blockLayout(blocks);
    expect(layout.kinds).toBe('1plqc6');
    expect(blocksOfLayout(layout)).toEqual(
      blocks.map(({ kind, start, end, toc }) => ({ kind, start, end, ...(toc && { toc }) })),
    );
  });

  it('puts the blocks given whole in their places', () => {
    const rebuilt = blocksOfLayout(blockLayout(blocks), blocks.slice(1, 3), 1);
    expect(rebuilt[1]).toBe(blocks[1]);
    expect(rebuilt[2]).toBe(blocks[2]);
    expect(rebuilt[3]).toEqual({ kind: 'blockquote', start: 27, end: 30 });
  });

  it('refuses a layout that does not hold together', () => {
    expect(() => blocksOfLayout({ kinds: 'px', bounds: [0, 1, 2, 3], toc: [] })).toThrow(RangeError);
    expect(() => blocksOfLayout({ kinds: 'p', bounds: [0, 1, 2], toc: [] })).toThrow(RangeError);
    expect(() => blocksOfLayout({ kinds: 'p', bounds: [0, 1], toc: [] }, blocks.slice(0, 2))).toThrow(
      RangeError,
    );
  });
});

describe('layoutBlockNear', () => {
  it('finds the same block as blockNear does among whole blocks', () => {
    const layout = blockLayout(blocks);
    for (const offset of [-1, 0, 7, 8, 9, 10, 21, 26, 31, 41, 43, 44, 100])
      expect(layoutBlockNear(layout, offset)).toBe(blockNear(blocks, offset));
    expect(layoutBlockNear(blockLayout([]), 5)).toBe(0);
  });
});

describe('blockLayoutSchema', () => {
  it('accepts a layout and refuses bounds that are not offsets', () => {
    const layout = blockLayout(blocks);
    expect(blockLayoutSchema.safeParse(layout).success).toBe(true);
    for (const bad of [-1, 1.5, '3', null, Number.MAX_SAFE_INTEGER + 2])
      expect(blockLayoutSchema.safeParse({ ...layout, bounds: [0, bad] }).success).toBe(false);
    expect(blockLayoutSchema.safeParse({ ...layout, bounds: 'x' }).success).toBe(false);
  });
});
