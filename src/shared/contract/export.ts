import { noticeSchema } from '../model/notice';
import { z } from 'zod';
import { exportFileSchema, exportScopeSchema, importResultSchema } from '../model/export';
import { method } from './method';

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
    /** Markdown only: how a highlight's colour is shown (default: an emoji square). */
    colorMarker: z.enum(['emoji', 'text', 'none']).optional(),
    /** Markdown only: one file of just the Markdown, without front matter or Gloss markers (for the clipboard). */
    clean: z.boolean().optional(),
    /** Whole-library export only: also export articles without highlights or a note (left out by default). */
    includeEmpty: z.boolean().optional(),
    /** Markdown only: the language of its human-readable words (field names stay English); default English. */
    language: z.enum(['vi', 'en']).optional(),
  })
  .strict();

export type RenderExportParams = z.output<typeof renderExportSchema>;

/** Parameters of `importWebAnnotations`: the text of a Web Annotation JSON-LD file. */
export const importWebAnnotationsSchema = z.object({ json: z.string().max(200_000_000) }).strict();

/** The export folder kept current on this computer, and its last failure (a notice each interface words). */
export const exportFolderStatusSchema = z.object({
  folder: z.string().nullable(),
  problem: noticeSchema.nullable(),
});

/**
 * Export and import. The renderer gets file names and contents (to offer as
 * downloads or copy), never a path; the CLI writes them to a folder. The
 * export folder kept current is chosen in the host's own folder dialog
 * (`chooseExportFolder`: the desktop app) or with `gloss export --watch`.
 */
export const exportMethods = {
  renderExport: method(renderExportSchema, z.object({ files: z.array(exportFileSchema) })),
  importWebAnnotations: method(importWebAnnotationsSchema, importResultSchema),
  getExportFolder: method(z.object({}).strict(), exportFolderStatusSchema),
  chooseExportFolder: method(z.object({}).strict(), exportFolderStatusSchema),
  stopExportFolder: method(z.object({}).strict(), exportFolderStatusSchema),
};
