import { z } from 'zod';

/** Which articles an export covers: one, some (the current filter), those with a tag, or all. */
export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), id: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('articles'), ids: z.array(z.string().min(1)).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
]);
/** A value `exportScopeSchema` accepts. */
export type ExportScope = z.output<typeof exportScopeSchema>;

/**
 * A file that goes with an exported note, in the `attachments` folder beside it: its name (a plain
 * file name, no folder) and its bytes in base64 (an area highlight's PNG).
 */
export const exportAttachmentSchema = z.object({
  name: z
    .string()
    .regex(/^[\w.-]+$/)
    .refine((name) => !/^\.+$/.test(name)),
  data: z.base64(),
});
/** A value `exportAttachmentSchema` accepts. */
export type ExportAttachment = z.output<typeof exportAttachmentSchema>;

/**
 * One exported file: its name (no folder), its text, and the files its text embeds (Markdown only,
 * written into the `attachments` folder beside it).
 */
export const exportFileSchema = z.object({
  name: z.string().min(1),
  content: z.string(),
  attachments: z.array(exportAttachmentSchema).optional(),
});
/** A value `exportFileSchema` accepts. */
export type ExportFile = z.output<typeof exportFileSchema>;

/** How an import went: annotations added, and those skipped (already present, or their article is missing). */
export const importResultSchema = z.object({ imported: z.int().min(0), skipped: z.int().min(0) });
/** A value `importResultSchema` accepts. */
export type ImportResult = z.output<typeof importResultSchema>;
