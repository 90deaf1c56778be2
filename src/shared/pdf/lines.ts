/**
 * One text run of a PDF page as pdf.js reports it (`getTextContent` items), in PDF points with y
 * growing upwards: `x`, `y` are its baseline start (transform[4], transform[5]), `size` its font
 * size, `width` its advance. `hasEOL` marks a run after which the producer ended the line.
 */
export interface PdfTextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  hasEOL: boolean;
}

/**
 * pdf.js text items as runs, in their order; marked-content items are skipped. The reader builds
 * its runs from its text layer's items the same way.
 */
export function textRuns(items: readonly unknown[]): PdfTextRun[] {
  const runs: PdfTextRun[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object' || !('str' in item)) continue;
    const { str, transform, width, height, hasEOL } = item as {
      str: string;
      transform: number[];
      width: number;
      height: number;
      hasEOL: boolean;
    };
    const size = Math.hypot(transform[2] ?? 0, transform[3] ?? 0) || height;
    runs.push({ str, x: transform[4] ?? 0, y: transform[5] ?? 0, width, size, hasEOL });
  }
  return runs;
}

/** Runs that sit on one baseline with no wide gap between them, in the order they were drawn. */
export interface LineFragment {
  /** Indices into the page's runs. */
  runs: number[];
  left: number;
  right: number;
  /** Baseline, PDF points, y up. */
  y: number;
  size: number;
}

/** A gap wider than this many font sizes splits a line (a column gutter). */
const GUTTER = 2.5;
/** Runs whose baselines differ by less than this share of the font size are on one line. */
const SAME_BASELINE = 0.5;

function startsFragment(line: LineFragment | null, previous: PdfTextRun | null, run: PdfTextRun): boolean {
  if (!line || !previous) return true;
  if (previous.hasEOL) return true;
  const size = Math.max(line.size, run.size, 1);
  if (Math.abs(run.y - line.y) > SAME_BASELINE * size) return true;
  // Going back along the same line is a second pass over it (glyphs from a fallback font).
  if (run.x < line.left - size) return true;
  return run.x - line.right > GUTTER * size;
}

const isBlank = (run: PdfTextRun): boolean => run.str.trim() === '';

/**
 * Orders a fragment's runs left to right and drops the blank runs that only hold a place for glyphs
 * drawn over them later (as LibreOffice does for letters taken from a fallback font).
 */
function settle(line: LineFragment, runs: readonly PdfTextRun[]): void {
  const sorted = [...line.runs].sort((a, b) => runs[a]!.x - runs[b]!.x || a - b);
  const inked = sorted.map((i) => runs[i]!).filter((run) => !isBlank(run));
  line.runs = sorted.filter((i) => {
    const run = runs[i]!;
    if (!isBlank(run) || run.width <= 0) return true;
    const covered = inked.some(
      (ink) => ink.x < run.x + run.width * 0.75 && ink.x + ink.width > run.x + run.width * 0.25,
    );
    return !covered;
  });
}

/**
 * Groups a page's runs into line fragments: runs on the same baseline, drawn one after the other
 * (or filling in that line again), with no gap wider than a gutter; each fragment's runs left to
 * right. Empty runs only end lines (when they carry `hasEOL`).
 */
export function lineFragments(runs: readonly PdfTextRun[]): LineFragment[] {
  const lines: LineFragment[] = [];
  let line: LineFragment | null = null;
  let previous: PdfTextRun | null = null;
  runs.forEach((run, index) => {
    if (run.str === '') {
      if (run.hasEOL && previous) previous = { ...previous, hasEOL: true };
      return;
    }
    if (isBlank(run) && (!line || startsFragment(line, previous, run))) return;
    if (startsFragment(line, previous, run)) {
      line = { runs: [], left: run.x, right: run.x, y: run.y, size: run.size };
      lines.push(line);
    }
    const current: LineFragment = line!;
    current.runs.push(index);
    if (!isBlank(run)) {
      current.left = Math.min(current.left, run.x);
      current.right = Math.max(current.right, run.x + run.width);
      current.size = Math.max(current.size, run.size);
    }
    previous = run;
  });
  for (const fragment of lines) settle(fragment, runs);
  return lines;
}

const byTopThenLeft = (a: LineFragment, b: LineFragment): number => b.y - a.y || a.left - b.left;

function overlapsVertically(a: readonly LineFragment[], b: readonly LineFragment[]): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const top = (lines: readonly LineFragment[]): number => Math.max(...lines.map((l) => l.y));
  const bottom = (lines: readonly LineFragment[]): number => Math.min(...lines.map((l) => l.y));
  return bottom(a) < top(b) && bottom(b) < top(a);
}

/**
 * Puts line fragments in reading order. Fragments that cross the middle of the page (titles,
 * single-column text, footers) are read top to bottom; between two of them, when the left and right
 * halves hold side-by-side text (two columns), the left column is read before the right one.
 * @param middle x of the page's middle, PDF points.
 */
export function readingOrder(lines: readonly LineFragment[], middle: number): LineFragment[] {
  const slack = Math.max(4, ...lines.map((l) => l.size * 0.5));
  const side = (l: LineFragment): 'left' | 'right' | 'span' =>
    l.right <= middle + slack ? 'left' : l.left >= middle - slack ? 'right' : 'span';
  const ordered: LineFragment[] = [];
  let left: LineFragment[] = [];
  let right: LineFragment[] = [];
  const flush = (): void => {
    if (overlapsVertically(left, right))
      ordered.push(...left.sort(byTopThenLeft), ...right.sort(byTopThenLeft));
    else ordered.push(...[...left, ...right].sort(byTopThenLeft));
    left = [];
    right = [];
  };
  for (const line of [...lines].sort(byTopThenLeft)) {
    const where = side(line);
    if (where === 'span') {
      flush();
      ordered.push(line);
    } else (where === 'left' ? left : right).push(line);
  }
  flush();
  return ordered;
}
