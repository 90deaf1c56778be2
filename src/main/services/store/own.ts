import type { Annotation, AnnotationTarget } from '../../../shared/model/annotation';

/**
 * A copy of `value` that owns its characters. V8 keeps a slice of a long
 * string as a view into its parent, so a 30-character quote cut from a 5 MB
 * text keeps all 5 MB alive; a round trip through UTF-16 bytes makes a new
 * flat string (UTF-16 units, lone surrogates included, are kept as they are).
 * Concatenation (`' ' + s`) is not enough: V8 may keep it as a rope over the slice.
 */
export function ownString(value: string): string {
  return Buffer.from(value, 'utf16le').toString('utf16le');
}

/** The target with its quote, prefix and suffix copied (see ownString). */
export function ownTarget(target: AnnotationTarget): AnnotationTarget {
  const { quote } = target;
  return {
    ...target,
    quote: {
      ...quote,
      exact: ownString(quote.exact),
      prefix: ownString(quote.prefix),
      suffix: ownString(quote.suffix),
    },
  };
}

/**
 * Makes a highlight about to be kept in memory own its strings (quote, context
 * and note), in place, so it never retains the text it was described from.
 */
export function ownAnnotation(annotation: Annotation): Annotation {
  annotation.target = ownTarget(annotation.target);
  annotation.note = ownString(annotation.note);
  return annotation;
}
