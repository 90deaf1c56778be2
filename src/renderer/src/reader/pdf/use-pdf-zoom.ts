import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { pageUnder, type PagePoint } from './page-under';

/** Factor of one zoom step (buttons, Ctrl/Cmd + and −). */
export const ZOOM_STEP = 1.2;
export const [MIN_ZOOM, MAX_ZOOM] = [0.25, 6];
/** Room beside a page fitted to the width, px. */
const SIDE = 48;
/** Room above and below a page fitted to the view, px, besides the page controls' bar. */
const ROOM = 24;
/** Zoom per pixel of Ctrl+wheel: a wheel's notch (about 100 px) is about one step; a pinch is smooth. */
const WHEEL_RATE = Math.log(ZOOM_STEP) / 100;

/** How the pages are sized: to the view's width (the default), to show a whole page, or a fixed scale. */
export type Zoom = { kind: 'width' } | { kind: 'page' } | { kind: 'scale'; scale: number };
/** What the controls ask for. */
export type ZoomRequest = 'in' | 'out' | Zoom;

export const clampZoom = (scale: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));

/**
 * The PDF reader's zoom: fit width by default, fit page, steps (buttons, Ctrl/Cmd + and −, Ctrl/Cmd 0
 * back to fit width) and Ctrl/Cmd + wheel (or a trackpad's pinch). The point of the pages under the
 * pointer (the wheel) or at the top of the view (the rest) stays where it was as the pages change size.
 * `size` is a page's size at scale 1, `slots` the pages' elements, `bar` the controls' bar over the
 * pages' top.
 */
export function usePdfZoom(
  scroller: HTMLElement | null,
  size: { width: number; height: number } | null,
  slots: RefObject<(HTMLElement | null)[]>,
  bar: HTMLElement | null,
): { zoom: Zoom; scale: number; zoomTo: (request: ZoomRequest, y?: number) => void } {
  const [zoom, setZoom] = useState<Zoom>({ kind: 'width' });
  const [view, setView] = useState({ width: 800, height: 600 });
  /** The point to keep in place through the next change of scale, and where it was (client y). */
  const keep = useRef<{ point: PagePoint; y: number } | null>(null);

  useEffect(() => {
    if (!scroller) return;
    const observer = new ResizeObserver(() =>
      setView({ width: scroller.clientWidth, height: scroller.clientHeight }),
    );
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller]);

  const scale = useMemo(() => {
    if (!size) return 1;
    const width = (view.width - SIDE) / size.width;
    if (zoom.kind === 'width') return Math.max(MIN_ZOOM, width);
    if (zoom.kind === 'page') {
      const height = (view.height - (bar?.offsetHeight ?? 0) - ROOM) / size.height;
      return Math.max(MIN_ZOOM, Math.min(width, height));
    }
    return zoom.scale;
  }, [size, zoom, view, bar]);

  /** The scale shown, for steps and the wheel between renders. */
  const scaleNow = useRef(scale);
  useLayoutEffect(() => {
    scaleNow.current = scale;
  }, [scale]);
  const zoomTo = useCallback(
    (request: ZoomRequest, y?: number) => {
      if (scroller) {
        const at = y ?? scroller.getBoundingClientRect().top + (bar?.offsetHeight ?? 0);
        const point = pageUnder(slots.current, at);
        keep.current = point && { point, y: at };
      }
      if (request === 'in' || request === 'out') {
        const factor = request === 'in' ? ZOOM_STEP : 1 / ZOOM_STEP;
        setZoom({ kind: 'scale', scale: clampZoom(scaleNow.current * factor) });
      } else setZoom(request.kind === 'scale' ? { kind: 'scale', scale: clampZoom(request.scale) } : request);
    },
    [scroller, slots, bar],
  );

  // Once the pages have their new size, the kept point goes back under the pointer or the bar.
  useLayoutEffect(() => {
    const kept = keep.current;
    keep.current = null;
    const slot = kept && slots.current[kept.point.index];
    if (!kept || !slot || !scroller) return;
    const rect = slot.getBoundingClientRect();
    scroller.scrollBy({ top: rect.top + kept.point.down * rect.height - kept.y });
  }, [scale, scroller, slots]);

  useEffect(() => {
    if (!scroller) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (e.key === '0') zoomTo({ kind: 'width' });
      else if (e.key === '+' || e.key === '=') zoomTo('in');
      else if (e.key === '-') zoomTo('out');
      else return;
      e.preventDefault();
    };
    const onWheel = (e: WheelEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      // Not the browser's zoom of the whole window: the pages'.
      e.preventDefault();
      const delta = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * 33 : e.deltaY;
      zoomTo({ kind: 'scale', scale: scaleNow.current * Math.exp(-delta * WHEEL_RATE) }, e.clientY);
    };
    window.addEventListener('keydown', onKey);
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      window.removeEventListener('keydown', onKey);
      scroller.removeEventListener('wheel', onWheel);
    };
  }, [scroller, zoomTo]);

  return { zoom, scale, zoomTo };
}
