import type { Block, BlockLayout } from '../model/article';

/** The one-character code of each block kind in a BlockLayout's `kinds`. */
export const BLOCK_KIND_CODES: Record<Block['kind'], string> = {
  p: 'p',
  h1: '1',
  h2: '2',
  h3: '3',
  h4: '4',
  h5: '5',
  h6: '6',
  li: 'l',
  blockquote: 'q',
  pre: 'c',
};

const KINDS = new Map(Object.entries(BLOCK_KIND_CODES).map(([kind, code]) => [code, kind as Block['kind']]));

/** Where every block lies, compact (see blockLayoutSchema): kinds, bounds and table of contents marks. */
export function blockLayout(blocks: readonly Block[]): BlockLayout {
  let kinds = '';
  const bounds = new Array<number>(blocks.length * 2);
  const toc: BlockLayout['toc'] = [];
  blocks.forEach((block, i) => {
    kinds += BLOCK_KIND_CODES[block.kind];
    bounds[2 * i] = block.start;
    bounds[2 * i + 1] = block.end;
    if (block.toc) toc.push([i, block.toc]);
  });
  return { kinds, bounds, toc };
}

/**
 * The blocks a layout describes, in order: each with its kind, start, end and table of contents marks,
 * except those of `whole` (blocks `from` on, as they are), which replace theirs.
 * @throws RangeError when the layout is inconsistent (an unknown kind code, bounds not two per block) or
 *   `whole` runs past its end.
 */
export function blocksOfLayout(layout: BlockLayout, whole: readonly Block[] = [], from = 0): Block[] {
  const { kinds, bounds } = layout;
  if (bounds.length !== kinds.length * 2 || from + whole.length > kinds.length)
    throw new RangeError('The block layout does not match its blocks.');
  const marks = new Map(layout.toc);
  const blocks = new Array<Block>(kinds.length);
  for (let i = 0; i < kinds.length; i++) {
    const given = i >= from ? whole[i - from] : undefined;
    if (given) {
      blocks[i] = given;
      continue;
    }
    const kind = KINDS.get(kinds[i]!);
    if (!kind) throw new RangeError(`Unknown block kind code “${kinds[i]}”.`);
    const toc = marks.get(i);
    blocks[i] = { kind, start: bounds[2 * i]!, end: bounds[2 * i + 1]!, ...(toc && { toc }) };
  }
  return blocks;
}

/**
 * The index of the block of `layout` nearest to the canonical offset `offset` (UTF-16 units), as blockNear
 * finds it among whole blocks: the first block ending after it, else the last; 0 when there is none.
 */
export function layoutBlockNear(layout: BlockLayout, offset: number): number {
  const count = layout.kinds.length;
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (layout.bounds[2 * mid + 1]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, Math.min(lo, count - 1));
}
