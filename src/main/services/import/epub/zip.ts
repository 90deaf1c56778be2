import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { GlossError } from '../../../../shared/result';

const MIB = 1024 * 1024;

/** Limits on what a book's zip may hold and expand to. */
export interface ZipLimits {
  /** Most entries a book may have. */
  maxEntries: number;
  /** Most bytes all extracted entries may expand to together. */
  maxTotalBytes: number;
  /** Most bytes one extracted entry may expand to. */
  maxEntryBytes: number;
  /** Highest ratio of expanded to compressed size for an entry that expands past `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this, expanded, are not held to `maxRatio` (a page of spaces compresses well). */
  ratioFloorBytes: number;
}

/**
 * Limits for EPUB books: 10,000 entries, 256 MiB expanded in all, 64 MiB for one entry and a
 * ratio of at most 100 to 1 past 1 MiB (text compresses about 4 to 1; a zip bomb a thousand to 1).
 */
export const EPUB_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 256 * MIB,
  maxEntryBytes: 64 * MIB,
  maxRatio: 100,
  ratioFloorBytes: MIB,
};

/** Compressed bytes given to the inflater at a time: one push expands to at most about 1,000 times this. */
const PUSH_BYTES = 4096;

/** What a book's zip holds: every entry's name, and the bytes of those asked for. */
export interface ZipContents {
  names: string[];
  files: Map<string, Uint8Array>;
}

/** Thrown from inside the inflater's callback to stop it at once. */
class Refusal extends Error {
  constructor(readonly glossError: GlossError) {
    super(glossError.message);
  }
}

const refuse = (message: string): never => {
  throw new Refusal(new GlossError('unsupported', message));
};

/**
 * True for an entry name that stays inside its container: relative, with
 * forward slashes, no `..` or `.` segment, no drive letter, no NUL.
 */
export function isContainedPath(name: string): boolean {
  if (!name || name.includes('\0') || name.includes('\\') || name.startsWith('/')) return false;
  if (/^[a-z]:/i.test(name)) return false;
  return !name.split('/').some((segment) => segment === '..' || segment === '.');
}

/**
 * Reads a zip file held in memory, expanding only the entries `wanted`
 * names, with every size checked as it expands (declared sizes are not
 * trusted). Directory entries are listed but never wanted.
 * @throws GlossError('unsupported') with a sentence (no file name) when the
 *   bytes are not a zip, an entry's name leaves the container, the zip has
 *   too many entries, uses an unknown compression, or expands past `limits`.
 */
export function readZip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = EPUB_ZIP_LIMITS,
): ZipContents {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4)
    throw new GlossError('unsupported', 'it is not an EPUB book (not a zip file).');
  const names: string[] = [];
  const files = new Map<string, Uint8Array>();
  let total = 0;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  unzip.onfile = (file: UnzipFile) => {
    if (!isContainedPath(file.name))
      refuse(`its entry “${file.name}” points outside the book, which Gloss never follows.`);
    if (names.length >= limits.maxEntries)
      refuse(`it has more than ${limits.maxEntries.toLocaleString('en')} entries, more than Gloss reads.`);
    names.push(file.name);
    if (file.name.endsWith('/') || !wanted(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8)
      refuse(`its entry “${file.name}” uses a compression Gloss cannot read.`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) refuse(`it is damaged (${error.message}).`);
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes)
        refuse(`its entry “${file.name}” expands to more than ${limits.maxEntryBytes / MIB} MB.`);
      if (total > limits.maxTotalBytes)
        refuse(
          `it expands to more than ${limits.maxTotalBytes / MIB} MB, more than Gloss reads in one book.`,
        );
      if (size > limits.ratioFloorBytes && file.size !== undefined && size > file.size * limits.maxRatio)
        refuse(
          `its entry “${file.name}” expands more than ${limits.maxRatio} times: it looks like a zip bomb.`,
        );
      chunks.push(chunk);
      if (final) files.set(file.name, concat(chunks, size));
    };
    file.start();
  };
  try {
    for (let at = 0; at < bytes.length; at += PUSH_BYTES)
      unzip.push(bytes.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= bytes.length);
  } catch (error) {
    if (error instanceof Refusal) throw error.glossError;
    throw new GlossError('unsupported', `it is damaged (${(error as Error).message}).`);
  }
  return { names, files };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
