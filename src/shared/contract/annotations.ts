import { z } from 'zod';
import {
  annotationSchema,
  highlightColorSchema,
  pdfAreaSchema,
  pdfPageRectsSchema,
} from '../model/annotation';
import { settingsSchema } from '../model/settings';
import { tagColorSchema, tagInfoSchema, tagSchema } from '../model/tag';
import { undoOutcomeSchema } from '../model/undo';
import { changeBatchSchema } from '../model/change';
import { noticeSchema } from '../model/notice';
import { method } from './method';

/** Longest highlight note accepted, in UTF-16 code units. */
export const MAX_NOTE_LENGTH = 100_000;
/** Longest article-level note accepted, in UTF-16 code units. */
export const MAX_ARTICLE_NOTE_LENGTH = 1_000_000;
/** Longest tag name accepted, in UTF-16 code units (after trimming). */
export const MAX_TAG_LENGTH = 100;
/** Most tags one highlight can carry. */
export const MAX_TAGS_PER_ITEM = 50;
/** Longest wait `waitForChanges` accepts, in milliseconds. */
export const MAX_WAIT_MS = 30_000;
/** Most highlight ids one `listAnnotations` call may name. */
export const MAX_LISTED_IDS = 100_000;

const articleId = z.uuid();
const color = highlightColorSchema;
const note = z.string().max(MAX_NOTE_LENGTH);
const tagName = z.string().min(1).max(MAX_TAG_LENGTH);
const tags = z.array(tagName).max(MAX_TAGS_PER_ITEM);
/** A UTF-16 offset into an article's canonical text. */
const offset = z.int().min(0).max(1_000_000_000);

/**
 * Highlights, notes, tags, undo, settings and change notification. Tag names
 * are trimmed and NFC-normalised by the store, which answers with the
 * registry's spelling.
 */
/** Which operation undo takes; see `undo`. */
const undoScope = z.object({ articleId: z.uuid().optional(), entry: z.int().min(1).optional() }).strict();

export const annotationMethods = {
  /**
   * Live highlights of one article in document order, orphans included; with `range`, only those whose
   * position overlaps the canonical range [start, end) (what one screen of a long article shows); with
   * `ids`, only those of these ids that are live (an id left out was deleted, or was never this article's).
   */
  listAnnotations: method(
    z
      .object({
        articleId,
        range: z
          .object({ start: offset, end: offset })
          .strict()
          .refine((r) => r.start <= r.end, 'start must not be after end')
          .optional(),
        ids: z.array(z.uuid()).max(MAX_LISTED_IDS).optional(),
      })
      .strict(),
    z.array(annotationSchema),
  ),
  /**
   * Highlights the range [start, end) of the article's canonical text; in a PDF, `pdf` gives the
   * rectangles it covers on each page (PDF points), kept with it.
   */
  createAnnotation: method(
    z
      .object({
        articleId,
        start: offset,
        end: offset,
        color,
        note: note.optional(),
        tags: tags.optional(),
        pdf: z.array(pdfPageRectsSchema).max(1_000).optional(),
      })
      .strict(),
    annotationSchema,
  ),
  /**
   * Highlights an area of a PDF page (a figure, a table): page index from 0, rectangle in PDF points.
   * @throws 'invalid-argument' when the article is not a PDF or has no such page.
   */
  createAreaAnnotation: method(
    z
      .object({ articleId, area: pdfAreaSchema, color, note: note.optional(), tags: tags.optional() })
      .strict(),
    annotationSchema,
  ),
  /** Places a highlight (typically an orphan) on the range [start, end) the user selected instead. */
  reattachAnnotation: method(
    z.object({ articleId, id: z.uuid(), start: offset, end: offset }).strict(),
    annotationSchema,
  ),
  updateAnnotation: method(
    z
      .object({
        articleId,
        id: z.uuid(),
        color: color.optional(),
        note: note.optional(),
        tags: tags.optional(),
      })
      .strict(),
    annotationSchema,
  ),
  /** Deletes a highlight (kept as a tombstone); undo brings it back. */
  deleteAnnotation: method(z.object({ articleId, id: z.uuid() }).strict(), annotationSchema),
  getArticleNote: method(z.object({ articleId }).strict(), z.string()),
  setArticleNote: method(
    z.object({ articleId, note: z.string().max(MAX_ARTICLE_NOTE_LENGTH) }).strict(),
    z.void(),
  ),
  /** Live highlights carrying the tag, across the library (deleted articles left out). */
  listAnnotationsByTag: method(z.object({ tag: tagName }).strict(), z.array(annotationSchema)),
  /** Every registered tag with its use count (highlights and articles), sorted by name. */
  listTags: method(z.object({}).strict(), z.array(tagInfoSchema)),
  createTag: method(z.object({ name: tagName, color: tagColorSchema.optional() }).strict(), tagSchema),
  recolorTag: method(z.object({ name: tagName, color: tagColorSchema }).strict(), tagSchema),
  /** Renames a tag everywhere; renaming onto an existing name (any case) merges the two. */
  renameTag: method(z.object({ from: tagName, to: tagName }).strict(), tagSchema),
  /** Removes a tag from the registry, every highlight and every article. */
  deleteTag: method(z.object({ name: tagName }).strict(), z.void()),
  /**
   * Undoes a highlight or tag operation: `entry` (from an outcome or `peekUndo`) names one exactly,
   * else the newest of `articleId` (library-wide tag operations included), else the newest of all. Null
   * when there is nothing to undo; a 'conflict' error when the named one was undone already or what it
   * changed was changed again since.
   */
  undo: method(undoScope, undoOutcomeSchema.nullable()),
  /** Redoes the newest undone operation of `articleId` (tag operations included), else of all. */
  redo: method(undoScope.omit({ entry: true }), undoOutcomeSchema.nullable()),
  /** The operation `undo` with the same scope would undo now (its label has no "Undid:"); null when none. */
  peekUndo: method(undoScope.omit({ entry: true }), undoOutcomeSchema.nullable()),
  getSettings: method(z.object({}).strict(), settingsSchema),
  updateSettings: method(settingsSchema.partial().strict(), settingsSchema),
  /**
   * Long poll of the library's changes (see ChangeEvent): answers at once with the events after revision
   * `since` when there are any, else with the first ones to come, or with none after `timeoutMs` (default
   * 25 000, at most 30 000) or as soon as a notice for the user is waiting (`takeNotices`). `reset: true`
   * when `since` is older than the events kept or from another run: reload everything. Start with
   * `{ since: 0, timeoutMs: 0 }`.
   */
  waitForChanges: method(
    z.object({ since: z.int().min(0), timeoutMs: z.int().min(0).max(MAX_WAIT_MS).default(25_000) }).strict(),
    changeBatchSchema,
  ),
  /** Notices for the user (damaged files found and repaired, sync conflicts merged...), each returned once. */
  takeNotices: method(z.object({}).strict(), z.array(noticeSchema)),
};
