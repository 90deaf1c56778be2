import { pageAt } from '../../../../shared/pdf/pages';
import type { ReaderContent } from '../../state/types';
import type { useStore } from '../../state/store';
import type { AreaMark, PaintedRange } from './PdfPage';

/**
 * Highlights and find matches by page index: a highlight with stored rectangles on each page it has
 * rectangles on (carrying them, so it is painted exactly where it was made); any other range on each
 * page its canonical positions run over.
 */
export function paintedRanges(
  pages: ReaderContent['pages'],
  annotations: ReturnType<typeof useStore.getState>['annotations'],
  selectedId: string | null,
  find: ReturnType<typeof useStore.getState>['find'],
  currentMatch: number | undefined,
): Map<number, PaintedRange[]> {
  const byPage = new Map<number, PaintedRange[]>();
  if (!pages) return byPage;
  const add = (range: PaintedRange) => {
    const first = pageAt(pages, range.start)?.index ?? 0;
    const last = pageAt(pages, Math.max(range.start, range.end - 1))?.index ?? first;
    for (let index = first; index <= last; index++) {
      const list = byPage.get(index) ?? [];
      list.push(range);
      byPage.set(index, list);
    }
  };
  for (const a of annotations) {
    if (a.deleted || a.orphaned || a.target.area) continue;
    const { start, end } = a.target.position;
    const className = a.id === selectedId ? 'pdf-hl pdf-hl-selected' : 'pdf-hl';
    if (!a.target.pdf) {
      add({ key: a.id, start, end, className, color: a.color });
      continue;
    }
    for (const { page, rects } of a.target.pdf) {
      const list = byPage.get(page) ?? [];
      list.push({ key: a.id, start, end, className, color: a.color, rects });
      byPage.set(page, list);
    }
  }
  // Find matches, or the passage a search result marked (find closed, one match).
  find.matches.starts.forEach((start, i) => {
    const end = find.matches.ends[i]!;
    const className = start === currentMatch ? 'pdf-find pdf-find-current' : 'pdf-find';
    add({ key: `find-${i}`, start, end, className });
  });
  return byPage;
}

/** Area highlights, by the index of their page. */
export function areaMarks(
  annotations: ReturnType<typeof useStore.getState>['annotations'],
  selectedId: string | null,
): Map<number, AreaMark[]> {
  const byPage = new Map<number, AreaMark[]>();
  for (const a of annotations) {
    const area = a.target.area;
    if (!area || a.deleted) continue;
    const list = byPage.get(area.page) ?? [];
    list.push({ id: a.id, rect: area.rect, color: a.color, selected: a.id === selectedId });
    byPage.set(area.page, list);
  }
  return byPage;
}
