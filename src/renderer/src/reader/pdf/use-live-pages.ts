import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';

/** Pages kept drawn beyond the view, as a share of the view's height, each way. */
const KEEP_ALIVE = '150% 0px';

/**
 * How long the pages near the view must stay the same, while the view moves fast, before new ones are
 * drawn, ms: a page passed by in a fast scroll is never drawn (its canvas alone is 8 MB).
 */
export const SETTLE_MS = 200;

/** Which pages of a PDF to draw now, and how a page tells it is drawn (see `useLivePages`). */
export interface LivePages {
  /** Indexes of the pages to mount now. */
  live: ReadonlySet<number>;
  /** A page tells it is drawn (canvas and text layer, or failed) with true, and gone with false. */
  onDrawn(index: number, drawn: boolean): void;
}

/**
 * The pages to draw: those in the scroller's view first, then, once each of those is drawn, the others
 * within one and a half views above and below (drawn ahead for scrolling). Pages start in pdf.js' worker
 * in the order they are asked for, so drawing the neighbours at once would hold up the page the
 * person is looking at. A page that comes near while the view moves fast waits until the view has
 * settled (see `settler`); a page that leaves goes at once. Page 0 is taken to be in view until the
 * scroller says otherwise.
 * `placeholders` are the pages' elements by index, each with `data-page-index`; they are observed
 * again when `pageCount` or `scale` changes.
 */
export function useLivePages(
  scroller: HTMLElement | null,
  placeholders: RefObject<(HTMLDivElement | null)[]>,
  pageCount: number,
  scale: number,
): LivePages {
  const [near, setNear] = useState<ReadonlySet<number>>(new Set([0]));
  const [settled, setSettled] = useState<ReadonlySet<number>>(new Set([0]));
  const [inView, setInView] = useState<ReadonlySet<number>>(new Set([0]));
  const [drawn, setDrawn] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    if (!scroller || pageCount === 0) return;
    const settle = settler(SETTLE_MS, setSettled);
    const follow = (set: typeof setNear, then?: (pages: ReadonlySet<number>) => void) => {
      let pages: ReadonlySet<number> = new Set();
      return (entries: IntersectionObserverEntry[]) => {
        const next = new Set(pages);
        for (const entry of entries) {
          const index = Number((entry.target as HTMLElement).dataset.pageIndex);
          if (entry.isIntersecting) next.add(index);
          else next.delete(index);
        }
        pages = next;
        set(next);
        then?.(next);
      };
    };
    const observers = [
      new IntersectionObserver(follow(setNear, settle.push), { root: scroller, rootMargin: KEEP_ALIVE }),
      new IntersectionObserver(follow(setInView), { root: scroller }),
    ];
    for (const element of placeholders.current.slice(0, pageCount))
      if (element) for (const observer of observers) observer.observe(element);
    return () => {
      observers.forEach((observer) => observer.disconnect());
      settle.cancel();
    };
  }, [scroller, placeholders, pageCount, scale]);

  const onDrawn = useCallback(
    (index: number, done: boolean) =>
      setDrawn((current) => {
        if (current.has(index) === done) return current;
        const next = new Set(current);
        if (done) next.add(index);
        else next.delete(index);
        return next;
      }),
    [],
  );

  const live = useMemo(
    () => livePages(new Set([...near].filter((index) => settled.has(index))), inView, drawn),
    [near, settled, inView, drawn],
  );
  return { live, onDrawn };
}

/**
 * Passes values on to `apply`: at once when none came in the `wait` ms before (a jump, a page coming
 * near in a slow scroll), else only the latest, once `wait` ms have passed without another (a fast
 * scroll). `cancel` drops one waiting.
 */
export function settler<T>(
  wait: number,
  apply: (value: T) => void,
): { push(value: T): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    push(value) {
      const calm = Date.now() - last >= wait;
      last = Date.now();
      clearTimeout(timer);
      if (calm) apply(value);
      else timer = setTimeout(() => apply(value), wait);
    },
    cancel: () => clearTimeout(timer),
  };
}

/**
 * The pages to mount: every page `near` the view once each page both near and in view is `drawn`,
 * else only the near pages in view.
 */
export function livePages(
  near: ReadonlySet<number>,
  inView: ReadonlySet<number>,
  drawn: ReadonlySet<number>,
): ReadonlySet<number> {
  const viewDrawn = [...inView].every((index) => drawn.has(index) || !near.has(index));
  return viewDrawn ? near : new Set([...near].filter((index) => inView.has(index)));
}
