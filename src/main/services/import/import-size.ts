import { GlossError } from '../../../shared/result';

const MIB = 1024 * 1024;

/** Largest file Gloss imports, in bytes: 64 MiB (stated to people as "64 MB"). */
export const MAX_IMPORT_BYTES = 64 * MIB;

/**
 * Refuses a file over MAX_IMPORT_BYTES before it is read or decoded. Loads no converter, so a
 * host checks a file's size without them.
 * @throws GlossError('too-large') naming the file, its size and the limit.
 */
export function checkImportSize(name: string, size: number): void {
  if (size <= MAX_IMPORT_BYTES) return;
  throw new GlossError(
    'too-large',
    `Cannot import “${name}”: it is ${(Math.ceil((size / MIB) * 10) / 10).toFixed(1)} MB, ` +
      `over the ${MAX_IMPORT_BYTES / MIB} MB limit.`,
  );
}
