import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { joinLineRects, toPdfRect, toViewRect } from './rects';

/** Page 1: US Letter (612 × 792 pt); page 2: the same with its crop box 36 pt in from each edge. */
let pages: PDFPageProxy[] = [];
beforeAll(async () => {
  const pdf = await PDFDocument.create();
  pdf.addPage([612, 792]);
  pdf.addPage([612, 792]).setCropBox(36, 36, 540, 720);
  const doc = await getDocument({ data: await pdf.save(), isEvalSupported: false }).promise;
  pages = [await doc.getPage(1), await doc.getPage(2)];
});

/** pdf.js' own viewport of page 1 at `scale` and `rotation`. */
const letter = (scale: number, rotation = 0) => pages[0]!.getViewport({ scale, rotation });

describe('toPdfRect', () => {
  it('turns a rectangle drawn at 1× into points with y growing upwards', () => {
    // 100 px from the left, 50 px from the top, 200 × 20: its bottom edge is 792 − 70 = 722 pt up.
    expect(toPdfRect(letter(1), { left: 100, top: 50, width: 200, height: 20 })).toEqual({
      x: 100,
      y: 722,
      width: 200,
      height: 20,
    });
  });

  it('gives the same points at any zoom', () => {
    const atOne = toPdfRect(letter(1), { left: 100, top: 50, width: 200, height: 20 });
    expect(toPdfRect(letter(2.5), { left: 250, top: 125, width: 500, height: 50 })).toEqual(atOne);
    expect(toPdfRect(letter(0.5), { left: 50, top: 25, width: 100, height: 10 })).toEqual(atOne);
  });

  it('gives the same points on a page shown rotated by 90°, 180° and 270°', () => {
    const expected = { x: 100, y: 722, width: 200, height: 20 };
    for (const rotation of [90, 180, 270]) {
      const viewport = letter(1.5, rotation);
      const drawn = toViewRect(viewport, expected);
      expect(toPdfRect(viewport, drawn)).toEqual(expected);
    }
    // Rotated 90° clockwise, the page's top edge is on the right: a word near the top-left is drawn
    // near the top-right, tall and narrow.
    const drawn = toViewRect(letter(1, 90), expected);
    expect(drawn).toEqual({ left: 792 - 70, top: 100, width: 20, height: 200 });
  });

  it('accounts for a view box that does not start at the origin', () => {
    const cropped = pages[1]!.getViewport({ scale: 2 });
    expect(toPdfRect(cropped, { left: 0, top: 0, width: 20, height: 20 })).toEqual({
      x: 36,
      y: 746,
      width: 10,
      height: 10,
    });
  });

  it('returns null for an empty rectangle', () => {
    expect(toPdfRect(letter(1), { left: 10, top: 10, width: 0, height: 12 })).toBeNull();
  });
});

describe('joinLineRects', () => {
  it('joins the pieces of one line and keeps lines apart', () => {
    const joined = joinLineRects([
      { left: 10, top: 100, width: 50, height: 12 },
      { left: 62, top: 101, width: 40, height: 11 },
      { left: 10, top: 116, width: 80, height: 12 },
      { left: 20, top: 102, width: 10, height: 8 },
      { left: 5, top: 5, width: 0, height: 10 },
    ]);
    expect(joined).toEqual([
      { left: 10, top: 100, width: 92, height: 12 },
      { left: 10, top: 116, width: 80, height: 12 },
    ]);
  });

  it('keeps the two columns of a line apart', () => {
    const joined = joinLineRects([
      { left: 10, top: 100, width: 200, height: 12 },
      { left: 320, top: 100, width: 200, height: 12 },
    ]);
    expect(joined).toHaveLength(2);
  });
});
