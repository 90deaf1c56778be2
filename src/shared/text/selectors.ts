import type { AnnotationTarget } from '../model/annotation';

/** Characters of context kept each side of a quote. */
export const QUOTE_CONTEXT = 32;

/**
 * Describes the range [start, end) of canonical `text` as a W3C target: the
 * exact quote with up to 32 characters of prefix and suffix, and its position.
 *
 * @throws RangeError when the range is empty or outside the text.
 */
export function describeRange(text: string, start: number, end: number): AnnotationTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(
      `The range ${start}–${end} is not a non-empty range of a ${text.length}-character text.`,
    );
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
