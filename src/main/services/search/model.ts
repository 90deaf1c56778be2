import { z } from 'zod';
import { HIGHLIGHT_COLORS } from '../../../shared/types';

/** One passage of an article as indexed: its range in the canonical text and that range folded. */
export const indexedPassageSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  folded: z.string(),
});

/**
 * An article as the search index holds it: what results show, the text that
 * snippets are cut from, and the fingerprint (content hash, updatedAt,
 * highlight count) that tells whether the index is current.
 */
export const indexedArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  tags: z.array(z.string()),
  /** Each tag folded and its words joined by single spaces, as `tag:` filters compare them. */
  foldedTags: z.array(z.string()),
  contentHash: z.string(),
  updatedAt: z.string(),
  highlightCount: z.number().int().nonnegative(),
  text: z.string(),
  passages: z.array(indexedPassageSchema),
});

/** A highlight as the search index holds it, with its searchable fields also folded. */
export const indexedHighlightSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  color: z.enum(HIGHLIGHT_COLORS),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  foldedQuote: z.string(),
  foldedNote: z.string(),
  foldedTags: z.array(z.string()),
});

/** Everything the index keeps besides MiniSearch's own structures. */
export const indexedDocsSchema = z.object({
  articles: z.array(indexedArticleSchema),
  highlights: z.array(indexedHighlightSchema),
});

export type IndexedPassage = z.infer<typeof indexedPassageSchema>;
export type IndexedArticle = z.infer<typeof indexedArticleSchema>;
export type IndexedHighlight = z.infer<typeof indexedHighlightSchema>;
export type IndexedDocs = z.infer<typeof indexedDocsSchema>;
