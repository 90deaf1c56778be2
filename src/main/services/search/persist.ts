import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../fs/atomic-write';
import { indexedDocsSchema, type IndexedDocs } from './model';

/** Bumped whenever the files or the indexing rules change; each version has its own folder. */
export const INDEX_SCHEMA_VERSION = 1;

const MANIFEST = 'manifest.json';

const fileRefSchema = z.object({
  file: z.string().regex(/^[a-z]+-[0-9a-z]+\.json$/),
  bytes: z.number().int(),
});

const manifestSchema = z.object({
  schemaVersion: z.literal(INDEX_SCHEMA_VERSION),
  savedAt: z.string(),
  index: fileRefSchema,
  docs: fileRefSchema,
});

/** The index as stored: MiniSearch's JSON (parsed by MiniSearch itself) and the documents. */
export interface StoredIndex {
  indexJson: string;
  docs: IndexedDocs;
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
 * Reads the index saved in `dir`. Resolves to undefined when none was ever
 * saved there.
 *
 * @throws DamagedIndexError when the files are there but unusable.
 */
export async function readStoredIndex(dir: string): Promise<StoredIndex | undefined> {
  let manifestText: string;
  try {
    manifestText = await readFile(path.join(dir, MANIFEST), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const manifest = manifestSchema.safeParse(parseJson(manifestText, MANIFEST));
  if (!manifest.success) throw new DamagedIndexError(`${MANIFEST} is not a search index manifest.`);
  const [indexJson, docsJson] = await Promise.all([
    readChecked(dir, manifest.data.index),
    readChecked(dir, manifest.data.docs),
  ]);
  const docs = indexedDocsSchema.safeParse(parseJson(docsJson, manifest.data.docs.file));
  if (!docs.success)
    throw new DamagedIndexError(`${manifest.data.docs.file} does not hold search documents.`);
  return { indexJson, docs: docs.data };
}

/**
 * Saves the index into `dir` (created if missing): each file is written
 * atomically under a new name, then the manifest naming them replaces the old
 * one, then every other file in `dir` (older generations, temporary files
 * left by a crash) is removed. A crash at any point leaves
 * the previous or the new index, whole.
 */
export async function writeStoredIndex(dir: string, indexJson: string, docsJson: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const generation = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  const index = { file: `index-${generation}.json`, bytes: Buffer.byteLength(indexJson) };
  const docs = { file: `docs-${generation}.json`, bytes: Buffer.byteLength(docsJson) };
  await atomicWrite(path.join(dir, index.file), indexJson);
  await atomicWrite(path.join(dir, docs.file), docsJson);
  const manifest: z.infer<typeof manifestSchema> = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    savedAt: new Date().toISOString(),
    index,
    docs,
  };
  await atomicWrite(path.join(dir, MANIFEST), JSON.stringify(manifest));
  const keep = new Set([MANIFEST, index.file, docs.file]);
  const stale = (await readdir(dir)).filter((name) => !keep.has(name));
  await Promise.all(stale.map((name) => rm(path.join(dir, name), { force: true })));
}

/**
 * Moves a damaged index folder aside to `<dir>.damaged` (replacing an older
 * damaged copy) so it can be inspected, and leaves `dir` free for a rebuild.
 */
export async function moveAside(dir: string): Promise<string> {
  const aside = `${dir}.damaged`;
  await rm(aside, { recursive: true, force: true });
  await rename(dir, aside);
  return aside;
}

async function readChecked(dir: string, ref: z.infer<typeof fileRefSchema>): Promise<string> {
  const file = path.join(dir, ref.file);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new DamagedIndexError(`${ref.file} is missing.`);
  }
  if (size !== ref.bytes) throw new DamagedIndexError(`${ref.file} has ${size} bytes, not ${ref.bytes}.`);
  return readFile(file, 'utf8');
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DamagedIndexError(`${name} is not valid JSON.`);
  }
}
