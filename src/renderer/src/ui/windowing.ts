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
