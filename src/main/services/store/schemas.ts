import { z } from 'zod';
import { settingsSchema, tagColorSchema } from '../../../shared/contract/annotations';
import { GlossError } from '../../../shared/result';
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type AnnotationTarget,
  type ArticleMeta,
  type Block,
  type Tag,
} from '../../../shared/types';
import { DamagedDataError } from './files';

/** The data format version this build reads and writes (library.json and the shards). */
export const SCHEMA_VERSION = 1;

const timestamp = z.iso.datetime({ offset: true });
const offset = z.int().min(0);

/** True for a library-relative path inside `articles/` that cannot climb out of it. */
function isArticlesPath(file: string): boolean {
  return file.startsWith('articles/') && !file.split('/').includes('..') && !file.includes('\0');
}

/** One block of an article's text (see Block). */
const blockSchema = z
  .object({
    kind: z.enum(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre']),
    start: offset,
    end: offset,
    html: z.string().optional(),
  })
  .refine(
    (block) => block.end >= block.start,
    'a block cannot end before it starts',
  ) satisfies z.ZodType<Block>;

/** An article record of the index; `sourceFile` must stay inside `articles/`. */
export const articleMetaSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  author: z.string().nullable(),
  published: z.string().nullable(),
  sourceFile: z.string().refine(isArticlesPath, 'must be a path inside articles/'),
  format: z.enum(['txt', 'md', 'html']),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256'),
  wordCount: offset,
  charCount: offset,
  tags: z.array(z.string()),
  progress: z.number().min(0).max(1),
  highlightCount: offset,
  createdAt: timestamp,
  updatedAt: timestamp,
  deleted: z.boolean(),
}) satisfies z.ZodType<ArticleMeta>;

/** Where a highlight sits: quote with context and a non-empty position range. */
export const targetSchema = z.object({
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  }),
  position: z
    .object({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
    .refine((position) => position.end > position.start, 'a highlight must end after it starts'),
}) satisfies z.ZodType<AnnotationTarget>;

/** A highlight record, tombstone and orphan flags included. */
export const annotationSchema = z.object({
  id: z.uuid(),
  articleId: z.uuid(),
  target: targetSchema,
  color: z.enum(HIGHLIGHT_COLORS),
  note: z.string(),
  tags: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
  deleted: z.boolean(),
  orphaned: z.boolean(),
}) satisfies z.ZodType<Annotation>;

/** A tag registry entry. */
const tagSchema = z.object({
  name: z.string().min(1),
  color: tagColorSchema,
}) satisfies z.ZodType<Tag>;

/** library.json: the article index, the tag registry and the settings. */
export const libraryFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.array(articleMetaSchema),
  tags: z.array(tagSchema),
  settings: settingsSchema,
});
export type LibraryFile = z.infer<typeof libraryFileSchema>;

/** annotations/<articleId>.json: one article's highlights (tombstones included) and its note. */
export const shardFileSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    articleId: z.uuid(),
    note: z.string(),
    annotations: z.array(annotationSchema),
  })
  .refine(
    (shard) => shard.annotations.every((annotation) => annotation.articleId === shard.articleId),
    'every highlight must belong to the article of its file',
  );
export type ShardFile = z.infer<typeof shardFileSchema>;

/** content/<articleId>.json: the canonical text and blocks, derived from the source file. */
export const contentFileSchema = z
  .object({ text: z.string(), blocks: z.array(blockSchema) })
  .refine(
    (content) => content.blocks.every((block) => block.end <= content.text.length),
    'every block must lie within the text',
  );
export type ContentFile = z.infer<typeof contentFileSchema>;

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
