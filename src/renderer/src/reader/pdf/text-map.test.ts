import { describe, expect, it } from 'vitest';
import { pageText } from '../../../../shared/pdf/page-text';
import { pageOffset, spanPieces } from './text-map';

const run = (str: string, x: number, y: number) => ({
  str,
  x,
  y,
  width: str.length * 5,
  size: 10,
  hasEOL: false,
});

describe('text-layer mapping', () => {
  // Two lines of one paragraph, the first ending in a split word.
  const runs = [run('The exam-', 50, 700), run('ple ﬁts.', 50, 686)];
  const page = pageText(runs, 300);

  it('maps a selection in the spans to the canonical page text', () => {
    expect(page.text).toBe('The example fits.');
    expect(pageOffset(page.runs, 0, 4)).toBe(4);
    expect(pageOffset(page.runs, 1, 3)).toBe(page.text.indexOf(' fits'));
    expect(page.text.slice(pageOffset(page.runs, 0, 4)!, pageOffset(page.runs, 1, 3)!)).toBe('example');
  });

  it('maps a canonical range back onto the spans (the hyphen of a split word included), clamped to their text', () => {
    const start = page.text.indexOf('example');
    const pieces = spanPieces(page.runs, start, start + 'example fits'.length, (r) => runs[r]!.str.length);
    expect(pieces).toEqual([
      { run: 0, start: 4, end: 9 },
      { run: 1, start: 0, end: 8 },
    ]);
  });
});
