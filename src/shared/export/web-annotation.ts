import { z } from 'zod';
import { GlossError } from '../result';
import {
  HIGHLIGHT_COLORS,
  pdfAreaSchema,
  pdfPageRectsSchema,
  type Annotation,
  type PdfArea,
} from '../model/annotation';
import { EPUB_CFI_SPEC } from './cfi';

/** The JSON-LD context every W3C Web Annotation document names. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Namespace of Gloss's own properties (`gloss:color`, `gloss:orphaned`). */
export const GLOSS_VOCAB = 'urn:gloss:vocab#';

/** Prefix of the IRI that names an article as an annotation target. */
export const ARTICLE_IRI = 'urn:gloss:article:';

const ARTICLE_SOURCE = /^urn:gloss:article:\S+$/;
const UUID_IRI = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Identifies an export as a whole: the collection and its one page. */
export interface CollectionIds {
  /** IRI of the AnnotationCollection, e.g. "urn:uuid:…". */
  id: string;
  /** IRI of its AnnotationPage. */
  pageId: string;
  /** Human-readable name of the collection. */
  label: string;
}

/** RFC 3778 (application/pdf fragment identifiers), as Web Annotation's FragmentSelector names it. */
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/** A FragmentSelector naming a highlight's place in the original file (a PDF page, an EPUB CFI). */
export interface FragmentSelector {
  type: 'FragmentSelector';
  conformsTo: string;
  value: string;
}

/** The FragmentSelector of a PDF page, N counted from 1 (`page=N`). */
export function pdfPageFragment(page: number): FragmentSelector {
  return { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${page}` };
}

/**
 * The FragmentSelector of an area of a PDF page: `page=N&viewrect=left,top,width,height`, N counted from
 * 1, the rectangle in points from the page's top-left corner (Adobe's PDF open parameters), to 1/100 pt.
 */
export function pdfAreaFragment(area: PdfArea): FragmentSelector {
  const [left, , , top] = area.view;
  const r = (v: number) => Math.round(v * 100) / 100;
  const rect = [
    area.rect.x - left,
    top - (area.rect.y + area.rect.height),
    area.rect.width,
    area.rect.height,
  ];
  return {
    type: 'FragmentSelector',
    conformsTo: PDF_FRAGMENT_SPEC,
    value: `page=${area.page + 1}&viewrect=${rect.map(r).join(',')}`,
  };
}

/** The FragmentSelector of an EPUB CFI (`epubcfi(…)`). */
export function epubCfiFragment(cfi: string): FragmentSelector {
  return { type: 'FragmentSelector', conformsTo: EPUB_CFI_SPEC, value: cfi };
}

function toWebAnnotation(a: Annotation, fragment: FragmentSelector | null) {
  const body = [
    ...(a.note === ''
      ? []
      : [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: a.note }]),
    ...a.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
  ];
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.note === '' ? 'highlighting' : 'commenting',
    created: a.createdAt,
    modified: a.updatedAt,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: `${ARTICLE_IRI}${a.articleId}`,
      selector: a.target.area
        ? [
            pdfAreaFragment(a.target.area),
            { type: 'TextPositionSelector', start: a.target.position.start, end: a.target.position.start },
          ]
        : [
            {
              type: 'TextQuoteSelector',
              exact: a.target.quote.exact,
              prefix: a.target.quote.prefix,
              suffix: a.target.quote.suffix,
            },
            { type: 'TextPositionSelector', start: a.target.position.start, end: a.target.position.end },
            ...(fragment === null ? [] : [fragment]),
          ],
    },
    'gloss:color': a.color,
    ...(a.orphaned ? { 'gloss:orphaned': true } : {}),
    ...(a.target.area ? { 'gloss:area': a.target.area } : {}),
    ...(a.target.pdf ? { 'gloss:pdfRects': a.target.pdf } : {}),
  };
}

/**
 * Annotations as a W3C Web Annotation AnnotationCollection (JSON-LD) with
 * one embedded AnnotationPage: each annotation targets
 * `urn:gloss:article:<id>` with a TextQuoteSelector and a
 * TextPositionSelector, its note is a TextualBody (text/markdown,
 * purpose commenting), each tag a TextualBody with purpose tagging, and its
 * colour is `gloss:color`. In a PDF, a text highlight's page rectangles are `gloss:pdfRects`; an area
 * highlight has no quote, only its FragmentSelector (`page=N&viewrect=…`), an empty TextPositionSelector
 * at its page's start and `gloss:area`. A
 * highlight for which `fragmentOf` gives a place in the original file (a PDF
 * page, RFC 3778 `page=N`; an EPUB CFI) also gets that FragmentSelector, for other readers; the quote and
 * position stay what Gloss reads back.
 */
export function toAnnotationCollection(
  annotations: readonly Annotation[],
  ids: CollectionIds,
  fragmentOf: (annotation: Annotation) => FragmentSelector | null = () => null,
): object {
  return {
    '@context': [ANNO_CONTEXT, { gloss: GLOSS_VOCAB }],
    id: ids.id,
    type: 'AnnotationCollection',
    label: ids.label,
    total: annotations.length,
    first: {
      id: ids.pageId,
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map((a) => toWebAnnotation(a, fragmentOf(a))),
    },
  };
}

const textualBody = z.object({
  type: z.literal('TextualBody'),
  value: z.string(),
  purpose: z.string().optional(),
});

const quoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
});

const positionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.int().min(0), end: z.int().min(1) })
  .refine((s) => s.end > s.start, 'end must be after start');

const selectors = z
  .union([z.array(z.looseObject({ type: z.string() })), z.looseObject({ type: z.string() })])
  .transform((value) => (Array.isArray(value) ? value : [value]));

/** The text selectors of an annotation's target, or an issue when they are missing or broken. */
const textSelectors = z.array(z.looseObject({ type: z.string() })).transform((list, ctx) => {
  const quote = quoteSelector.safeParse(list.find((s) => s.type === 'TextQuoteSelector'));
  const position = positionSelector.safeParse(list.find((s) => s.type === 'TextPositionSelector'));
  if (!quote.success || !position.success) {
    ctx.addIssue({
      code: 'custom',
      message: 'needs a valid TextQuoteSelector and a valid TextPositionSelector',
    });
    return z.NEVER;
  }
  return { quote: quote.data, position: position.data };
});

const webAnnotation = z.object({
  id: z.string().regex(UUID_IRI, 'must be "urn:uuid:" and a UUID'),
  type: z.literal('Annotation'),
  created: z.iso.datetime({ offset: true }).optional(),
  modified: z.iso.datetime({ offset: true }).optional(),
  body: z.union([textualBody, z.array(textualBody)]).optional(),
  target: z.object({
    source: z.string().regex(ARTICLE_SOURCE, `must be a Gloss article ("${ARTICLE_IRI}<id>")`),
    selector: selectors,
  }),
  'gloss:color': z.enum(HIGHLIGHT_COLORS).optional(),
  'gloss:orphaned': z.boolean().optional(),
  'gloss:area': pdfAreaSchema.optional(),
  'gloss:pdfRects': z.array(pdfPageRectsSchema).max(1_000).optional(),
});

/** The Gloss target of a parsed Web Annotation: an area as it was, else its text selectors (and rectangles). */
const withTarget = webAnnotation.transform((item, ctx) => {
  const area = item['gloss:area'];
  if (area) {
    // Its TextPositionSelector (an empty range at its page's start) keeps it in page order.
    const at = item.target.selector.find((s) => s.type === 'TextPositionSelector')?.start;
    const start = typeof at === 'number' && Number.isInteger(at) && at >= 0 ? at : 0;
    const target = {
      quote: { type: 'TextQuoteSelector' as const, exact: '', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector' as const, start, end: start },
      area,
    };
    return { item, target };
  }
  const text = textSelectors.safeParse(item.target.selector);
  if (!text.success) {
    ctx.addIssue({
      code: 'custom',
      message: text.error.issues[0]?.message ?? 'bad selectors',
      path: ['target', 'selector'],
    });
    return z.NEVER;
  }
  const pdf = item['gloss:pdfRects'];
  return { item, target: { ...text.data, ...(pdf ? { pdf } : {}) } };
});

const context = z.union(
  [z.literal(ANNO_CONTEXT), z.array(z.unknown()).refine((c) => c.includes(ANNO_CONTEXT))],
  {
    error: `must name "${ANNO_CONTEXT}"`,
  },
);

const page = z.object({ type: z.literal('AnnotationPage'), items: z.array(withTarget) });

const document = z.discriminatedUnion(
  'type',
  [
    z.object({ '@context': context, type: z.literal('AnnotationCollection'), first: page }),
    page.extend({ '@context': context }),
  ],
  { error: 'the top level must be an AnnotationCollection (its first page embedded) or an AnnotationPage' },
);

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const at = issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '');
      return at ? `${at}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Reads a W3C Web Annotation JSON-LD document (an AnnotationCollection with
 * its page embedded, as {@link toAnnotationCollection} writes it, or an
 * AnnotationPage) back into annotations. Missing timestamps become `now`;
 * a missing colour becomes yellow.
 *
 * @throws GlossError('invalid-argument') when the text is not JSON or not
 * Web Annotation that targets Gloss articles, naming the first problems.
 */
export function parseWebAnnotations(json: string, now: string): Annotation[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new GlossError(
      'invalid-argument',
      `This file is not JSON (${(error as Error).message}). Gloss imports W3C Web Annotation JSON-LD as it exports it.`,
    );
  }
  const parsed = document.safeParse(data);
  if (!parsed.success) {
    throw new GlossError(
      'invalid-argument',
      `This file is not W3C Web Annotation JSON that Gloss can import: ${describeIssues(parsed.error)}. Nothing was imported.`,
    );
  }
  const items = 'first' in parsed.data ? parsed.data.first.items : parsed.data.items;
  return items.map(({ item, target }): Annotation => {
    const bodies = item.body === undefined ? [] : Array.isArray(item.body) ? item.body : [item.body];
    const created = item.created ?? now;
    return {
      id: UUID_IRI.exec(item.id)?.[1] ?? item.id,
      articleId: item.target.source.slice(ARTICLE_IRI.length),
      target,
      color: item['gloss:color'] ?? 'yellow',
      note: bodies
        .filter((b) => b.purpose !== 'tagging')
        .map((b) => b.value)
        .join('\n\n'),
      tags: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
      createdAt: created,
      updatedAt: item.modified ?? created,
      deleted: false,
      orphaned: item['gloss:orphaned'] ?? false,
    };
  });
}
