import type { AnnotationTarget } from './annotation';

/**
 * Document order of highlights, for `Array.prototype.sort`: by start, then by end (both canonical offsets).
 * Negative when `a` comes first.
 */
export function byDocumentOrder(
  a: { target: Pick<AnnotationTarget, 'position'> },
  b: { target: Pick<AnnotationTarget, 'position'> },
): number {
  return a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;
}
