import { z } from 'zod';
import { timestampSchema } from './article';
import { HIGHLIGHT_COLORS } from './highlight-colors';

export { HIGHLIGHT_COLORS };
/** One of HIGHLIGHT_COLORS. */
export const highlightColorSchema = z.enum(HIGHLIGHT_COLORS);
/** A value `highlightColorSchema` accepts. */
export type HighlightColor = z.output<typeof highlightColorSchema>;

const offset = z.int().min(0);

/** W3C TextQuoteSelector: the (non-empty) quote and up to 32 characters of context each side. */
export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
/** A value `textQuoteSelectorSchema` accepts. */
export type TextQuoteSelector = z.output<typeof textQuoteSelectorSchema>;

/** W3C TextPositionSelector: UTF-16 offsets into the canonical text, end exclusive. */
export const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: offset,
  end: offset,
});
/** A value `textPositionSelectorSchema` accepts. */
export type TextPositionSelector = z.output<typeof textPositionSelectorSchema>;

/** Where a highlight sits in its article: quote with context and a non-empty position range. */
export const annotationTargetSchema = z.object({
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema.refine(
    (position) => position.end > position.start,
    'a highlight must end after it starts',
  ),
});
/** A value `annotationTargetSchema` accepts. */
export type AnnotationTarget = z.output<typeof annotationTargetSchema>;

/** A highlight with its note and tags (W3C Web Annotation shaped), tombstone and orphan flags included. */
export const annotationSchema = z.object({
  /** UUID. */
  id: z.uuid(),
  articleId: z.uuid(),
  target: annotationTargetSchema,
  color: highlightColorSchema,
  /** Markdown. */
  note: z.string(),
  tags: z.array(z.string()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Tombstone. */
  deleted: z.boolean(),
  /** True when re-anchoring after a text change could not place it; it is kept, never dropped. */
  orphaned: z.boolean(),
});
/** A value `annotationSchema` accepts. */
export type Annotation = z.output<typeof annotationSchema>;

export { byDocumentOrder } from './document-order';
