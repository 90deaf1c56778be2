import { z } from 'zod';
import { DamagedDataError, NewerSchemaError, type Codec } from './files';
import { migrate, readSchemaVersion, type FileKind } from './migrations';
import { joinShard } from './merge';
import { ARTICLE_NOTE, deferStamps, fillDeferred, fillLibrary, fillShard, metaOf } from './stamps';
import type { JournalPolicy } from './journal-policy';
import { annotationSchema, type Annotation } from '../../../shared/model/annotation';
import type { RecordsById } from './by-id';
import {
  contentFileSchema,
  libraryFileSchema,
  parseOrDamaged,
  SCHEMA_VERSION,
  shardFileSchema,
  syncMetaSchema,
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

/** A codec whose data, when written before clocks existed, gets stamps from its dates (see fillLibrary). */
function stamped<T extends { sync?: unknown }>(codec: Codec<T>, fill: (data: T) => void): Codec<T> {
  return {
    decode(raw) {
      const decoded = codec.decode(raw);
      if (decoded.data.sync === undefined) fill(decoded.data);
      return decoded;
    },
    encode: codec.encode,
  };
}

const libraryPlain = versionedCodec('library', libraryFileSchema);

/**
 * library.json. One written before clocks gets its stamps (see fillLibrary) only once they are asked
 * for, from the file's JSON as read, whatever changed since (see deferStamps): a command that only
 * reads never computes them. A migrated one gets them at once (migrating may change that JSON).
 */
export const libraryCodec: Codec<LibraryFile> = {
  decode(raw) {
    const decoded = libraryPlain.decode(raw);
    if (decoded.data.sync !== undefined) return decoded;
    if (decoded.migratedFrom !== null) {
      fillLibrary(decoded.data);
      return decoded;
    }
    deferStamps(decoded.data, () => {
      const asRead = parseOrDamaged(libraryFileSchema, raw);
      fillLibrary(asRead);
      return metaOf(asRead);
    });
    return decoded;
  },
  encode(data) {
    // Never written without the stamps it was read without.
    fillDeferred(data);
    return encodePretty(data);
  },
};

const shardPlain = versionedCodec('shard', shardFileSchema);
const shardBase: Codec<ShardFile> = stamped(shardPlain, fillShard);

/**
 * annotations/<articleId>.json; a shard naming another article is damaged.
 * `forReading`: a shard only read, never written nor merged, is left without
 * the stamps a shard written before clocks would get (see fillShard).
 */
export function shardCodec(articleId: string, forReading = false): Codec<ShardFile> {
  const base = forReading ? shardPlain : shardBase;
  return {
    decode(raw) {
      const decoded = base.decode(raw);
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

const journalEntrySchema = z.object({
  annotations: z.array(annotationSchema),
  sync: syncMetaSchema.optional(),
});

/**
 * The journal of a shard (`annotations/<articleId>.journal`): each entry holds
 * the current state of the highlights one flush changed, with their stamps.
 * Replaying joins each entry into the shard (see joinShard), so replaying an
 * entry already folded in changes nothing. `byId` finds the changed highlights without a scan of the shard.
 */
export function shardJournal(
  articleId: string,
  file: string,
  byId?: RecordsById<Annotation>,
): JournalPolicy<ShardFile> {
  return {
    file,
    entry: (data, keys) => {
      const annotations = byId
        ? byId.find(data.annotations, keys)
        : data.annotations.filter((annotation) => keys.has(annotation.id));
      const sync = data.sync && {
        records: Object.fromEntries(annotations.map((a) => [a.id, data.sync?.records[a.id] ?? {}])),
        notes: Object.fromEntries(
          annotations.flatMap((a) => {
            const note = data.sync?.notes[a.id];
            return note ? [[a.id, note]] : [];
          }),
        ),
        gone: {},
      };
      return sync ? { annotations, sync } : { annotations };
    },
    replay(data) {
      // Once for the whole journal: the shard's stamps filled in and its highlights found by id.
      fillShard(data);
      const byId = new Map(data.annotations.map((annotation) => [annotation.id, annotation]));
      return (raw) => {
        const { annotations, sync } = parseOrDamaged(journalEntrySchema, raw);
        if (annotations.some((record) => record.articleId !== articleId)) {
          throw new DamagedDataError(`the entry holds highlights of another article than ${articleId}`);
        }
        // The entry says nothing of the article's note: it carries the shard's, so joining keeps it.
        const note = metaOf(data).notes[ARTICLE_NOTE];
        const entry: ShardFile = {
          schemaVersion: SCHEMA_VERSION,
          articleId,
          note: data.note,
          annotations,
          sync: {
            records: sync?.records ?? {},
            notes: { ...sync?.notes, ...(note && { [ARTICLE_NOTE]: note }) },
            gone: sync?.gone ?? {},
          },
        };
        fillShard(entry);
        joinShard(data, entry, byId);
      };
    },
  };
}
