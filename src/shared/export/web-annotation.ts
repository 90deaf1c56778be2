import { z } from 'zod';
import { GlossError } from '../result';
import { HIGHLIGHT_COLORS, type Annotation } from '../model/annotation';
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
      selector: [
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
  };
}

/**
 * Annotations as a W3C Web Annotation AnnotationCollection (JSON-LD) with
 * one embedded AnnotationPage: each annotation targets
 * `urn:gloss:article:<id>` with a TextQuoteSelector and a
 * TextPositionSelector, its note is a TextualBody (text/markdown,
 * purpose commenting), each tag a TextualBody with purpose tagging, and its
 * colour is `gloss:color`. A highlight for which `fragmentOf` gives a place in the original file (a PDF
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
  .transform((value, ctx) => {
    const list = Array.isArray(value) ? value : [value];
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
});

const context = z.union(
  [z.literal(ANNO_CONTEXT), z.array(z.unknown()).refine((c) => c.includes(ANNO_CONTEXT))],
  {
    error: `must name "${ANNO_CONTEXT}"`,
  },
);

const page = z.object({ type: z.literal('AnnotationPage'), items: z.array(webAnnotation) });

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
  return items.map((item): Annotation => {
    const bodies = item.body === undefined ? [] : Array.isArray(item.body) ? item.body : [item.body];
    const created = item.created ?? now;
    return {
      id: UUID_IRI.exec(item.id)?.[1] ?? item.id,
      articleId: item.target.source.slice(ARTICLE_IRI.length),
      target: {
        quote: item.target.selector.quote,
        position: item.target.selector.position,
      },
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
