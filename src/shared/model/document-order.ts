import type { AnnotationTarget, PdfArea } from './annotation';

/**
 * Document order of highlights, for `Array.prototype.sort`: by start, then by end (both canonical
 * offsets), then areas on the same page from the top down. Negative when `a` comes first.
 */
export function byDocumentOrder(
  a: { target: Pick<AnnotationTarget, 'position' | 'area'> },
  b: { target: Pick<AnnotationTarget, 'position' | 'area'> },
): number {
  return (
    a.target.position.start - b.target.position.start ||
    a.target.position.end - b.target.position.end ||
    areaTop(b) - areaTop(a)
  );
}

/** The top of an area highlight in PDF points (y grows upwards), or a height above any page for text. */
function areaTop(a: { target: { area?: PdfArea } }): number {
  return a.target.area ? a.target.area.rect.y + a.target.area.rect.height : 1e9;
}
