import { z } from 'zod';

/**
 * What an undo or redo did: a sentence such as "Undid: highlight “Sơn Trà…” deleted", the article it
 * touched (null for tag operations) and the operation's number (see `undo`'s `entry`).
 */
export const undoOutcomeSchema = z.object({
  label: z.string(),
  articleId: z.string().nullable(),
  entry: z.int().min(1),
});
/** A value `undoOutcomeSchema` accepts. */
export type UndoOutcome = z.output<typeof undoOutcomeSchema>;
