import { z } from 'zod';

/**
 * What importing another reader's highlights did (Kindle, KOReader, Hypothesis, Readwise): how many
 * highlights were anchored into articles already in the library, kept in a highlights-only entry of their
 * book or page, skipped as already imported (or repeated in the file), and ignored (bookmarks, replies).
 * `articles` names each article that received highlights or notes.
 */
export const highlightsReportSchema = z.object({
  format: z.enum(['kindle', 'koreader', 'hypothesis', 'readwise']),
  anchored: z.int().min(0),
  highlightsOnly: z.int().min(0),
  duplicates: z.int().min(0),
  ignored: z.int().min(0),
  /** Notes without a quote (Hypothesis page notes, Kindle notes whose highlight is missing) added to article notes. */
  notes: z.int().min(0),
  articles: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      /** True for a highlights-only entry (created or extended by this import). */
      highlightsOnly: z.boolean(),
      added: z.int().min(0),
    }),
  ),
});
/** A value `highlightsReportSchema` accepts. */
export type HighlightsReport = z.output<typeof highlightsReportSchema>;
