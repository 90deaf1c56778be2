import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { lstat, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../fs/atomic-write';
import { mkdirNoFollow, readFileNoFollow, refuseLinks } from '../fs/no-follow';
import { savedDocsSchema, type SavedDocs } from './model';

/** Bumped whenever the files or the indexing rules change; each version has its own folder. */
export const INDEX_SCHEMA_VERSION = 1;

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
  /** Search forms of all article texts, one after another, each Latin-1 when it can be, else UTF-16LE. */
  forms: fileRefSchema,
  /** All article texts, one after another, UTF-16LE, read a passage at a time for snippets. */
  texts: fileRefSchema,
});

/** The files of a saved index, as named by its manifest. */
export type IndexFiles = z.infer<typeof manifestSchema>;

/** A saved index, read: everything but the texts and forms, which are read when needed (see RangeReader). */
export interface StoredIndex {
  files: IndexFiles;
  indexJson: string;
  docs: SavedDocs;
}

/** The stored index cannot be used: a file is missing, truncated, not JSON or not of the expected shape. */
export class DamagedIndexError extends Error {
  override name = 'DamagedIndexError';
}

/** The folder holding the search index of a library, one per schema version so versions never overwrite each other. */
export function indexDir(libraryPath: string): string {
  return path.join(libraryPath, '.gloss', 'search', `v${INDEX_SCHEMA_VERSION}`);
}

/**
 * Reads the index saved in `dir`, checking each file's size against the
 * manifest and the documents against their schema. Resolves to undefined
 * when none was ever saved there.
 *
 * @throws DamagedIndexError when the files are there but unusable;
 *   GlossError('forbidden') for a symbolic link in the way; fs errors other
 *   than a missing manifest as they are.
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
  await checkSize(dir, files.texts);
  await checkSize(dir, files.forms);
  const [index, docsBytes] = await Promise.all([readChecked(dir, files.index), readChecked(dir, files.docs)]);
  const docs = savedDocsSchema.safeParse(parseJson(docsBytes.toString('utf16le'), files.docs.file));
  if (!docs.success) throw new DamagedIndexError(`${files.docs.file} does not hold search documents.`);
  return { files, indexJson: index.toString('utf8'), docs: docs.data };
}

/** What to save; `forms` and `texts` are left out when they have not changed since `previous`. */
export interface IndexParts {
  indexJson: string;
  docsJson: string;
  forms?: Uint8Array;
  texts?: Uint8Array;
}

/**
 * Saves the index into `dir` (created if missing): each new file is written
 * atomically under a new name, then the manifest naming them replaces the old
 * one. Forms and texts not given are kept from `previous`. Resolves to the
 * new manifest; a crash at any point leaves the previous or the new index,
 * whole. Files no manifest names stay until `removeUnnamed`.
 *
 * @throws GlossError('forbidden') for a symbolic link in the way; fs errors
 *   (ENOSPC, EACCES...); a missing forms or texts part with no previous save
 *   to keep it from is a programming error.
 */
export async function writeStoredIndex(
  dir: string,
  parts: IndexParts,
  previous?: IndexFiles,
): Promise<IndexFiles> {
  await mkdirNoFollow(dir);
  const generation = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  const write = async (name: string, bytes: Uint8Array) => {
    const file = `${name}-${generation}.${name === 'index' ? 'json' : 'bin'}`;
    await atomicWrite(path.join(dir, file), bytes);
    return { file, bytes: bytes.byteLength };
  };
  const kept = (name: 'forms' | 'texts') => {
    if (!previous) throw new Error(`No saved ${name} to keep.`);
    return previous[name];
  };
  const files: IndexFiles = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    savedAt: new Date().toISOString(),
    index: await write('index', Buffer.from(parts.indexJson, 'utf8')),
    docs: await write('docs', Buffer.from(parts.docsJson, 'utf16le')),
    forms: parts.forms === undefined ? kept('forms') : await write('forms', parts.forms),
    texts: parts.texts === undefined ? kept('texts') : await write('texts', parts.texts),
  };
  await atomicWrite(path.join(dir, MANIFEST), JSON.stringify(files));
  return files;
}

/** Removes every file of `dir` that `files` does not name (older generations, temporary files left by a crash). */
export async function removeUnnamed(dir: string, files: IndexFiles): Promise<void> {
  const keep = new Set([MANIFEST, files.index.file, files.docs.file, files.forms.file, files.texts.file]);
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

/**
 * Reads byte ranges of a saved file (texts or forms) as text, opening it on
 * first use; `close` when done. A read that fails (no file, the file
 * vanished or was cut) gives undefined rather than throwing, so a search can
 * still answer.
 */
export class RangeReader {
  private fd: number | undefined;

  constructor(private readonly file: string | undefined) {}

  /** The bytes from `start` to `end` (exclusive) decoded as `encoding`. */
  read(start: number, end: number, encoding: 'utf16le' | 'latin1'): string | undefined {
    if (this.file === undefined) return undefined;
    try {
      this.fd ??= openSync(this.file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
      const buffer = Buffer.allocUnsafe(end - start);
      const read = readSync(this.fd, buffer, 0, buffer.length, start);
      return read === buffer.length ? buffer.toString(encoding) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Closes the file if it was opened. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
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
