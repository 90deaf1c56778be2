import type { PdfRect } from '../model/annotation';

/** The part of pdf.js' `PageViewport` (at any zoom and rotation) the conversions need. */
export interface ViewportLike {
  /** Viewport (CSS pixel) point → PDF user-space point. */
  convertToPdfPoint(x: number, y: number): number[];
  /** PDF user-space rectangle [x1, y1, x2, y2] → viewport rectangle with the same corners, unordered. */
  convertToViewportRectangle(rect: number[]): number[];
}

/** A rectangle in a page's viewport, in CSS pixels from the page's top-left corner as drawn. */
export interface ViewRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

const round = (value: number): number => Math.round(value * 100) / 100;

/**
 * The PDF user-space rectangle (points, lower-left corner, y up, 1/100 pt precision) of a rectangle drawn
 * in `viewport`, whatever its scale and rotation. Null for an empty one (no width or no height).
 */
export function toPdfRect(viewport: ViewportLike, rect: ViewRect): PdfRect | null {
  const [ax = 0, ay = 0] = viewport.convertToPdfPoint(rect.left, rect.top);
  const [bx = 0, by = 0] = viewport.convertToPdfPoint(rect.left + rect.width, rect.top + rect.height);
  const x = round(Math.min(ax, bx));
  const y = round(Math.min(ay, by));
  const width = round(Math.max(ax, bx)) - x;
  const height = round(Math.max(ay, by)) - y;
  return width > 0 && height > 0 ? { x, y, width: round(width), height: round(height) } : null;
}

/** Where a PDF user-space rectangle is drawn in `viewport` (CSS pixels from the page's top-left corner). */
export function toViewRect(viewport: ViewportLike, rect: PdfRect): ViewRect {
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = viewport.convertToViewportRectangle([
    rect.x,
    rect.y,
    rect.x + rect.width,
    rect.y + rect.height,
  ]);
  return {
    left: Math.min(x1, x2),
    top: Math.min(y1, y2),
    width: Math.abs(x2 - x1),
    height: Math.abs(y2 - y1),
  };
}

/**
 * Rectangles of a selection (one per glyph run, as `Range.getClientRects` gives them) joined into one per
 * line: rectangles that overlap vertically by more than half the smaller height and touch or overlap
 * horizontally (within `gap` pixels) become their bounding box; rectangles inside another are dropped.
 * Empty rectangles are left out. Order: top to bottom, then left to right.
 */
export function joinLineRects(rects: readonly ViewRect[], gap = 4): ViewRect[] {
  const sorted = rects
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ ...r }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const lines: ViewRect[] = [];
  for (const r of sorted) {
    const line = lines.find(
      (l) => sameLine(l, r) && r.left <= l.left + l.width + gap && l.left <= r.left + r.width + gap,
    );
    if (!line) {
      lines.push(r);
      continue;
    }
    const right = Math.max(line.left + line.width, r.left + r.width);
    const bottom = Math.max(line.top + line.height, r.top + r.height);
    line.left = Math.min(line.left, r.left);
    line.top = Math.min(line.top, r.top);
    line.width = right - line.left;
    line.height = bottom - line.top;
  }
  return lines.sort((a, b) => a.top - b.top || a.left - b.left);
}

function sameLine(a: ViewRect, b: ViewRect): boolean {
  const overlap = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return overlap > Math.min(a.height, b.height) / 2;
}
