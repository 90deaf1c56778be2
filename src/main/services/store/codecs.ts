import { z } from 'zod';
import { DamagedDataError, NewerSchemaError, type Codec } from './files';
import { migrate, readSchemaVersion, type FileKind } from './migrations';
import type { JournalPolicy } from './stored-file';
import { annotationSchema } from '../../../shared/model/annotation';
import {
  contentFileSchema,
  libraryFileSchema,
  parseOrDamaged,
  SCHEMA_VERSION,
  shardFileSchema,
  type ContentFile,
  type LibraryFile,
  type ShardFile,
} from './schemas';

/** Pretty-printed, so a synced or versioned library diffs record by record. */
function encodePretty(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n';
}

function versionedCodec<S extends z.ZodType>(kind: FileKind, schema: S): Codec<z.output<S>> {
  return {
    decode(raw) {
      const version = readSchemaVersion(raw);
      if (version > SCHEMA_VERSION) throw new NewerSchemaError(version);
      const migrated = version < SCHEMA_VERSION;
      return {
        data: parseOrDamaged(schema, migrated ? migrate(kind, raw, version) : raw),
        migratedFrom: migrated ? version : null,
      };
    },
    encode: encodePretty,
  };
}

/** library.json. */
export const libraryCodec: Codec<LibraryFile> = versionedCodec('library', libraryFileSchema);

const shardBase: Codec<ShardFile> = versionedCodec('shard', shardFileSchema);

/** annotations/<articleId>.json; a shard naming another article is damaged. */
export function shardCodec(articleId: string): Codec<ShardFile> {
  return {
    decode(raw) {
      const decoded = shardBase.decode(raw);
      if (decoded.data.articleId !== articleId) {
        throw new DamagedDataError(
          `it holds the highlights of article ${decoded.data.articleId}, not ${articleId}`,
        );
      }
      return decoded;
    },
    encode: shardBase.encode,
  };
}

/** content/<articleId>.json: derived data, compact (texts can be megabytes), unversioned. */
export const contentCodec: Codec<ContentFile> = {
  decode: (raw) => ({ data: parseOrDamaged(contentFileSchema, raw), migratedFrom: null }),
  encode: (data) => JSON.stringify(data),
};

const journalEntrySchema = z.object({ annotations: z.array(annotationSchema) });

/**
 * The journal of a shard (`annotations/<articleId>.journal`): each entry holds
 * the current state of the highlights one flush changed. Replaying keeps the
 * version of each highlight with the later `updatedAt`.
 */
export function shardJournal(articleId: string, file: string): JournalPolicy<ShardFile> {
  return {
    file,
    entry: (data, keys) => ({
      annotations: data.annotations.filter((annotation) => keys.has(annotation.id)),
    }),
    apply(data, raw) {
      const { annotations } = parseOrDamaged(journalEntrySchema, raw);
      if (annotations.some((record) => record.articleId !== articleId)) {
        throw new DamagedDataError(`the entry holds highlights of another article than ${articleId}`);
      }
      for (const record of annotations) {
        const index = data.annotations.findIndex((annotation) => annotation.id === record.id);
        const current = data.annotations[index];
        if (!current) data.annotations.push(record);
        else if (Date.parse(record.updatedAt) > Date.parse(current.updatedAt))
          data.annotations[index] = record;
      }
    },
  };
}
