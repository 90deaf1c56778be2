import { z } from 'zod';
import type { ArticleContent, ArticleExcerpt, ArticleMeta, ImportOutcome } from '../types';
import { method } from './method';

const id = z.uuid();
const tagName = z.string().trim().min(1).max(100);

/** Methods of the library: importing and managing articles. */
export const libraryMethods = {
  /** Live articles, newest first. */
  listArticles: method<ArticleMeta[]>()(z.object({}).strict()),
  /** One article with its canonical text, blocks and note. */
  getArticle: method<ArticleContent>()(z.object({ id }).strict()),
  /**
   * The same article with the text of only the blocks around `around` (a canonical offset; default the
   * saved reading position): what the reader needs to paint its first screen of a long article at once.
   */
  getArticleExcerpt: method<ArticleExcerpt>()(
    z.object({ id, around: z.int().min(0).max(1_000_000_000).optional() }).strict(),
  ),
  /**
   * Imports one file's bytes (base64), as picked or dropped by the user.
   * Identical content already in the library is reported, not duplicated.
   */
  importFile: method<ImportOutcome>()(
    z
      .object({
        name: z
          .string()
          .min(1)
          .max(255)
          .refine((n) => !/[/\0]/.test(n), 'a file name, not a path'),
        data: z.base64(),
      })
      .strict(),
  ),
  /** Edits an article's metadata, tags or reading progress. */
  updateArticle: method<ArticleMeta>()(
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
  ),
  /** Deletes an article and its highlights (undoable with restoreArticle until Gloss quits). */
  deleteArticle: method<ArticleMeta>()(z.object({ id }).strict()),
  /** Undoes deleteArticle within the same session. */
  restoreArticle: method<ArticleMeta>()(z.object({ id }).strict()),
};
