import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { libraryRootOf, openNoFollow } from './no-follow';

/**
 * Replaces `file` with `data` (a string, bytes, or pieces of either written
 * in order) atomically: writes a temporary file in the same
 * folder, fsyncs it, renames it over the target and fsyncs the folder, so a
 * crash leaves either the old or the new content, never a mix. Inside a
 * library (`root`, by default the library of a path under `.gloss/`), no
 * folder on the way may be a symbolic link; a link at `file` itself is
 * replaced, never followed.
 *
 * @throws GlossError('forbidden') for a link on the way; the underlying fs
 *   error (ENOENT when the folder is missing, EACCES, ENOSPC...).
 */
export async function atomicWrite(
  file: string,
  data: string | Uint8Array | Iterable<string | Uint8Array>,
  root: string | null = libraryRootOf(file),
): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(
    dir,
    `.${leadingBytes(path.basename(file), TEMP_STEM_BYTES)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await openNoFollow(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, root);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    // writeFile continues from the current position: the pieces follow one another.
    else for (const piece of data) await handle.writeFile(piece);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dir);
}

/** Bytes of the target's name kept in a temporary file's name, so it stays within NAME_MAX (255) whatever the target. */
const TEMP_STEM_BYTES = 64;

/** The longest start of `name` that fits in `maxBytes` of UTF-8, cut between code points. */
function leadingBytes(name: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of name) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    end += char.length;
  }
  return name.slice(0, end);
}

/** Flushes a folder's entries (a rename) to disk; a no-op where folders cannot be opened (Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  } finally {
    await handle.close();
  }
}
