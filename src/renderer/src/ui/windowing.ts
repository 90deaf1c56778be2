/** The part of a list's scroller that is on screen, in px from the top of the list. */
export interface Viewport {
  /** The list's scrolled-past height: px of the list above the scroller's top edge (negative below). */
  top: number;
  /** The scroller's visible height, px. */
  height: number;
}

/**
 * The rows to render, ascending: those overlapping `view` (rows are `offsets[i]` to `offsets[i + 1]` px
 * from the list's top; `offsets` has one more entry than there are rows), `overscan` more on each
 * side, and every valid index in `pinned` wherever it is. O(log n + rows shown).
 */
export function rowsInView(
  offsets: ArrayLike<number>,
  view: Viewport,
  overscan: number,
  pinned: readonly number[] = [],
): number[] {
  const count = offsets.length - 1;
  if (count <= 0) return [];
  // The first row whose bottom is below the view's top.
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= view.top) lo = mid + 1;
    else hi = mid;
  }
  const first = Math.max(0, lo - overscan);
  let last = lo;
  const bottom = view.top + view.height;
  while (last < count - 1 && offsets[last + 1]! < bottom) last++;
  last = Math.min(count - 1, last + overscan);
  const rows = new Set<number>();
  for (let i = first; i <= last; i++) rows.add(i);
  for (const i of pinned) if (Number.isInteger(i) && i >= 0 && i < count) rows.add(i);
  return [...rows].sort((a, b) => a - b);
}

/** The nearest ancestor of `el` that scrolls vertically (overflow-y auto or scroll), or null. */
export function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

/**
 * The offsets of `count` rows (px from the list's top, one more entry than rows): each row counts
 * `heightOf(i)`, or `estimate` px while it is unknown.
 */
export function rowOffsets(
  count: number,
  heightOf: (index: number) => number | undefined,
  estimate: number,
): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + (heightOf(i) ?? estimate);
  return offsets;
}

/**
 * A copy of `offsets` in which each row of `heights` (index → its height, px) has that height and the
 * rows after it move by the difference; the rows before the first changed one keep their offsets,
 * so a row measured costs one pass over the rows below it, never a look-up of every row.
 * @returns `offsets` itself when no height differs.
 */
export function withHeights(offsets: Float64Array, heights: ReadonlyMap<number, number>): Float64Array {
  const changed = [...heights]
    .map(([i, height]) => [i, height - (offsets[i + 1]! - offsets[i]!)] as const)
    .filter(([i, delta]) => delta !== 0 && i >= 0 && i < offsets.length - 1)
    .sort((a, b) => a[0] - b[0]);
  if (changed.length === 0) return offsets;
  const out = offsets.slice();
  let shift = 0;
  changed.forEach(([from, delta], k) => {
    shift += delta;
    const to = changed[k + 1]?.[0] ?? out.length - 1;
    for (let i = from; i < to; i++) out[i + 1]! += shift;
  });
  return out;
}
