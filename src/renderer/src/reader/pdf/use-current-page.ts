import { useEffect, useState, type RefObject } from 'react';
import { pageUnder } from './page-under';

/**
 * The page being read: the one a quarter down the view under the controls' `bar` (an index from 0): followed as the
 * reader scrolls, measured once a frame at most. `scale` changes it without a scroll event.
 */
export function useCurrentPage(
  scroller: HTMLElement | null,
  slots: RefObject<(HTMLElement | null)[]>,
  bar: HTMLElement | null,
  scale: number,
): number {
  const [current, setCurrent] = useState(0);
  useEffect(() => {
    if (!scroller) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      // A quarter down the view below the bar: a page whose last lines are going under the bar is
      // left behind, one gone to (its top a little under the bar) is the current page at once.
      const view = scroller.getBoundingClientRect();
      const top = view.top + (bar?.offsetHeight ?? 0);
      const y = top + (view.bottom - top) / 4;
      const point = pageUnder(slots.current, y);
      if (point) setCurrent(point.index);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller, slots, bar, scale]);
  return current;
}
