import { z } from 'zod';
import {
  articleContentSchema,
  articleExcerptSchema,
  articleMetaSchema,
  importOutcomeSchema,
} from '../model/article';
import { annotationSchema } from '../model/annotation';
import { PDF_RANGE_MAX } from '../pdf/file-range';
import { method } from './method';

const id = z.uuid();
const tagName = z.string().trim().min(1).max(100);
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;
/**
 * Base64 text (standard alphabet, padded). Checked with one search for a character outside the
 * alphabet, then where the padding starts: zod's base64 also decodes the whole text to check it,
 * which was a tenth of importing a 10 MB file, decoded again by the import; and an anchored pattern
 * (alphabet, then padding, then the end) took four times as long as the search.
 */
const base64 = z.string().refine((text) => {
  if (text.length % 4 !== 0 || NOT_BASE64.test(text)) return false;
  const padding = text.indexOf('=');
  return padding < 0 || (padding >= text.length - 2 && text.endsWith('='));
}, 'Invalid base64-encoded string');

/** Methods of the library: importing and managing articles. */
export const libraryMethods = {
  /**
   * Live articles, newest first; with `first`, only that many (a first screen painted before the rest),
   * after skipping `skip` of them (default 0): the list read page by page.
   */
  listArticles: method(
    z.object({ first: z.int().min(1).max(1000).optional(), skip: z.int().min(0).optional() }).strict(),
    z.array(articleMetaSchema),
  ),
  /** One article with its canonical text, blocks and note. */
  getArticle: method(z.object({ id }).strict(), articleContentSchema),
  /**
   * The same article with the text of only the blocks around `around` (a canonical offset; default the
   * saved reading position) and the live highlights over those blocks, in document order: what the reader
   * needs to paint its first screen of a long article at once, in one round trip.
   */
  getArticleExcerpt: method(
    z.object({ id, around: z.int().min(0).max(1_000_000_000).optional() }).strict(),
    articleExcerptSchema.extend({ annotations: z.array(annotationSchema) }),
  ),
  /**
   * Imports one file's bytes (base64), as picked or dropped by the user.
   * Identical content already in the library is reported, not duplicated.
   * `password` opens an encrypted PDF to read its text and is stored nowhere (the copy stays
   * encrypted). Without it, or when it is wrong, the call fails with 'unsupported' and params
   * `password: 'needed'` or `'wrong'`: ask the user and call again.
   */
  importFile: method(
    z
      .object({
        name: z
          .string()
          .min(1)
          .max(255)
          .refine((n) => !/[/\0]/.test(n), 'a file name, not a path'),
        data: base64,
        password: z.string().max(1024).optional(),
      })
      .strict(),
    importOutcomeSchema,
  ),
  /**
   * Bytes `begin`–`end` (offsets, end excluded) of a PDF article's imported copy as base64, with the
   * copy's whole length in bytes: what the reader's pdf.js asks for while it draws, so a page needs
   * only the bytes it uses. At most `PDF_RANGE_MAX` bytes a call; an `end` past the end of the copy
   * stops there. Takes an article id, never a path. Refused: 'invalid-argument' for an empty or too
   * long range or a `begin` at or past the end of the copy, 'unsupported' for other formats,
   * 'not-found' for an unknown or deleted article. With `last` (bytes, at most `PDF_RANGE_MAX / 2`),
   * the copy's last bytes come too, from the last multiple of `last` at least `last` bytes before
   * its end and not before `end` (none when the range reaches the end): where pdf.js looks right
   * after a file's first bytes, for its cross-reference table and trailer.
   */
  getArticleFileRange: method(
    z
      .object({
        id,
        begin: z.int().min(0),
        end: z.int().min(1),
        last: z
          .int()
          .min(1)
          .max(PDF_RANGE_MAX / 2)
          .optional(),
      })
      .strict()
      .refine((r) => r.end > r.begin, 'a range of at least one byte')
      .refine((r) => r.end - r.begin <= PDF_RANGE_MAX, `a range of at most ${PDF_RANGE_MAX} bytes`),
    z.object({
      data: z.string(),
      length: z.int().min(0),
      last: z.object({ begin: z.int().min(0), data: z.string() }).optional(),
    }),
  ),
  /** Edits an article's metadata, tags or reading progress. */
  updateArticle: method(
    z
      .object({
        id,
        title: z.string().trim().min(1).max(500).optional(),
        author: z.string().trim().max(300).nullable().optional(),
        published: z.string().trim().max(40).nullable().optional(),
        tags: z.array(tagName).max(100).optional(),
        progress: z.number().min(0).max(1).optional(),
      })
      .strict(),
    articleMetaSchema,
  ),
  /** Deletes an article and its highlights (undoable with restoreArticle until Gloss quits). */
  deleteArticle: method(z.object({ id }).strict(), articleMetaSchema),
  /** Undoes deleteArticle within the same session. */
  restoreArticle: method(z.object({ id }).strict(), articleMetaSchema),
};
