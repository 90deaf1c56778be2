import { z } from 'zod';
import { searchResultsSchema, searchStatusSchema } from '../model/search';
import { method } from './method';

/** Longest search query accepted, in UTF-16 units. */
export const MAX_QUERY_LENGTH = 500;
/** Most article groups one search returns. */
export const MAX_SEARCH_LIMIT = 100;

/** Library-wide search. */
export const searchMethods = {
  /**
   * Searches article titles, authors, tags and text and highlight quotes,
   * notes and tags (query language: src/shared/search/query.ts). Waits until
   * the index is complete. `limit` caps the article groups (default 10).
   * Fails with 'invalid-argument' for a malformed filter.
   */
  search: method(
    z
      .object({
        query: z.string().max(MAX_QUERY_LENGTH),
        limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).optional(),
      })
      .strict(),
    searchResultsSchema,
  ),
  /** Whether the search index is ready, or how far its build has come. */
  searchStatus: method(z.object({}).strict(), searchStatusSchema),
};
