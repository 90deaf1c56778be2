import { z } from 'zod';
import { HIGHLIGHT_COLORS } from '../../../shared/model/annotation';
import { pageSchema } from '../../../shared/model/article';

const offset = z.number().int().nonnegative();

/**
 * An array whose every element passes `check`. Unlike z.array it returns
 * the array it was given, not a copy: a saved index holds a few hundred
 * thousand such elements, and copying them is most of what opening it costs.
 */
function arrayOf<T>(check: (value: unknown) => boolean, what: string) {
  return z.custom<T[]>((value) => Array.isArray(value) && value.every(check), `expected an array of ${what}`);
}

const isString = (value: unknown) => typeof value === 'string';
const isOffset = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/**
 * An article's highlights as saved, column by column (see Highlights), the
 * quotes that cannot be read from the text as [id, quote] pairs.
 */
const savedHighlightsSchema = z
  .object({
    ids: arrayOf<string>(isString, 'strings'),
    colors: arrayOf<number>(
      (value) =>
        Number.isInteger(value) && (value as number) >= 0 && (value as number) < HIGHLIGHT_COLORS.length,
      'colour numbers',
    ),
    starts: arrayOf<number>(isOffset, 'offsets'),
    ends: arrayOf<number>(isOffset, 'offsets'),
    notes: arrayOf<string>(isString, 'strings'),
    tags: arrayOf<string[]>((value) => Array.isArray(value) && value.every(isString), 'tag lists'),
    quotes: z.array(z.tuple([z.string(), z.string()])),
  })
  .refine(
    (h) => [h.colors, h.starts, h.ends, h.notes, h.tags].every((column) => column.length === h.ids.length),
    'highlight columns differ in length',
  );

/**
 * An article as saved: what results show, the fingerprint (content hash,
 * updatedAt, highlight count) that tells whether it is current, the length
 * of its text and search form (the text itself is read from the library's
 * content cache), and its passages as flat [start, end, start, end...]
 * offsets.
 */
export const savedArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  tags: z.array(z.string()),
  contentHash: z.string(),
  updatedAt: z.string(),
  highlightCount: offset,
  textLength: offset,
  formLength: offset,
  formWide: z.boolean(),
  /** False when folding changed lengths, so form offsets are not text offsets. */
  aligned: z.boolean(),
  passages: arrayOf<number>(isOffset, 'offsets'),
  /** PDF only: the page map (index, label, text range). */
  pages: z.array(pageSchema).optional(),
  highlights: savedHighlightsSchema,
});

/** Words with a whole number each (document counts, or changes to them), column by column. */
function wordColumns(isCount: (value: unknown) => boolean) {
  return z
    .object({ words: arrayOf<string>(isString, 'strings'), counts: arrayOf<number>(isCount, 'counts') })
    .refine((v) => v.words.length === v.counts.length, 'vocabulary columns differ in length');
}

/** The saved documents file: articles, and the vocabulary with document counts. */
export const savedDocsSchema = z.object({
  articles: z.array(savedArticleSchema),
  vocabulary: wordColumns((value) => Number.isInteger(value) && (value as number) > 0),
});

/**
 * One line of the change log: the articles changed since the previous line
 * (their new state), those removed, and how many more (or fewer) documents
 * hold each word.
 */
export const logRecordSchema = z.object({
  articles: z.array(savedArticleSchema),
  removed: z.array(z.string()),
  vocabulary: wordColumns((value) => Number.isInteger(value)),
});

export type SavedArticle = z.infer<typeof savedArticleSchema>;
export type SavedDocs = z.infer<typeof savedDocsSchema>;
export type LogRecord = z.infer<typeof logRecordSchema>;
