import type { RunRange } from './page-text';
import type { PdfTextRun } from './lines';

/** Where a PDF destination leads: a 0-based page index and, when the destination gives one, the top of the view in PDF points (y up). */
export interface PdfPlace {
  index: number;
  top: number | null;
}

/** The part of a pdf.js document that destinations need (`PDFDocumentProxy` has it). */
export interface DestinationSource {
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

const isRef = (value: unknown): value is { num: number; gen: number } =>
  typeof value === 'object' && value !== null && 'num' in value && 'gen' in value;

/**
 * The place a PDF destination (a name, or an explicit array `[page, /XYZ left top zoom]`, `/FitH top`…)
 * leads to, or null when it names nothing in this document (an unknown name, a page that is not
 * there, a page number beyond `pageCount`). Never throws: a malformed destination is null.
 */
export async function resolveDestination(
  doc: DestinationSource,
  dest: unknown,
  pageCount: number,
): Promise<PdfPlace | null> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return null;
    const [target, mode] = explicit as [unknown, unknown];
    const index = isRef(target)
      ? await doc.getPageIndex(target)
      : Number.isInteger(target)
        ? (target as number)
        : -1;
    if (index < 0 || index >= pageCount) return null;
    const name = (mode as { name?: unknown } | undefined)?.name;
    const topAt = name === 'XYZ' ? 3 : name === 'FitH' || name === 'FitBH' ? 2 : name === 'FitR' ? 5 : -1;
    const top = topAt > 0 ? explicit[topAt] : null;
    return { index, top: typeof top === 'number' && Number.isFinite(top) ? top : null };
  } catch {
    return null;
  }
}

/**
 * The offset in a page's text (see `PageText`) that a place's `top` leads to: the start of the first
 * run, in reading order, whose line lies at or below `top` (its baseline at most `top`, allowing the
 * run's own height). 0 when `top` is null or above all text; the page's text length when every run
 * is above it. `runs` and `ranges` are the page's runs and where each went in its text.
 */
export function offsetBelow(
  top: number | null,
  runs: readonly PdfTextRun[],
  ranges: readonly RunRange[],
): number {
  if (top === null) return 0;
  let best: RunRange | null = null;
  let bestY = -Infinity;
  for (const range of ranges) {
    const run = runs[range.run];
    if (!run || run.y > top + 0.2 * run.size) continue;
    if (run.y > bestY + 0.5 || (Math.abs(run.y - bestY) <= 0.5 && best && range.start < best.start)) {
      best = range;
      bestY = run.y;
    }
  }
  if (best) return best.start;
  return ranges.length === 0 ? 0 : Math.max(...ranges.map((r) => r.end));
}
