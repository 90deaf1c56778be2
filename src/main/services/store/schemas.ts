import { z } from 'zod';
import { annotationSchema } from '../../../shared/model/annotation';
import { articleMetaSchema, blockSchema, pageSchema } from '../../../shared/model/article';
import { settingsSchema } from '../../../shared/model/settings';
import { tagSchema } from '../../../shared/model/tag';
import { GlossError } from '../../../shared/result';
import { DamagedDataError } from './files';

/** The data format version this build reads and writes (library.json and the shards). */
export const SCHEMA_VERSION = 1;

/** One field's stamp: [clock reading, value hash]. */
export type Stamp = [string, string];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for a record's stamps: an object whose every value is a Stamp. */
function isStampsOfRecord(stamps: unknown): boolean {
  if (!isPlainObject(stamps)) return false;
  for (const key in stamps) {
    const stamp = stamps[key];
    if (!Array.isArray(stamp) || stamp.length !== 2) return false;
    if (typeof stamp[0] !== 'string' || typeof stamp[1] !== 'string') return false;
  }
  return true;
}

/** One version of a note: the version vector of the edit (device id to clock reading) and its text (absent: the record's note). */
const noteHeadSchema = z.object({ vv: z.record(z.string(), z.string()), text: z.string().optional() });

/**
 * What merging the files of several computers needs, beside the records:
 * per record (by key) and field, when it last changed; per note, its
 * versions not yet superseded (two or more when edited on two computers at
 * once) and the hash of the text shown; per removed tag (by tag key), when;
 * per other device's folder name, the digest of its file last joined into
 * this one (library.json only: so an unchanged file is not read again; never merged).
 */
export const syncMetaSchema = z.object({
  // Checked by hand: a file has a stamp per field of every record, and zod's records of tuples (each copied)
  // made checking them most of the time it takes to read a library.json or a shard.
  records: z.custom<Record<string, Record<string, Stamp>>>(
    (records) => isPlainObject(records) && Object.values(records).every(isStampsOfRecord),
    'each record must map its fields to stamps [clock reading, hash]',
  ),
  notes: z.record(z.string(), z.object({ h: z.string(), heads: z.array(noteHeadSchema).min(1) })),
  gone: z.record(z.string(), z.string()),
  seen: z.record(z.string(), z.string()).optional(),
});
export type SyncMeta = z.infer<typeof syncMetaSchema>;

/** library.json: the article index, the tag registry and the settings. */
export const libraryFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.array(articleMetaSchema),
  tags: z.array(tagSchema),
  settings: settingsSchema,
  sync: syncMetaSchema.optional(),
});
export type LibraryFile = z.infer<typeof libraryFileSchema>;

/**
 * Some fields of a highlight another computer made, as changed here (see
 * ownPart): its id, when it changed and the fields this computer wrote.
 */
export const partialAnnotationSchema = annotationSchema.partial().required({ id: true });
export type PartialAnnotation = z.output<typeof partialAnnotationSchema>;

/**
 * annotations/<articleId>.json: one article's highlights (tombstones
 * included) and its note; `parts`, highlights of which this file holds only
 * some fields (joined onto the whole record another computer's file holds).
 */
export const shardFileSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    articleId: z.uuid(),
    note: z.string(),
    annotations: z.array(annotationSchema),
    parts: z.array(partialAnnotationSchema).optional(),
    sync: syncMetaSchema.optional(),
  })
  .refine(
    (shard) =>
      [...shard.annotations, ...(shard.parts ?? [])].every(
        (annotation) => annotation.articleId === undefined || annotation.articleId === shard.articleId,
      ),
    'every highlight must belong to the article of its file',
  );
export type ShardFile = z.infer<typeof shardFileSchema>;

/** content/<articleId>.json: the canonical text and blocks, derived from the source file. */
export const contentFileSchema = z
  .object({ text: z.string(), blocks: z.array(blockSchema), pages: z.array(pageSchema).optional() })
  .refine((content) => content.blocks.every(within(content.text)), 'every block must lie within the text')
  .refine(
    (content) => (content.pages ?? []).every(within(content.text)),
    'every page must lie within the text',
  );
export type ContentFile = z.infer<typeof contentFileSchema>;

/** Whether a range of UTF-16 offsets is whole, starts at 0 or after, ends no earlier and within `text`. */
const within =
  (text: string) =>
  ({ start, end }: { start: number; end: number }): boolean =>
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;

/**
 * Checks the content a converter made before it is stored: its blocks and pages lie within its text.
 * Their other fields are the converter's own, typed; the whole schema is checked when the file is read.
 * @throws GlossError 'invalid-argument' naming the first block or page that does not.
 */
export function checkContentRanges(content: ContentFile): void {
  const inText = within(content.text);
  const block = content.blocks.findIndex((range) => !inText(range));
  const page = (content.pages ?? []).findIndex((range) => !inText(range));
  if (block < 0 && page < 0) return;
  const which = block >= 0 ? `blocks.${block}: every block` : `pages.${page}: every page`;
  throw new GlossError(
    'invalid-argument',
    `Gloss cannot store this article text: ${which} must lie within the text.`,
  );
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * Validates data read from disk.
 * @throws DamagedDataError naming the first mismatch.
 */
export function parseOrDamaged<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new DamagedDataError(`its content is not what Gloss expects: ${describeIssue(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Validates data handed to the store by other code before it is kept or written.
 * @throws GlossError 'invalid-argument' naming `what` and the first mismatch.
 */
export function parseOrInvalid<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new GlossError(
      'invalid-argument',
      `Gloss cannot store this ${what}: ${describeIssue(parsed.error)}.`,
    );
  }
  return parsed.data;
}
