import { constants } from 'node:fs';
import { lstat, mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../../../shared/result';

/**
 * A library folder is untrusted (it may have been copied or synced from
 * elsewhere): below its root Gloss follows no symbolic link, so no link can
 * make it read, write or delete a file outside the library. Each path is
 * checked component by component with lstat, and files are opened with
 * O_NOFOLLOW where the system has it. The root itself may be a link.
 * A check made now cannot stop a link swapped in afterwards by another
 * program; it stops links that are already there.
 */

/**
 * The folders of a library, relative to its root, checked when it is opened
 * (`.gloss/content`, `backups` and `search` are where an older Gloss kept
 * what each computer now keeps outside the library: checked before they are moved out).
 */
const LIBRARY_FOLDERS = [
  'articles',
  '.gloss',
  '.gloss/annotations',
  '.gloss/content',
  '.gloss/backups',
  '.gloss/backups/annotations',
  '.gloss/backups/library',
  '.gloss/search',
];

/** Those created when the library is opened; the others are made when first written. */
const CREATED_FOLDERS = ['articles', '.gloss'];

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;

/** The error for a symbolic link (or other non-file) found where Gloss keeps its data. */
export function refusedLink(file: string, what = 'a symbolic link'): GlossError {
  return new GlossError(
    'forbidden',
    `Gloss refused to use ${file}: it is ${what}, and a library may hold only real folders and files ` +
      `(a link could lead Gloss to read or change files outside the library). Replace it with a real ` +
      `folder or file, or remove it.`,
  );
}

/**
 * The library a path under `<library>/.gloss/` belongs to: the folder that
 * holds the nearest `.gloss` above it; null for a path outside any `.gloss`.
 */
export function libraryRootOf(file: string): string | null {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === '.gloss') return path.dirname(dir);
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * Refuses `file` when it, or any folder between `root` and it, is a
 * symbolic link. Components that do not exist yet end the check (Gloss
 * creates them as real folders or files). Paths outside `root`, or with no
 * root, are not checked.
 * @throws GlossError('forbidden') naming the link; fs errors other than a missing path.
 */
export async function refuseLinks(file: string, root: string | null = libraryRootOf(file)): Promise<void> {
  if (root === null) return;
  const relative = path.relative(root, path.resolve(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return;
  let current = root;
  for (const part of relative.split(path.sep)) {
    current = path.join(current, part);
    let isLink: boolean;
    try {
      isLink = (await lstat(current)).isSymbolicLink();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw error;
    }
    if (isLink) throw refusedLink(current);
  }
}

/**
 * Opens a file without following a link at any step below its library's
 * root (see refuseLinks) nor at the file itself (O_NOFOLLOW), and refuses
 * anything that is not a regular file (a FIFO would block, a device would
 * read forever). `flags` as for fs.open, numeric.
 * @throws GlossError('forbidden') for a link or a non-file; fs errors (ENOENT...) as they are.
 */
export async function openNoFollow(
  file: string,
  flags: number,
  root: string | null = libraryRootOf(file),
): Promise<FileHandle> {
  await refuseLinks(path.dirname(file), root);
  let handle: FileHandle;
  try {
    handle = await open(file, flags | NO_FOLLOW | NON_BLOCK, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw refusedLink(file);
    throw error;
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw refusedLink(file, 'not a regular file');
  }
  return handle;
}

/**
 * Reads a whole file as openNoFollow opens it, with its modification time (ms since epoch).
 * @throws as openNoFollow.
 */
export async function readFileNoFollow(
  file: string,
  root: string | null = libraryRootOf(file),
): Promise<{ bytes: Buffer; mtimeMs: number }> {
  const handle = await openNoFollow(file, constants.O_RDONLY, root);
  try {
    const { mtimeMs } = await handle.stat();
    return { bytes: await handle.readFile(), mtimeMs };
  } finally {
    await handle.close();
  }
}

/**
 * Creates a folder (and its parents) below a library's root, refusing a link on the way.
 * @throws GlossError('forbidden') naming the link; fs errors.
 */
export async function mkdirNoFollow(dir: string, root: string | null = libraryRootOf(dir)): Promise<void> {
  await refuseLinks(dir, root);
  await mkdir(dir, { recursive: true });
}

/**
 * Checks that none of a library's own folders (articles/, .gloss/ and those
 * inside it) is a link, then creates articles/ and .gloss/ where missing.
 * @throws GlossError('forbidden') naming the first link found; 'io' when a folder cannot be created.
 */
export async function prepareLibraryFolders(root: string): Promise<void> {
  for (const folder of LIBRARY_FOLDERS) await refuseLinks(path.join(root, folder), root);
  try {
    for (const folder of CREATED_FOLDERS) await mkdir(path.join(root, folder), { recursive: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GlossError('io', `Gloss cannot create the library folder ${root}: ${message}`);
  }
}
