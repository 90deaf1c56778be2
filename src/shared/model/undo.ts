import { z } from 'zod';
import { noticeSchema } from './notice';

/**
 * What an undo or redo did: an English sentence such as "Undid: highlight “Sơn Trà…” deleted", the
 * operation itself as a notice (`undo.highlightDeleted` with its quote: an interface words it as
 * `undo.undid` or `undo.redid`), the article it touched (null for tag operations) and the operation's
 * number (see `undo`'s `entry`).
 */
export const undoOutcomeSchema = z.object({
  label: z.string(),
  what: noticeSchema,
  articleId: z.string().nullable(),
  entry: z.int().min(1),
});
/** A value `undoOutcomeSchema` accepts. */
export type UndoOutcome = z.output<typeof undoOutcomeSchema>;
