import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, readFile, realpath, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from '../fs/atomic-write';
import { readFileNoFollow } from '../fs/no-follow';
import { glossDataDir } from '../library-path';

/** A library id: 26 lower-case base-32 letters and digits (130 random bits). */
const LIBRARY_ID = /^[a-z2-7]{26}$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * What each computer keeps of a library for itself, outside the library
 * (so no sync tool carries it): the content cache (texts and book images,
 * rebuilt from the copies), the search index (rebuilt from the records), and
 * the backups of this computer's own files.
 */
const PER_COMPUTER_FOLDERS = ['content', 'search', 'backups'] as const;

/** The file in which each computer's folder names the library's id: `.gloss/devices/<id>/library-id.json`. */
const ID_FILE = 'library-id.json';

/** The id a file names, or null when it is missing or names no valid one (only 26 base-32 characters count). */
async function readLibraryId(file: string): Promise<string | null> {
  try {
    const id = (JSON.parse((await readFileNoFollow(file)).bytes.toString('utf8')) as { id?: unknown }).id;
    return typeof id === 'string' && LIBRARY_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** The library id the computers keeping the library in `root` agree on so far (see libraryIdOf), or null. */
async function agreedLibraryId(root: string): Promise<string | null> {
  const glossDir = path.join(root, '.gloss');
  const names = await readdir(path.join(glossDir, 'devices')).catch(() => []);
  let least: string | null = null;
  for (const name of names) {
    const id = await readLibraryId(path.join(glossDir, 'devices', name, ID_FILE));
    if (id !== null && (least === null || id < least)) least = id;
  }
  return least;
}

/**
 * The library's id, so that it travels with the library. Like every file of
 * the library, it has one writer: each computer writes it in its own folder
 * (`ownDir/library-id.json`), and the id is the least of those the
 * computers wrote (ids that are not 26 base-32 characters are ignored); a
 * computer that finds a lesser one than its own takes it. A new library gets
 * a random one.
 * @throws fs errors when the file cannot be written.
 */
export async function libraryIdOf(root: string, ownDir: string): Promise<string> {
  const agreed = await agreedLibraryId(root);
  const id = agreed ?? [...randomBytes(26)].map((byte) => BASE32[byte % 32]).join('');
  if ((await readLibraryId(path.join(ownDir, ID_FILE))) !== id) {
    await atomicWrite(path.join(ownDir, ID_FILE), JSON.stringify({ id }) + '\n', root);
  }
  return id;
}

/** The library folder a per-computer folder was last used for, or null. */
async function ownerOf(dir: string): Promise<string | null> {
  try {
    const owner = (JSON.parse(await readFile(path.join(dir, 'owner.json'), 'utf8')) as { path?: unknown })
      .path;
    return typeof owner === 'string' ? owner : null;
  } catch {
    return null;
  }
}

/**
 * The folder of Gloss's per-computer data (`dataDir`, by default the OS
 * app-data folder) that holds this library's caches and backups:
 * `<dataDir>/libraries/<library id>/.gloss/`, created as needed (`ownDir`:
 * this computer's folder in the library, see libraryIdOf). The name
 * comes only from the library id (checked to be 26 base-32 characters), so
 * no library content can make Gloss write elsewhere; it is a `.gloss`
 * folder so that, as in a library, no link below `<library id>/` is followed
 * (what an older Gloss kept in the library is moved there, see
 * moveCachesOutOfLibrary). A library moved on this computer keeps its
 * folder; a copy of a library opened on the same computer while the
 * original is still there gets a folder of its own (`<id>-<hash of its path>`).
 * @throws fs errors when the folder or the library id cannot be written.
 */
export async function libraryCacheDir(
  root: string,
  ownDir: string,
  dataDir: string = glossDataDir(),
): Promise<string> {
  const id = await libraryIdOf(root, ownDir);
  const real = await realpath(root);
  let dir = path.join(dataDir, 'libraries', id);
  const owner = await ownerOf(dir);
  if (owner !== null && owner !== real && (await agreedLibraryId(owner)) === id) {
    const suffix = createHash('sha256').update(real).digest('hex').slice(0, 16);
    dir = path.join(dataDir, 'libraries', `${id}-${suffix}`);
  }
  await mkdir(path.join(dir, '.gloss'), { recursive: true, mode: 0o700 });
  if ((await ownerOf(dir)) !== real) {
    await atomicWrite(path.join(dir, 'owner.json'), JSON.stringify({ path: real }) + '\n', dir);
  }
  return path.join(dir, '.gloss');
}

/**
 * Moves the per-computer folders an older Gloss kept inside the library
 * (`.gloss/content`, `.gloss/search`, `.gloss/backups`) into `cacheDir`,
 * each one whose place there is still free (renamed, or copied then removed
 * across file systems); an empty one is removed, one whose place is taken is
 * left as it is (an empty place is taken over). Nothing is deleted that was not first moved.
 * @throws fs errors.
 */
export async function moveCachesOutOfLibrary(root: string, cacheDir: string): Promise<void> {
  for (const name of PER_COMPUTER_FOLDERS) {
    const from = path.join(root, '.gloss', name);
    const to = path.join(cacheDir, name);
    let entries: string[];
    try {
      entries = await readdir(from);
    } catch {
      continue;
    }
    if (entries.length === 0) {
      await rmdir(from).catch(() => undefined);
      continue;
    }
    if ((await readdir(to).catch(() => [])).length > 0) continue;
    await rmdir(to).catch(() => undefined);
    try {
      await rename(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      // Links are copied as links: below the cache folder, as in a library, none is followed.
      await cp(from, to, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true });
      await rm(from, { recursive: true });
    }
  }
  for (const name of PER_COMPUTER_FOLDERS) await mkdir(path.join(cacheDir, name), { recursive: true });
}
