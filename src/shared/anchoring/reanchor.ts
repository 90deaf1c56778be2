import { byDocumentOrder, type Annotation, type AnnotationTarget } from '../model/annotation';
import { describeRange } from '../text/selectors';
import { anchor, POSITION_REACH, type Placement } from './anchor';
import { contextHolds } from './context';

/** Counts after re-anchoring: unchanged (same position), moved (exact quote elsewhere), fuzzy, orphaned. */
export interface ReanchorReport {
  total: number;
  unchanged: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

/** One annotation after re-anchoring; an orphan keeps its old target. */
export interface ReanchorResult {
  id: string;
  target: AnnotationTarget;
  orphaned: boolean;
  method: Placement['method'] | null;
}

/** Whether the placement holds the exact quote with its exact prefix and suffix (a sure placement). */
function holds({ quote }: AnnotationTarget, text: string, { start, end }: Placement): boolean {
  return (
    end - start === quote.exact.length &&
    text.startsWith(quote.exact, start) &&
    contextHolds(quote.prefix, text, start, 'before') &&
    contextHolds(quote.suffix, text, end, 'after')
  );
}

/**
 * Follows how far annotations moved, in the order of their old positions, to tell where the next one is
 * expected: shifted like the last surely placed one, or like the one before it (which covers the text
 * after a moved paragraph).
 */
class Shifts {
  private current = 0;
  private previous = 0;
  private unconfirmed: number | null = null;

  expected(start: number): number[] {
    return [start + this.current, start + this.previous];
  }

  /**
   * Learns from a sure placement (exact quote and context) that moved `shift` characters. A shift within
   * POSITION_REACH of a known one is taken at once; a farther jump (a big edit, a moved paragraph — or a
   * repeated passage elsewhere) only once the next sure placement confirms it.
   */
  learn(shift: number): void {
    const near =
      Math.abs(shift - this.current) <= POSITION_REACH || Math.abs(shift - this.previous) <= POSITION_REACH;
    if (shift !== this.current && (near || shift === this.unconfirmed)) {
      [this.previous, this.current] = [this.current, shift];
    }
    this.unconfirmed = near ? null : shift;
  }
}

/**
 * Re-anchors many annotations at once on new canonical `text`. Each placed annotation gets a new target
 * built with describeRange (so its quote, prefix and suffix describe the new text); one that cannot be
 * placed is returned orphaned with its old target unchanged. Results are in input order.
 *
 * Annotations are placed in order of their old positions, each expected where its neighbours' moves
 * predict (see Shifts), so scattered edits cost a glance rather than a search.
 */
export function reanchorAll(
  annotations: Pick<Annotation, 'id' | 'target'>[],
  text: string,
): { results: ReanchorResult[]; report: ReanchorReport } {
  const order = annotations
    .map((_, i) => i)
    .sort((i, j) => byDocumentOrder(annotations[i]!, annotations[j]!));
  const results: ReanchorResult[] = new Array(annotations.length);
  const report: ReanchorReport = { total: annotations.length, unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const shifts = new Shifts();
  for (const i of order) {
    const { id, target } = annotations[i]!;
    const start = target.position.start;
    if (target.area) {
      // An area is a place on a page, not text: it stays where it was drawn.
      results[i] = { id, target, orphaned: false, method: 'position' };
      report.unchanged++;
      continue;
    }
    const placement = anchor(target, text, shifts.expected(start));
    if (!placement) {
      results[i] = { id, target, orphaned: true, method: null };
      report.orphaned++;
      continue;
    }
    if (holds(target, text, placement)) shifts.learn(placement.start - start);
    const same = placement.method === 'position';
    const placed = describeRange(text, placement.start, placement.end);
    results[i] = {
      id,
      // Page rectangles hold while the text has not moved; elsewhere they would be stale.
      target: same && target.pdf ? { ...placed, pdf: target.pdf } : placed,
      orphaned: false,
      method: placement.method,
    };
    report[({ position: 'unchanged', quote: 'moved', fuzzy: 'fuzzy' } as const)[placement.method]]++;
  }
  return { results, report };
}
