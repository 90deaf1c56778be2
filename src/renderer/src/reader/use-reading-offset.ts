import { useEffect, useState } from 'react';
import type { Block } from '../../../shared/model/article';
import { blockAtTop } from './dom-offsets';

/**
 * The canonical offset being read: the start of the block at the top of the
 * reading area, followed as it scrolls (once a frame at most). Starts at
 * `initial` and keeps its last value while the top of the view is between
 * rendered blocks.
 */
export function useReadingOffset(
  scroller: HTMLElement | null,
  blocks: readonly Block[],
  initial: number,
): number {
  const [offset, setOffset] = useState(initial);
  useEffect(() => {
    if (!scroller) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const block = blockAtTop(scroller);
        const start = block ? blocks[Number(block.dataset.block)]?.start : undefined;
        if (start !== undefined) setOffset(start);
        else if (scroller.scrollTop === 0) setOffset(0);
      });
    };
    measure();
    scroller.addEventListener('scroll', measure, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', measure);
    };
  }, [scroller, blocks]);
  return offset;
}
