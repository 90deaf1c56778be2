/** A point of a PDF's pages: the page (index) and how far down it, as a share of its height. */
export interface PagePoint {
  index: number;
  /** From 0 (the page's top) to 1 (its bottom); beyond 1 in the gap under it. */
  down: number;
}

/**
 * The point of the pages at `y` (a client coordinate): the last page whose top is at or above `y`, or
 * the first page when `y` is above them all. `slots` are the pages' elements by index, top to bottom;
 * found by bisection, so a 500-page book costs nine measures.
 */
export function pageUnder(slots: readonly (HTMLElement | null)[], y: number): PagePoint | null {
  const top = (index: number) => slots[index]?.getBoundingClientRect().top ?? Infinity;
  let low = 0;
  let high = slots.length - 1;
  if (high < 0 || !slots[0]) return null;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (top(middle) <= y) low = middle;
    else high = middle - 1;
  }
  const rect = slots[low]!.getBoundingClientRect();
  return { index: low, down: rect.height > 0 ? Math.max(0, (y - rect.top) / rect.height) : 0 };
}
