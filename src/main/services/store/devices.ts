import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readFileNoFollow } from '../fs/no-follow';
import { glossDataDir } from '../library-path';
import { decodeBytes } from './files';
import { libraryCodec, shardCodec, shardJournal } from './codecs';
import { fileState } from './known-joins';
import { heldReading } from './own-part';
import type { LibraryFile, ShardFile } from './schemas';
import { SCHEMA_VERSION } from './schemas';

/** A device id: 16 lower-case base-32 letters and digits. */
const DEVICE_ID = /^[a-z2-7]{16}$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** The folder (inside `.gloss`) holding one device's own files. */
export function deviceFolder(glossDir: string, deviceId: string): string {
  return path.join(glossDir, 'devices', deviceId);
}

function newDeviceId(): string {
  return [...randomBytes(16)].map((byte) => BASE32[byte % 32]).join('');
}

/**
 * This computer's device id, kept in `device.json` of Gloss's own data
 * folder (`dataDir`, default the OS app-data folder, which XDG_CONFIG_HOME
 * moves), never in a library, so a copied library does not clone it.
 * Generated once; two processes starting together agree on one.
 * @throws fs errors when the folder cannot be written.
 */
export async function deviceIdOf(dataDir: string = glossDataDir()): Promise<string> {
  const file = path.join(dataDir, 'device.json');
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const id = (JSON.parse(await readFile(file, 'utf8')) as { id?: unknown }).id;
      if (typeof id === 'string' && DEVICE_ID.test(id)) return id;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
    }
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify({ id: newDeviceId() }) + '\n');
    try {
      await link(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
  throw new Error(`${file} does not hold a device id and cannot be replaced.`);
}

/**
 * The folders another computer (or an older Gloss, `.gloss` itself, read
 * only) wrote its files in: every `.gloss/devices/<id>` but this device's,
 * and `.gloss` when it still holds a library.json.
 */
export async function otherDeviceFolders(glossDir: string, deviceId: string): Promise<string[]> {
  let names: string[] = [];
  try {
    names = await readdir(path.join(glossDir, 'devices'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const folders = names
    .filter((name) => DEVICE_ID.test(name) && name !== deviceId)
    .sort()
    .map((name) => deviceFolder(glossDir, name));
  if (await exists(path.join(glossDir, 'library.json'))) folders.push(glossDir);
  return folders;
}

/** Whether `file` can be read (looked up only: the folders are listed every few seconds). */
async function exists(file: string): Promise<boolean> {
  return access(file, constants.R_OK).then(
    () => true,
    () => false,
  );
}

async function readOptional(file: string): Promise<Buffer | null> {
  try {
    return (await readFileNoFollow(file)).bytes;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
/** The bytes of another device's file(s), their digest, and how to decode them (validated only when asked). */
export interface DeviceFileSource<T> {
  /** SHA-1 (hex) of the bytes read; equal digests mean equal content. */
  digest: string;
  /** @throws DamagedDataError, NewerSchemaError. */
  decode(): T;
}

function digestOf(...parts: (Buffer | null)[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part ? `${part.length}:` : '-:').update(part ?? Buffer.alloc(0));
  return hash.digest('hex');
}

/**
 * Another device's library.json read as bytes (see DeviceFileSource); null when it has none.
 * @throws fs errors.
 */
export async function libraryBytesAt(
  folder: string,
  name = 'library.json',
): Promise<DeviceFileSource<LibraryFile> | null> {
  const bytes = await readOptional(path.join(folder, name));
  return bytes && { digest: digestOf(bytes), decode: () => decodeBytes(libraryCodec, bytes).data };
}

/**
 * Another device's library.json, read only; null when it has none.
 * @throws DamagedDataError, NewerSchemaError, fs errors.
 */
export async function readLibraryAt(folder: string, name = 'library.json'): Promise<LibraryFile | null> {
  return (await libraryBytesAt(folder, name))?.decode() ?? null;
}

function decodeShard(
  articleId: string,
  bytes: Buffer | null,
  journal: Buffer | null,
  journalFile: string,
  fileRead?: (data: ShardFile) => void,
): ShardFile {
  const data: ShardFile = bytes
    ? decodeBytes(shardCodec(articleId), bytes).data
    : { schemaVersion: SCHEMA_VERSION, articleId, note: '', annotations: [] };
  fileRead?.(data);
  const apply = journal && shardJournal(articleId, journalFile).replay(data);
  for (const line of (journal ?? Buffer.alloc(0)).toString('utf8').split('\n')) {
    if (line.trim() === '' || !apply) continue;
    try {
      apply(JSON.parse(line));
    } catch {
      // A torn or damaged line: its writer replays or reports it.
    }
  }
  return data;
}

/**
 * A shard file and a journal (either may be missing) read into one shard,
 * read only. Unreadable journal lines are skipped (their writer replays or
 * reports them).
 * @throws DamagedDataError, NewerSchemaError, fs errors.
 */
export async function readShardFiles(
  articleId: string,
  file: string | null,
  journalFile: string | null,
): Promise<ShardFile | null> {
  const bytes = file ? await readOptional(file) : null;
  const journal = journalFile ? await readOptional(journalFile) : null;
  if (!bytes && !journal) return null;
  return decodeShard(articleId, bytes, journal, journalFile ?? '');
}

/** Another device's shard of an article and its journal, read (see shardBytesAt). */
export interface ShardSource extends DeviceFileSource<ShardFile> {
  /** The shard file (not its journal): its path, and its state when read (see fileState). */
  file: string;
  state: string;
  /** Once decoded, what the shard file (not its journal) holds of that device's changes (see heldReading). */
  held: string;
}

/**
 * Another device's shard of an article and its journal read as bytes, to be
 * decoded (journal replayed, see readShardFiles) only when their digest is
 * new; null when it has neither.
 * @throws fs errors.
 */
export async function shardBytesAt(folder: string, articleId: string): Promise<ShardSource | null> {
  const dir = path.join(folder, 'annotations');
  const file = path.join(dir, `${articleId}.json`);
  const journalFile = path.join(dir, `${articleId}.journal`);
  const [bytes, journal] = await Promise.all([readOptional(file), readOptional(journalFile)]);
  if (!bytes && !journal) return null;
  // Taken after the read: a file replaced meanwhile holds more than was read, never less.
  const state = await fileState(file);
  const device = path.basename(folder);
  const source: ShardSource = {
    digest: digestOf(bytes, journal),
    file,
    state,
    held: '',
    decode: () =>
      decodeShard(
        articleId,
        bytes,
        journal,
        journalFile,
        (data) => (source.held = heldReading(data, device)),
      ),
  };
  return source;
}

/** Another device's shard of an article, journal replayed (see readShardFiles); null when it has none. */
export async function readShardAt(folder: string, articleId: string): Promise<ShardFile | null> {
  return (await shardBytesAt(folder, articleId))?.decode() ?? null;
}
