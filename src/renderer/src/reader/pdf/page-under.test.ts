import { expect, it } from 'vitest';
import { pageUnder } from './page-under';

/** Pages of `height` px with a `gap` under each, the first at `top`, as elements that only measure. */
function slots(count: number, height: number, gap: number, top = 0): HTMLElement[] {
  return Array.from(
    { length: count },
    (_, i) => ({ getBoundingClientRect: () => ({ top: top + i * (height + gap), height }) }) as HTMLElement,
  );
}

it('finds the page at a height, and how far down it, in a book of 500 pages', () => {
  const pages = slots(500, 1000, 10, -50_000);
  expect(pageUnder(pages, 0)).toEqual({ index: 49, down: (50_000 - 49 * 1010) / 1000 });
  expect(pageUnder(pages, -50_000)).toEqual({ index: 0, down: 0 });
  expect(pageUnder(pages, -60_000)).toEqual({ index: 0, down: 0 });
  expect(pageUnder(pages, 10_000_000)!.index).toBe(499);
  // In the gap under a page: still that page, beyond its bottom.
  expect(pageUnder(pages, -50_000 + 1005)).toEqual({ index: 0, down: 1.005 });
});

it('has no answer before the pages exist', () => {
  expect(pageUnder([], 0)).toBeNull();
  expect(pageUnder([null], 0)).toBeNull();
});
