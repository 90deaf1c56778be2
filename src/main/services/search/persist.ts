import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { lstat, readdir, rename, rm, truncate } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../fs/atomic-write';
import { mkdirNoFollow, openNoFollow, readFileNoFollow, refuseLinks } from '../fs/no-follow';
import { logRecordSchema, savedDocsSchema, type LogRecord, type SavedDocs } from './model';

/** Bumped whenever the files or the indexing rules change; each version has its own folder. */
export const INDEX_SCHEMA_VERSION = 3;

const MANIFEST = 'manifest.json';

const fileRefSchema = z.object({
  file: z.string().regex(/^[a-z]+-[0-9a-z]+\.[a-z]+$/),
  bytes: z.number().int(),
});

const manifestSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  savedAt: z.string(),
  /** MiniSearch's JSON. */
  index: fileRefSchema,
  /** Articles and highlights (SavedDocs), JSON in UTF-16LE (Vietnamese decodes several times faster than from UTF-8). */
  docs: fileRefSchema,
  /** Changes since `index` and `docs` were written, one LogRecord per line (JSON, UTF-8), appended. */
  log: z.object({ file: fileRefSchema.shape.file }),
});

/** The files of a saved index, as named by its manifest. */
export type IndexFiles = z.infer<typeof manifestSchema>;

/** A saved index, read. */
export interface StoredIndex {
  files: IndexFiles;
  indexJson: string;
  docs: SavedDocs;
  /** The log's records, oldest first, to apply over `docs` and the index. */
  log: LogRecord[];
  /** Bytes of the log file (its whole records; a torn last line is cut off). */
  logBytes: number;
}

/** The stored index cannot be used: a file is missing, truncated, not JSON or not of the expected shape. */
export class DamagedIndexError extends Error {
  override name = 'DamagedIndexError';
}

/**
 * The folder holding the search index of a library in its cache folder
 * (`cacheDir`, see LibraryStore.cacheDir), one per schema version so versions
 * never overwrite each other.
 */
export function indexDir(cacheDir: string): string {
  return path.join(cacheDir, 'search', `v${INDEX_SCHEMA_VERSION}`);
}

/**
 * Reads the index saved in `dir`, checking each file's size against the
 * manifest and the documents against their schema. Resolves to undefined
 * when none was ever saved there.
 *
 * @throws DamagedIndexError when the files are there but unusable; fs errors
 *   other than a missing manifest as they are.
 */
export async function readStoredIndex(dir: string): Promise<StoredIndex | undefined> {
  let manifestText: string;
  try {
    manifestText = (await readFileNoFollow(path.join(dir, MANIFEST))).bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const manifest = manifestSchema.safeParse(parseJson(manifestText, MANIFEST));
  if (!manifest.success) throw new DamagedIndexError(`${MANIFEST} is not a search index manifest.`);
  const files = manifest.data;
  const [index, docsBytes] = await Promise.all([readChecked(dir, files.index), readChecked(dir, files.docs)]);
  const docs = savedDocsSchema.safeParse(parseJson(docsBytes.toString('utf16le'), files.docs.file));
  if (!docs.success) throw new DamagedIndexError(`${files.docs.file} does not hold search documents.`);
  const { log, logBytes } = await readLog(path.join(dir, files.log.file));
  return { files, indexJson: index.toString('utf8'), docs: docs.data, log, logBytes };
}

/**
 * The records of a log file. A last line without its line end (a crash
 * during an append) is cut off the file, so the next append starts clean.
 *
 * @throws DamagedIndexError when the file is missing or a whole line is not a record.
 */
async function readLog(file: string): Promise<{ log: LogRecord[]; logBytes: number }> {
  let bytes: Buffer;
  try {
    bytes = (await readFileNoFollow(file)).bytes;
  } catch {
    throw new DamagedIndexError(`${path.basename(file)} is missing.`);
  }
  const whole = bytes.lastIndexOf(0x0a) + 1;
  if (whole < bytes.length) await truncate(file, whole);
  const lines = bytes.toString('utf8', 0, whole).split('\n').slice(0, -1);
  const log = lines.map((line) => {
    const record = logRecordSchema.safeParse(parseJson(line, path.basename(file)));
    if (!record.success)
      throw new DamagedIndexError(`${path.basename(file)} holds a line that is not a change.`);
    return record.data;
  });
  return { log, logBytes: whole };
}

/** What a full save writes. */
export interface IndexParts {
  indexJson: string;
  docsJson: string;
}

/**
 * Saves the index into `dir` (created if missing): each new file (index,
 * docs and an empty log) is written atomically under a new name, then the
 * manifest naming them replaces the old one. Resolves to the new manifest;
 * a crash at any point leaves the previous or the new index, whole. Files
 * no manifest names stay until `removeUnnamed`.
 *
 * @throws fs errors (ENOSPC, EACCES...).
 */
export async function writeStoredIndex(dir: string, parts: IndexParts): Promise<IndexFiles> {
  await mkdirNoFollow(dir);
  const generation = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  const write = async (name: string, extension: string, bytes: Uint8Array) => {
    const file = `${name}-${generation}.${extension}`;
    await atomicWrite(path.join(dir, file), bytes);
    return { file, bytes: bytes.byteLength };
  };
  const files: IndexFiles = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    savedAt: new Date().toISOString(),
    index: await write('index', 'json', Buffer.from(parts.indexJson, 'utf8')),
    docs: await write('docs', 'bin', Buffer.from(parts.docsJson, 'utf16le')),
    log: { file: (await write('log', 'jsonl', new Uint8Array())).file },
  };
  await atomicWrite(path.join(dir, MANIFEST), JSON.stringify(files));
  return files;
}

/**
 * Appends one record to the log `files` names, and flushes it to disk
 * (fdatasync) before resolving. Resolves to the bytes written.
 *
 * @throws fs errors (ENOSPC, EACCES...); a partly written line is cut off at the next load.
 */
export async function appendLog(dir: string, files: IndexFiles, record: LogRecord): Promise<number> {
  const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
  const handle = await openNoFollow(
    path.join(dir, files.log.file),
    constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
  );
  try {
    await handle.write(bytes);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  return bytes.length;
}

/** Removes every file of `dir` that `files` does not name (older generations, temporary files left by a crash). */
export async function removeUnnamed(dir: string, files: IndexFiles): Promise<void> {
  const keep = new Set([MANIFEST, files.index.file, files.docs.file, files.log.file]);
  await refuseLinks(dir);
  const stale = (await readdir(dir)).filter((name) => !keep.has(name));
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
}

/**
 * Moves a damaged index folder aside to `<dir>.damaged` (replacing an older
 * damaged copy) so it can be inspected, and leaves `dir` free for a rebuild.
 */
export async function moveAside(dir: string): Promise<void> {
  const aside = `${dir}.damaged`;
  await refuseLinks(dir);
  await refuseLinks(aside);
  await rm(aside, { recursive: true, force: true });
  await rename(dir, aside);
}

async function checkSize(dir: string, ref: z.infer<typeof fileRefSchema>): Promise<void> {
  let size: number;
  try {
    const info = await lstat(path.join(dir, ref.file));
    if (!info.isFile()) throw new DamagedIndexError(`${ref.file} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof DamagedIndexError) throw error;
    throw new DamagedIndexError(`${ref.file} is missing.`);
  }
  if (size !== ref.bytes) throw new DamagedIndexError(`${ref.file} has ${size} bytes, not ${ref.bytes}.`);
}

async function readChecked(dir: string, ref: z.infer<typeof fileRefSchema>): Promise<Buffer> {
  await checkSize(dir, ref);
  return (await readFileNoFollow(path.join(dir, ref.file))).bytes;
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DamagedIndexError(`${name} is not valid JSON.`);
  }
}
