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
 * Splits the canonical range [start, end) into one piece per block it overlaps, with offsets relative to
 * that block's start, in block order. The gaps between blocks (e.g. the blank line between paragraphs)
 * belong to no piece; an empty range gives no pieces.
 */
export function splitRange(
  blocks: Block[],
  start: number,
  end: number,
): { block: number; start: number; end: number }[] {
  const pieces: { block: number; start: number; end: number }[] = [];
  for (let i = firstEndingAfter(blocks, start); i < blocks.length && blocks[i]!.start < end; i++) {
    const block = blocks[i]!;
    const from = Math.max(start, block.start);
    const to = Math.min(end, block.end);
    if (from < to) pieces.push({ block: i, start: from - block.start, end: to - block.start });
  }
  return pieces;
}

/**
 * Groups ranges (highlights, find matches) by the blocks they overlap, so that only the blocks on screen
 * are painted, each with its own ranges. Each entry keeps the item and its block-relative offsets; a
 * range spanning several blocks appears in each. Every list is sorted by start, then by end.
 */
export function rangesByBlock<T extends { start: number; end: number }>(
  blocks: Block[],
  ranges: T[],
): Map<number, { item: T; start: number; end: number }[]> {
  const byBlock = new Map<number, { item: T; start: number; end: number }[]>();
  for (const item of ranges) {
    for (const piece of splitRange(blocks, item.start, item.end)) {
      const list = byBlock.get(piece.block) ?? [];
      list.push({ item, start: piece.start, end: piece.end });
      byBlock.set(piece.block, list);
    }
  }
  for (const list of byBlock.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return byBlock;
}
