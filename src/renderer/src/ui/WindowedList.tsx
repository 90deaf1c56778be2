import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { rowOffsets, rowsInView, scrollParent, withHeights, type Viewport } from './windowing';

/** Rows rendered beyond each edge of the viewport, so Tab and small scrolls find a row ready. */
const OVERSCAN = 6;

/** The offsets of one list's rows, and what they were built for. */
interface Layout {
  count: number;
  rowKey: (index: number) => string;
  estimate: number;
  offsets: Float64Array;
}

/**
 * The layout of a list, built from the heights known; a row not yet measured counts as tall as the
 * first row measured (most rows of a list are alike), or `estimate` before any is.
 */
function newLayout(
  count: number,
  rowKey: (index: number) => string,
  estimate: number,
  heights: ReadonlyMap<string, number>,
): Layout {
  const guess = heights.values().next().value ?? estimate;
  return { count, rowKey, estimate, offsets: rowOffsets(count, (i) => heights.get(rowKey(i)), guess) };
}

/** Selector of the controls that arrow keys move focus between (a row's first one). */
const CONTROL = 'button, a[href], input, select, textarea, [tabindex]';

/**
 * A list (`<ul>`) of `count` rows that renders only the rows in and near the view of its scrolling
 * ancestor, each absolutely placed at its offset: rows are measured as they render (a ResizeObserver,
 * so no forced layout), the others count as the first row measured (`estimate` px before one is).
 * The row `scrollTo` names is brought into view when that index changes; it and the row holding
 * focus stay rendered wherever the view is. Arrow keys, Home and End move focus between rows' first
 * controls. `rowKey` should be a stable function.
 */
export function WindowedList({
  count,
  rowKey,
  renderRow,
  rowClassName,
  estimate,
  knownHeights,
  scrollTo = -1,
  ...list
}: {
  count: number;
  rowKey: (index: number) => string;
  /** The content of row `index`'s `<li>`. */
  renderRow: (index: number) => ReactNode;
  rowClassName: (index: number) => string;
  /** Height of a row not yet measured, px. */
  estimate: number;
  /** Heights of rows already drawn, px, by key: the list's first render places them as they were. */
  knownHeights?: ReadonlyMap<string, number>;
  /** A row to bring into view and keep rendered (-1 for none). */
  scrollTo?: number;
  className: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}) {
  const ul = useRef<HTMLUListElement>(null);
  /** Measured row heights by key, px: kept across lists, so a row filtered out and back keeps its height. */
  const [heights] = useState(() => new Map<string, number>(knownHeights));
  /** The rows' offsets (see rowOffsets), for the list of `count` rows keyed by `rowKey`. */
  const [layout, setLayout] = useState<Layout>(() => newLayout(count, rowKey, estimate, heights));
  let current = layout;
  if (current.count !== count || current.rowKey !== rowKey || current.estimate !== estimate) {
    // Another list: its offsets built once from the heights known; then only rows measured move them.
    current = newLayout(count, rowKey, estimate, heights);
    setLayout(current);
  }
  const { offsets } = current;
  /** Where the list is in its scroller, read after scrolls and resizes (never in a render). */
  const [view, setView] = useState<Viewport & { scrollTop: number }>(() => ({
    top: 0,
    height: window.innerHeight,
    scrollTop: 0,
  }));
  const [focused, setFocused] = useState(-1);

  /** The scrolling ancestor, found once the list is mounted. */
  const scrollerRef = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const el = ul.current;
    const scroller = el && scrollParent(el);
    scrollerRef.current = scroller;
    if (!el || !scroller) return;
    const read = () => {
      const top = scroller.getBoundingClientRect().top - el.getBoundingClientRect().top;
      const next = { top, height: scroller.clientHeight, scrollTop: scroller.scrollTop };
      setView((v) =>
        v.top === next.top && v.height === next.height && v.scrollTop === next.scrollTop ? v : next,
      );
    };
    read();
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(read);
    };
    const resized = new ResizeObserver(onChange);
    resized.observe(scroller);
    scroller.addEventListener('scroll', onChange, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      scroller.removeEventListener('scroll', onChange);
    };
  }, []);

  const [rowObserver] = useState(
    () =>
      new ResizeObserver((entries) => {
        /** Rows whose height changed: index in the list they were rendered in → height, px. */
        const measured = new Map<number, number>();
        const keys = new Map<number, string>();
        const first = heights.size === 0;
        for (const entry of entries) {
          const { rowKey: key, row } = (entry.target as HTMLElement).dataset;
          const height = entry.borderBoxSize[0]?.blockSize ?? 0;
          if (key === undefined || height === 0 || heights.get(key) === height) continue;
          heights.set(key, height);
          measured.set(Number(row), height);
          keys.set(Number(row), key);
        }
        if (measured.size === 0) return;
        // The first row measured gives the height of the rows not yet measured: the list is laid out again.
        if (first) return setLayout((known) => newLayout(known.count, known.rowKey, known.estimate, heights));
        setLayout((known) => {
          // A row now elsewhere in another list was given its height when that list was built.
          const here = new Map(
            [...measured].filter(([i]) => i < known.count && known.rowKey(i) === keys.get(i)),
          );
          const offsets = withHeights(known.offsets, here);
          return offsets === known.offsets ? known : { ...known, offsets };
        });
      }),
  );
  const observeRow = useCallback(
    (el: HTMLLIElement | null) => {
      if (!el) return;
      rowObserver.observe(el);
      return () => rowObserver.unobserve(el);
    },
    [rowObserver],
  );

  // A new target row is scrolled to from the last known view: no layout is read unless it must move.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || scrollTo < 0 || scrollTo >= count) return;
    const above = view.top - offsets[scrollTo]!;
    const below = offsets[scrollTo + 1]! - (view.top + view.height);
    if (above > 0) scroller.scrollTo({ top: view.scrollTop - above });
    else if (below > 0) scroller.scrollTo({ top: view.scrollTop + Math.min(below, -above) });
    // Only a new target scrolls: re-measured rows and later scrolls by hand do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo, count]);

  const shown = rowsInView(offsets, view, OVERSCAN, [scrollTo, focused]);
  const rowOf = (target: EventTarget | null) =>
    Number((target as Element | null)?.closest<HTMLElement>('[data-row]')?.dataset.row ?? -1);

  return (
    <ul
      ref={ul}
      {...list}
      style={{ position: 'relative', height: offsets[count] }}
      onFocus={(e) => setFocused(rowOf(e.target))}
      onBlur={(e) => {
        if (!ul.current?.contains(e.relatedTarget)) setFocused(-1);
      }}
      onKeyDown={(e) => {
        const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -count, End: count };
        const row = rowOf(e.target);
        const move = moves[e.key];
        if (row < 0 || move === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
        e.preventDefault();
        // The row is rendered (held by `focused`) before its first control takes focus.
        const next = Math.max(0, Math.min(count - 1, row + move));
        flushSync(() => setFocused(next));
        ul.current?.querySelector(`[data-row="${next}"]`)?.querySelector<HTMLElement>(CONTROL)?.focus();
      }}
    >
      {shown.map((i) => (
        <li
          key={rowKey(i)}
          ref={observeRow}
          data-row={i}
          data-row-key={rowKey(i)}
          className={rowClassName(i)}
          aria-setsize={count}
          aria-posinset={i + 1}
          style={{ position: 'absolute', top: offsets[i], left: 0, right: 0 }}
        >
          {renderRow(i)}
        </li>
      ))}
    </ul>
  );
}
