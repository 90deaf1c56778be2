import { z } from 'zod';
import { highlightColorSchema } from './annotation';

const offset = z.int().min(0);

/** Where a search hit was found: an article's title, author or text, or a highlight's quote, note or tags (or an article's tags). */
export const searchHitKindSchema = z.enum(['title', 'author', 'text', 'quote', 'note', 'tag']);
/** A value `searchHitKindSchema` accepts. */
export type SearchHitKind = z.output<typeof searchHitKindSchema>;

/**
 * A short window of plain text around a hit. `marks` are the matched spans,
 * as UTF-16 offsets into `text` (end exclusive, sorted, not overlapping).
 * Render `text` as text (never as HTML), wrapping each mark in its own element.
 */
export const searchSnippetSchema = z.object({
  text: z.string(),
  marks: z.array(z.object({ start: offset, end: offset })),
});
/** A value `searchSnippetSchema` accepts. */
export type SearchSnippet = z.output<typeof searchSnippetSchema>;

/**
 * One place a search matched. `score` is the share of the query's words and phrases this place holds,
 * 0 to 1 (1 for a query of filters only). `start`/`end` are offsets in the article's canonical text to
 * scroll to: the first match for a text hit, the highlight's position for a highlight hit; absent for
 * title, author and article-tag hits. `annotationId` and `color` name the highlight of a quote, note or
 * highlight-tag hit. `page` (PDF only) is the label of the page `start` is on, e.g. "12" or "iv".
 */
export const searchHitSchema = z.object({
  kind: searchHitKindSchema,
  score: z.number().min(0).max(1),
  snippet: searchSnippetSchema,
  start: offset.optional(),
  end: offset.optional(),
  annotationId: z.string().optional(),
  color: highlightColorSchema.optional(),
  page: z.string().optional(),
});
/** A value `searchHitSchema` accepts. */
export type SearchHit = z.output<typeof searchHitSchema>;

/**
 * The hits of one article: title, author and tag hits first, then highlights and text in document order.
 * `hitCount` counts all hits in this article; `hits` holds only the first few.
 */
export const searchResultGroupSchema = z.object({
  article: z.object({ id: z.string(), title: z.string(), author: z.string().nullable() }),
  hits: z.array(searchHitSchema),
  hitCount: z.int().min(0),
});
/** A value `searchResultGroupSchema` accepts. */
export type SearchResultGroup = z.output<typeof searchResultGroupSchema>;

/**
 * Search results, grouped by article, best group first. `total` is the number of matching articles in
 * the whole library, before any limit; `tookMs` the time the search took in the service, in milliseconds.
 */
export const searchResultsSchema = z.object({
  total: z.int().min(0),
  groups: z.array(searchResultGroupSchema),
  tookMs: z.number().min(0),
});
/** A value `searchResultsSchema` accepts. */
export type SearchResults = z.output<typeof searchResultsSchema>;

/** Whether the search index is complete; while building, `done` of `total` articles are indexed. */
export const searchStatusSchema = z.object({
  state: z.enum(['ready', 'building']),
  done: z.int().min(0),
  total: z.int().min(0),
});
/** A value `searchStatusSchema` accepts. */
export type SearchStatus = z.output<typeof searchStatusSchema>;
