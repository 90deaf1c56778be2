import type { RunRange } from '../../../../shared/pdf/page-text';

/** A piece of one text-layer span: its run index and UTF-16 offsets [start, end) in the span's text. */
export interface SpanPiece {
  run: number;
  start: number;
  end: number;
}

/**
 * The pieces of text-layer spans that hold page-text range [start, end) (offsets into the page's
 * canonical text). `spanLength(run)` is the length of the span's own text, which may differ from
 * its canonical range (a ligature expanded); offsets are clamped into it.
 */
export function spanPieces(
  runs: readonly RunRange[],
  start: number,
  end: number,
  spanLength: (run: number) => number,
): SpanPiece[] {
  const pieces: SpanPiece[] = [];
  for (const r of runs) {
    if (r.end <= start || r.start >= end || r.end === r.start) continue;
    const length = spanLength(r.run);
    const from = Math.min(Math.max(start - r.start, 0), length);
    const to = Math.min(Math.max(end - r.start, 0), length);
    if (to > from) pieces.push({ run: r.run, start: from, end: to });
  }
  return pieces;
}

/**
 * The page-text offset of a point in a text-layer span: `offset` characters into run `run`'s span.
 * Null when the run produced no text.
 */
export function pageOffset(runs: readonly RunRange[], run: number, offset: number): number | null {
  const r = runs.find((x) => x.run === run);
  if (!r) return null;
  return r.start + Math.min(Math.max(offset, 0), r.end - r.start);
}
