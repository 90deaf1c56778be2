import { z } from 'zod';

/** The values a notice is worded with: names, titles, paths, counts. */
export const noticeParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
/** A value `noticeParamsSchema` accepts. */
export type NoticeParams = z.output<typeof noticeParamsSchema>;

/**
 * A sentence for the user from a service: `message` in English (logs, scripts, older notice logs), and
 * when it has one the catalog key (e.g. `notices.imported`) and parameters an interface words it with in
 * its own language (see `describeNotice`).
 */
export const noticeSchema = z.object({
  message: z.string(),
  key: z.string().min(1).max(100).optional(),
  params: noticeParamsSchema.optional(),
});
/** A value `noticeSchema` accepts. */
export type Notice = z.output<typeof noticeSchema>;
