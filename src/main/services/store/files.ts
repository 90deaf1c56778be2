import { isUtf8 } from 'node:buffer';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../../shared/result';
import { atomicWrite, fsyncDir } from '../fs/atomic-write';
import { mkdirNoFollow, readFileNoFollow, refuseLinks } from '../fs/no-follow';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

/** Data read from disk that cannot be used; the message says why, as a clause ("the file is empty"). */
export class DamagedDataError extends Error {}

/** A file written by a newer Gloss (its schemaVersion is above the one this build knows). */
export class NewerSchemaError extends Error {
  constructor(readonly version: number) {
    super(`data format version ${version}`);
  }
}

/** What decoding yields: current-version data, and the version it was migrated from (null when none). */
export interface Decoded<T> {
  data: T;
  migratedFrom: number | null;
}

/** How one kind of file turns into data and back. */
export interface Codec<T> {
  /**
   * Validates parsed JSON (migrating older versions) into current data.
   * @throws DamagedDataError when it does not match the schema; NewerSchemaError for a newer version.
   */
  decode(raw: unknown): Decoded<T>;
  /** Serialises data for disk. */
  encode(data: T): string;
}

/** Where and how often a file is backed up. */
export interface BackupPolicy {
  /** Folder holding this file's backups, one `<timestamp>.json` each. */
  dir: string;
  /** Regular backups kept (the newest ones); pre-migration copies are kept apart from this count. */
  keep: number;
  /** A write takes a backup when none was taken for this file in the last `intervalMs` of this session. */
  intervalMs: number;
}

/** Everything needed to read one JSON file safely. */
export interface JsonFileOptions<T> {
  file: string;
  /** Names the file's content for messages, e.g. `the library index`. */
  what: string;
  codec: Codec<T>;
  backups: BackupPolicy | null;
  /** What the user is told when a damaged file could not be restored from a backup (see `notices.lost`). */
  whenLost: 'index' | 'content' | 'highlights';
  /** Receives notices for the user (damage found and repaired, saves that failed). */
  notify: (said: Notice) => void;
}

/** Data loaded from disk, with the modification time of the file it came from (ms since epoch). */
export interface Loaded<T> {
  data: T;
  mtimeMs: number;
}

/**
 * Parses and validates a file's bytes.
 * @throws DamagedDataError (empty, NUL bytes, not UTF-8, not JSON, schema mismatch); NewerSchemaError.
 */
export function decodeBytes<T>(codec: Codec<T>, bytes: Uint8Array): Decoded<T> {
  if (bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) {
    throw new DamagedDataError('the file is empty');
  }
  if (bytes.includes(0)) {
    throw new DamagedDataError('the file contains NUL bytes, as an interrupted write or a disk fault leaves');
  }
  if (!isUtf8(bytes)) throw new DamagedDataError('the file is not valid UTF-8 text');
  // Checked above, so decoded without a second check (TextDecoder's fatal mode is many times slower).
  const decoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // A leading byte order mark is not part of the JSON (TextDecoder dropped it too).
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DamagedDataError('the file is not valid JSON (it may have been cut short)');
  }
  return codec.decode(raw);
}

let lastStampMs = 0;

/** A file-name-safe timestamp, strictly increasing within this process (`2025-05-01T10-00-00.123Z`). */
export function fileStamp(): string {
  lastStampMs = Math.max(Date.now(), lastStampMs + 1);
  return new Date(lastStampMs).toISOString().replace(/:/g, '-');
}

const BACKUP_NAME = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z(\.[a-z0-9-]+)?\.json$/;

/** Backup file names of one file, newest first; tagged ones (pre-migration copies) included. */
async function listBackups(dir: string): Promise<string[]> {
  let names: string[];
  try {
    await refuseLinks(dir);
    names = await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  return names.filter((name) => BACKUP_NAME.test(name)).sort((a, b) => (a < b ? 1 : -1));
}

/**
 * Writes a backup copy of `bytes`, reads it back and validates it before
 * rotating older ones out, so a bad copy never displaces a good one.
 * `tag` marks a copy kept outside the rotation (e.g. `before-migration-v0`).
 */
export async function writeBackup<T>(
  options: JsonFileOptions<T>,
  policy: BackupPolicy,
  bytes: string | Uint8Array,
  tag?: string,
): Promise<void> {
  await mkdirNoFollow(policy.dir);
  const file = path.join(policy.dir, `${fileStamp()}${tag ? `.${tag}` : ''}.json`);
  await atomicWrite(file, bytes);
  try {
    decodeBytes(options.codec, (await readFileNoFollow(file)).bytes);
  } catch {
    await rm(file, { force: true });
    options.notify(notice('notices.backupUnverified', { what: options.what, source: options.file, file }));
    return;
  }
  const regular = (await listBackups(policy.dir)).filter((name) => BACKUP_NAME.exec(name)?.[1] === undefined);
  for (const name of regular.slice(policy.keep)) await rm(path.join(policy.dir, name), { force: true });
  await removeStaleTemps(policy.dir);
}

const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Removes temporary files an interrupted atomicWrite left in `dir` (call only when no write to it is running). */
export async function removeStaleTemps(dir: string): Promise<void> {
  await refuseLinks(dir);
  for (const name of await readdir(dir)) {
    if (TEMP_NAME.test(name)) await rm(path.join(dir, name), { force: true });
  }
}

/** Moves a damaged file aside to `<file>.damaged-<timestamp>` and returns the new path. */
async function moveAside(file: string): Promise<string> {
  const aside = `${file}.damaged-${fileStamp()}`;
  await rename(file, aside);
  await fsyncDir(path.dirname(file));
  return aside;
}

/** Restores the newest backup that validates; null when there is none. */
async function restoreNewestBackup<T>(
  options: JsonFileOptions<T>,
  policy: BackupPolicy,
): Promise<(Loaded<T> & { from: string }) | null> {
  for (const name of await listBackups(policy.dir)) {
    const backup = path.join(policy.dir, name);
    try {
      const { bytes, mtimeMs } = await readFileNoFollow(backup);
      const { data } = decodeBytes(options.codec, bytes);
      await atomicWrite(options.file, options.codec.encode(data));
      return { data, mtimeMs, from: backup };
    } catch (error) {
      if (!(error instanceof DamagedDataError || error instanceof NewerSchemaError)) throw error;
    }
  }
  return null;
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function ioError(what: string, file: string, error: unknown): GlossError {
  const message = error instanceof Error ? error.message : String(error);
  return new GlossError('io', `Gloss could not read ${what} (${file}): ${message}`);
}

/**
 * Reads and validates one JSON file. A missing file gives null (or, when
 * backups of it exist, the newest valid backup, with a notice). A damaged
 * file is moved aside, never overwritten; the newest valid backup is
 * restored in its place and the user is told both paths. An older schema
 * version is migrated after a copy of the original is kept as a backup.
 *
 * @throws GlossError 'newer-schema' (file left untouched), 'forbidden' (a
 *   symbolic link where the file or a folder above it should be) or 'io'.
 */
export async function loadJsonFile<T>(options: JsonFileOptions<T>): Promise<Loaded<T> | null> {
  const { file, what, backups } = options;
  let bytes: Buffer;
  let mtimeMs: number;
  try {
    ({ bytes, mtimeMs } = await readFileNoFollow(file));
  } catch (error) {
    if (error instanceof GlossError) throw error;
    if (!isNotFound(error)) throw ioError(what, file, error);
    if (!backups || (await listBackups(backups.dir)).length === 0) return null;
    const restored = await restoreNewestBackup(options, backups);
    const What = capitalise(what);
    options.notify(
      restored
        ? notice('notices.missingRestored', { What, file, backup: restored.from })
        : notice('notices.missingLost', { What, file, dir: backups.dir, lost: options.whenLost }),
    );
    return restored;
  }
  let decoded: Decoded<T>;
  try {
    decoded = decodeBytes(options.codec, bytes);
  } catch (error) {
    if (error instanceof NewerSchemaError) {
      throw new GlossError(
        'newer-schema',
        `${file} was written by a newer version of Gloss (${error.message}). Update Gloss to open this library; the file was left unchanged.`,
      );
    }
    if (!(error instanceof DamagedDataError)) throw error;
    const aside = await moveAside(file);
    const restored = backups ? await restoreNewestBackup(options, backups) : null;
    const params = { what, file, detail: error.message, aside };
    options.notify(
      restored
        ? notice('notices.damagedRestored', { ...params, backup: restored.from })
        : notice('notices.damagedLost', { ...params, lost: options.whenLost }),
    );
    return restored;
  }
  if (decoded.migratedFrom !== null) {
    if (backups) await writeBackup(options, backups, bytes, `before-migration-v${decoded.migratedFrom}`);
    await atomicWrite(file, options.codec.encode(decoded.data));
  }
  return { data: decoded.data, mtimeMs };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
