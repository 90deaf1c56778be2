import { describe, expect, it } from 'vitest';
import type { Annotation, PdfPageRects } from '../../../../shared/model/annotation';
import { paintedRanges } from './painted';

const PAGES = [
  { index: 0, label: '1', start: 0, end: 100 },
  { index: 1, label: '2', start: 102, end: 200 },
];
const NO_FIND = { matches: { starts: [], ends: [] } } as unknown as Parameters<typeof paintedRanges>[3];

const highlight = (id: string, start: number, end: number, pdf?: PdfPageRects[]): Annotation => ({
  id,
  articleId: '3b241101-e2bb-4255-8caf-4136c566a962',
  target: {
    quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
    position: { start, end },
    ...(pdf ? { pdf } : {}),
  },
  color: 'yellow',
  note: '',
  tags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deleted: false,
  orphaned: false,
});

describe('paintedRanges', () => {
  it('paints a highlight with stored rectangles on the pages they are on, carrying them', () => {
    const left = { x: 50, y: 400, width: 200, height: 12 };
    const right = { x: 320, y: 700, width: 150, height: 12 };
    const next = { x: 50, y: 720, width: 90, height: 12 };
    const across = highlight('a', 90, 110, [
      { page: 0, rects: [left, right] },
      { page: 1, rects: [next] },
    ]);
    const byPage = paintedRanges(PAGES, [across], null, NO_FIND, undefined);
    expect(byPage.get(0)).toEqual([
      expect.objectContaining({ key: 'a', rects: [left, right], color: 'yellow' }),
    ]);
    expect(byPage.get(1)).toEqual([expect.objectContaining({ key: 'a', rects: [next] })]);
  });

  it('paints a highlight without rectangles from its positions on every page they run over', () => {
    const byPage = paintedRanges(PAGES, [highlight('b', 90, 110)], 'b', NO_FIND, undefined);
    for (const page of [0, 1]) {
      expect(byPage.get(page)).toEqual([
        { key: 'b', start: 90, end: 110, className: 'pdf-hl pdf-hl-selected', color: 'yellow' },
      ]);
    }
  });
});
