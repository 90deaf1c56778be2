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

/**
 * A rectangle on a PDF page in the page's user space, in points (1/72 inch): (x, y) is its lower-left
 * corner with y growing upwards, as PDF coordinates go (the page's view box, not the screen).
 */
export const pdfRectSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});
/** A value `pdfRectSchema` accepts. */
export type PdfRect = z.output<typeof pdfRectSchema>;

/** The rectangles a text highlight covers on one PDF page; `page` is the page's index, from 0. */
export const pdfPageRectsSchema = z.object({
  page: offset,
  rects: z.array(pdfRectSchema).min(1).max(2_000),
});
/** A value `pdfPageRectsSchema` accepts. */
export type PdfPageRects = z.output<typeof pdfPageRectsSchema>;

/**
 * An area highlight: one rectangle on one PDF page (index from 0), a figure or a table, not text, with
 * the page's view box [x1, y1, x2, y2] in points (what places it from the page's top-left corner).
 */
export const pdfAreaSchema = z.object({
  page: offset,
  rect: pdfRectSchema,
  view: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
/** A value `pdfAreaSchema` accepts. */
export type PdfArea = z.output<typeof pdfAreaSchema>;

/**
 * Where a highlight sits in its article. A text highlight has a quote with context and a non-empty
 * position range (the source of truth), plus, in a PDF, the rectangles it covers on each page (`pdf`,
 * absent on highlights made before they were kept or re-anchored since). An area highlight has `area`
 * instead: its quote is empty and its position the empty range at its page's start, so it sorts with
 * the page's text.
 */
export const annotationTargetSchema = z
  .object({
    quote: textQuoteSelectorSchema.extend({ exact: z.string() }),
    position: textPositionSelectorSchema,
    pdf: z.array(pdfPageRectsSchema).max(1_000).optional(),
    area: pdfAreaSchema.optional(),
  })
  .superRefine((target, ctx) => {
    if (target.area) {
      if (target.quote.exact !== '' || target.position.end !== target.position.start || target.pdf) {
        ctx.addIssue({ code: 'custom', message: 'an area highlight has no text', path: ['area'] });
      }
    } else if (target.quote.exact === '') {
      ctx.addIssue({ code: 'custom', message: 'a highlight needs a quote', path: ['quote', 'exact'] });
    } else if (target.position.end <= target.position.start) {
      ctx.addIssue({ code: 'custom', message: 'a highlight must end after it starts', path: ['position'] });
    }
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
