import type { PdfPageRects } from '../../../../shared/model/annotation';
import { joinLineRects, toPdfRect, type ViewRect } from '../../../../shared/pdf/rects';
import type { ReaderContent } from '../../state/types';
import type { PageTextLayer } from './PdfPage';
import { pageOffset } from './text-map';

/** The canonical offset of a DOM point inside a page's text layer, or null outside one. */
export function canonicalPoint(
  node: Node,
  offset: number,
  pages: NonNullable<ReaderContent['pages']>,
  layers: ReadonlyMap<number, PageTextLayer>,
): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  let span = element?.closest<HTMLElement>('[data-run]') ?? null;
  let within = span && node.nodeType === Node.TEXT_NODE ? offset : 0;
  if (!span && element?.classList.contains('textLayer')) {
    // A point between spans: the start of the span after it (or the end of the last one).
    const after = element.childNodes[offset] as Element | undefined;
    span = after?.closest?.('[data-run]') ?? element.querySelector<HTMLElement>('[data-run]:last-of-type');
    within = after ? 0 : (span?.textContent?.length ?? 0);
  }
  const pageElement = span?.closest<HTMLElement>('[data-page-index]');
  if (!span || !pageElement) return null;
  const index = Number(pageElement.dataset.pageIndex);
  const layer = layers.get(index);
  const page = pages[index];
  if (!layer || !page) return null;
  const inPage = pageOffset(layer.layout.runs, Number(span.dataset.run), within);
  return inPage === null ? null : page.start + inPage;
}

/**
 * The rectangles a selection covers, page by page, in PDF points: the range's client rectangles joined
 * into lines and converted through each drawn page's viewport. Pages not drawn are left out.
 */
export function selectionRects(
  range: Range,
  pageElements: readonly (HTMLElement | null)[],
  layers: ReadonlyMap<number, PageTextLayer>,
): PdfPageRects[] {
  const byPage = new Map<number, ViewRect[]>();
  const drawn = [...layers.keys()].flatMap((index) => {
    const element = pageElements[index];
    return element ? [{ index, box: element.getBoundingClientRect() }] : [];
  });
  for (const r of range.getClientRects()) {
    const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
    const page = drawn.find(({ box }) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom);
    if (!page) continue;
    const list = byPage.get(page.index) ?? [];
    list.push({ left: r.left - page.box.left, top: r.top - page.box.top, width: r.width, height: r.height });
    byPage.set(page.index, list);
  }
  return [...byPage]
    .sort(([a], [b]) => a - b)
    .flatMap(([page, rects]) => {
      const viewport = layers.get(page)!.viewport;
      const pdf = joinLineRects(rects).flatMap((rect) => toPdfRect(viewport, rect) ?? []);
      return pdf.length > 0 ? [{ page, rects: pdf }] : [];
    });
}
