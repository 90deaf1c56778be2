import { z } from 'zod';
import { DamagedDataError } from './files';
import { parseOrDamaged, SCHEMA_VERSION } from './schemas';

/** The kinds of versioned files. */
export type FileKind = 'library' | 'shard';

const libraryV0 = z.looseObject({ schemaVersion: z.literal(0), articles: z.array(z.looseObject({})) });
const shardV0 = z.looseObject({ schemaVersion: z.literal(0), annotations: z.array(z.looseObject({})) });

/**
 * One step per version: steps[k][v] turns version v into v + 1. Version 0 kept
 * no tombstones (a deleted article or highlight was removed outright) and had
 * no orphan flag; version 1 adds `deleted` to articles and `deleted` and
 * `orphaned` to highlights, false for every existing record.
 */
const steps: Record<FileKind, ((raw: unknown) => unknown)[]> = {
  library: [
    (raw) => {
      const v0 = parseOrDamaged(libraryV0, raw);
      return {
        ...v0,
        schemaVersion: 1,
        articles: v0.articles.map((article) => ({ ...article, deleted: false })),
      };
    },
  ],
  shard: [
    (raw) => {
      const v0 = parseOrDamaged(shardV0, raw);
      return {
        ...v0,
        schemaVersion: 1,
        annotations: v0.annotations.map((annotation) => ({ ...annotation, deleted: false, orphaned: false })),
      };
    },
  ],
};

/**
 * Reads the schemaVersion of a parsed file.
 * @throws DamagedDataError when it is not an object with a whole, non-negative schemaVersion.
 */
export function readSchemaVersion(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DamagedDataError('the file does not hold a JSON object');
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new DamagedDataError('the file has no valid schemaVersion');
  }
  return version;
}

/**
 * Brings parsed data of version `from` up to SCHEMA_VERSION, one step at a time.
 * The result still needs validating against the current schema.
 * @throws DamagedDataError when the data does not match its own version.
 */
export function migrate(kind: FileKind, raw: unknown, from: number): unknown {
  let data = raw;
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const step = steps[kind][version];
    if (!step) throw new DamagedDataError(`Gloss cannot migrate data format version ${version}`);
    data = step(data);
  }
  return data;
}
