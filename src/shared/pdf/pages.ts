import type { AnnotationTarget } from '../model/annotation';
import type { Page } from '../model/article';

/**
 * The page holding canonical offset `offset`: the last page starting at or before it (an offset in
 * the blank line between two pages belongs to the page before; of empty pages starting at the same
 * offset as a page with text, the last). Undefined when `pages` is empty.
 * `pages` must be in order, as stored. O(log n).
 */
export function pageAt(pages: readonly Page[], offset: number): Page | undefined {
  let low = 0;
  let high = pages.length - 1;
  let found: Page | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const page = pages[middle]!;
    if (page.start <= offset) {
      found = page;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found ?? pages[0];
}

/**
 * The text with a marker line before each page ("--- p. iv ---"), for printing a PDF's text.
 * Pages without text keep their marker.
 */
export function textWithPageMarkers(text: string, pages: readonly Page[]): string {
  return pages.map((page) => `--- p. ${page.label} ---\n${text.slice(page.start, page.end)}`).join('\n\n');
}

/** The page a highlight is on: an area's own page, else the page its text starts on. */
export function pageOfTarget(
  pages: readonly Page[],
  target: Pick<AnnotationTarget, 'position' | 'area'>,
): Page | undefined {
  return target.area ? pages[target.area.page] : pageAt(pages, target.position.start);
}
