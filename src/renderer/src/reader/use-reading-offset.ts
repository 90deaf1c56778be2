import { useEffect, useState } from 'react';
import type { Block, Page } from '../../../shared/model/article';
import { blockAtTop, readingTop } from './dom-offsets';

/**
 * The canonical offset being read: the start of the block at the top of the
 * reading area, followed as it scrolls (once a frame at most). Starts at
 * `initial` and keeps its last value while the top of the view is between
 * rendered blocks. For a PDF (`pages` given) it is the last offset of the
 * page at the top of the reading area, so that what starts on that page
 * counts as being read.
 */
export function useReadingOffset(
  scroller: HTMLElement | null,
  blocks: readonly Block[],
  initial: number,
  pages?: readonly Page[],
): number {
  const [offset, setOffset] = useState(initial);
  useEffect(() => {
    if (!scroller) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const block = pages ? pageAtTop(scroller) : blockAtTop(scroller);
        const start = block
          ? pages
            ? lastOffset(pages[Number(block.dataset.pageIndex)])
            : blocks[Number(block.dataset.block)]?.start
          : undefined;
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
  }, [scroller, blocks, pages]);
  return offset;
}

/** The PDF page element (`data-page-index`) under the top of the reading area, or null. */
function pageAtTop(scroller: HTMLElement): HTMLElement | null {
  const view = scroller.getBoundingClientRect();
  const x = view.left + scroller.clientWidth / 2;
  for (let y = readingTop(scroller) + 4; y < view.bottom; y += 12) {
    const hit = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-page-index]');
    if (hit && scroller.contains(hit)) return hit;
  }
  return null;
}

const lastOffset = (page: Page | undefined): number | undefined => page && Math.max(page.start, page.end - 1);
