import { createHash, randomBytes } from 'node:crypto';
import { cp, link, mkdir, readdir, readFile, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from '../fs/atomic-write';
import { readFileNoFollow } from '../fs/no-follow';
import { glossDataDir } from '../library-path';
import { fileStamp } from './files';

/** A library id: 26 lower-case base-32 letters and digits (130 random bits). */
const LIBRARY_ID = /^[a-z2-7]{26}$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * What each computer keeps of a library for itself, outside the library
 * (so no sync tool carries it): the content cache (texts and book images,
 * rebuilt from the copies), the search index (rebuilt from the records), and
 * the backups of this computer's own files.
 */
export const PER_COMPUTER_FOLDERS = ['content', 'search', 'backups'] as const;

/** The file naming a library, shared by every computer that keeps it: `.gloss/library-id.json`. */
function idFile(root: string): string {
  return path.join(root, '.gloss', 'library-id.json');
}

/** The id written in a library, or null when it has none or holds no valid one (only 26 base-32 characters count). */
async function readLibraryId(root: string): Promise<string | null> {
  try {
    const id = (
      JSON.parse((await readFileNoFollow(idFile(root), root)).bytes.toString('utf8')) as { id?: unknown }
    ).id;
    return typeof id === 'string' && LIBRARY_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * The library's id, kept in `.gloss/library-id.json` so that it travels with
 * the library: written once, when missing, never rewritten. A file that
 * holds no valid id (damaged, or a link) is moved aside and replaced.
 * @throws fs errors when the file cannot be written.
 */
export async function libraryIdOf(root: string): Promise<string> {
  const file = idFile(root);
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = await readLibraryId(root);
    if (id) return id;
    await rename(file, `${file}.damaged-${fileStamp()}`).catch(() => undefined);
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const fresh = [...randomBytes(26)].map((byte) => BASE32[byte % 32]).join('');
    await writeFile(temp, JSON.stringify({ id: fresh }) + '\n', { flag: 'wx' });
    try {
      await link(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(temp, { force: true });
    }
  }
  throw new Error(`${file} does not hold a library id and cannot be replaced.`);
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
 * `<dataDir>/libraries/<library id>/.gloss/`, created as needed. The name
 * comes only from the library id (checked to be 26 base-32 characters), so
 * no library content can make Gloss write elsewhere; it is a `.gloss`
 * folder so that, as in a library, no link below `<library id>/` is followed
 * (what an older Gloss kept in the library is moved there, see
 * moveCachesOutOfLibrary). A library moved on this computer keeps its
 * folder; a copy of a library opened on the same computer while the
 * original is still there gets a folder of its own (`<id>-<hash of its path>`).
 * @throws fs errors when the folder or the library id cannot be written.
 */
export async function libraryCacheDir(root: string, dataDir: string = glossDataDir()): Promise<string> {
  const id = await libraryIdOf(root);
  const real = await realpath(root);
  let dir = path.join(dataDir, 'libraries', id);
  const owner = await ownerOf(dir);
  if (owner !== null && owner !== real && (await readLibraryId(owner)) === id) {
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
