import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import type { ViewRect } from '../../../../shared/pdf/rects';

/** A rectangle being drawn on page `index`, in CSS pixels from the page's top-left corner. */
export interface AreaDraft {
  index: number;
  rect: ViewRect;
}

/** Smallest side of an area, CSS pixels: a click or a tiny drag is not an area. */
const MIN_SIDE = 6;
/** How far one arrow key moves or resizes a rectangle drawn from the keyboard, CSS pixels. */
const STEP = 10;

/**
 * Drawing an area on a page while `enabled`: drag with the pointer on a page inside `root`, or, on a
 * focused page, Enter (or Space) to start a rectangle in its middle, arrow keys to move it, Shift +
 * arrow keys to resize it, Enter to keep it and Escape to drop it. `onDone` gets the page index and
 * the rectangle (CSS pixels from the page's top-left corner) when one is kept.
 */
export function useAreaDraw(
  enabled: boolean,
  root: HTMLElement | null,
  onDone: (index: number, rect: ViewRect) => void,
): { draft: AreaDraft | null; onPageKeyDown: (index: number, e: KeyboardEvent<HTMLElement>) => void } {
  const [draft, setDraft] = useState<AreaDraft | null>(null);

  useEffect(() => {
    if (!enabled || !root) return;
    const onDown = (down: PointerEvent) => {
      const page = (down.target as Element).closest<HTMLElement>('[data-page-index]');
      if (down.button !== 0 || !page) return;
      down.preventDefault();
      const index = Number(page.dataset.pageIndex);
      const box = page.getBoundingClientRect();
      const at = (e: PointerEvent) => ({
        x: Math.min(Math.max(e.clientX - box.left, 0), box.width),
        y: Math.min(Math.max(e.clientY - box.top, 0), box.height),
      });
      const start = at(down);
      const rectTo = (e: PointerEvent): ViewRect => {
        const end = at(e);
        const [left, top] = [Math.min(start.x, end.x), Math.min(start.y, end.y)];
        return { left, top, width: Math.abs(end.x - start.x), height: Math.abs(end.y - start.y) };
      };
      const onMove = (e: PointerEvent) => setDraft({ index, rect: rectTo(e) });
      const onUp = (e: PointerEvent) => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        setDraft(null);
        const rect = rectTo(e);
        if (rect.width >= MIN_SIDE && rect.height >= MIN_SIDE) onDone(index, rect);
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
    };
    root.addEventListener('pointerdown', onDown);
    return () => root.removeEventListener('pointerdown', onDown);
  }, [enabled, root, onDone]);

  const onPageKeyDown = useCallback(
    (index: number, e: KeyboardEvent<HTMLElement>) => {
      if (!enabled || e.target !== e.currentTarget) return;
      const { width, height } = e.currentTarget.getBoundingClientRect();
      const current = draft?.index === index ? draft.rect : null;
      if (!current) {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        setDraft({ index, rect: { left: width / 4, top: height / 3, width: width / 2, height: height / 4 } });
        return;
      }
      const move = ARROWS[e.key];
      if (e.key === 'Enter') {
        setDraft(null);
        onDone(index, current);
      } else if (e.key === 'Escape') setDraft(null);
      else if (move) {
        const [dx, dy] = [move[0] * STEP, move[1] * STEP];
        const next = e.shiftKey
          ? {
              ...current,
              width: Math.max(MIN_SIDE, current.width + dx),
              height: Math.max(MIN_SIDE, current.height + dy),
            }
          : { ...current, left: current.left + dx, top: current.top + dy };
        next.left = Math.min(Math.max(next.left, 0), width - next.width);
        next.top = Math.min(Math.max(next.top, 0), height - next.height);
        setDraft({ index, rect: next });
      } else return;
      e.preventDefault();
      e.stopPropagation();
    },
    [enabled, draft, onDone],
  );

  // A rectangle left half-drawn when the mode is turned off is dropped.
  return { draft: enabled ? draft : null, onPageKeyDown };
}

const ARROWS: Partial<Record<string, [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
