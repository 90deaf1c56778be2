import { z } from 'zod';
import type { ExportFile } from '../export/markdown';
import { method } from './method';

/** Which articles an export covers: one, some (the current filter), those with a tag, or all. */
export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), id: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('articles'), ids: z.array(z.string().min(1)).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
]);

/** Parameters of `renderExport`. */
export const renderExportSchema = z
  .object({
    scope: exportScopeSchema,
    /** Markdown (Obsidian-friendly) or W3C Web Annotation JSON-LD. */
    format: z.enum(['md', 'json']),
    /** Markdown only: one file for every article instead of one file each. */
    combined: z.boolean().optional(),
    /** Markdown only: a Handlebars template replacing the default one (its text, not a path). */
    template: z.string().max(1_000_000).optional(),
  })
  .strict();

export type ExportScope = z.output<typeof exportScopeSchema>;
export type RenderExportParams = z.output<typeof renderExportSchema>;

/** Parameters of `importWebAnnotations`: the text of a Web Annotation JSON-LD file. */
export const importWebAnnotationsSchema = z.object({ json: z.string().max(200_000_000) }).strict();

/** How an import went: annotations added, and those skipped (already present, or their article is missing). */
export interface ImportResult {
  imported: number;
  skipped: number;
}

/**
 * Export and import. The renderer gets file names and contents (to offer as
 * downloads or copy), never a path; the CLI writes them to a folder.
 */
export const exportMethods = {
  renderExport: method<{ files: ExportFile[] }>()(renderExportSchema),
  importWebAnnotations: method<ImportResult>()(importWebAnnotationsSchema),
};
