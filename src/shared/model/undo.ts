import { z } from 'zod';

/** What an undo or redo did: a sentence such as "Undid delete highlight", and the article it touched (null for tag operations). */
export const undoOutcomeSchema = z.object({
  label: z.string(),
  articleId: z.string().nullable(),
});
/** A value `undoOutcomeSchema` accepts. */
export type UndoOutcome = z.output<typeof undoOutcomeSchema>;
