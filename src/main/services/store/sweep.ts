import { lstat, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from '../fs/atomic-write';
import { mkdirNoFollow } from '../fs/no-follow';
import { fileStamp } from './files';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

/** A temporary file of an interrupted atomicWrite (see atomicWrite). */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;
/** A content cache file of one article. */
const CONTENT_FILE =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(json|utf16le|blocks)$/;

/** What the index says is in use. */
export interface InUse {
  /** Copies the index refers to, as `articles/<name>`. */
  sourceFiles: ReadonlySet<string>;
  /** Ids of the articles in the index (tombstones included). */
  articleIds: ReadonlySet<string>;
  /** Leave every copy in `articles/` (other computers share the library: a copy may arrive before its record). */
  keepCopies?: boolean;
}

/** Regular files in `dir` (relative to `root`) that `isDebris` picks; none when the folder is missing. */
async function debrisIn(root: string, dir: string, isDebris: (name: string) => boolean): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(path.join(root, dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: string[] = [];
  for (const name of names) {
    if (!isDebris(name)) continue;
    const info = await lstat(path.join(root, dir, name)).catch(() => null);
    if (info?.isFile()) found.push(path.join(dir, name));
  }
  return found;
}

/**
 * Moves what interrupted writes and imports left behind into
 * `.gloss/orphaned-copies/<time>/`, keeping each file's path inside the
 * library: temporary files of atomic writes; and, when `inUse` is given
 * (the index loaded as it was saved, not restored), copies in `articles/`
 * that no article of the index refers to. The same is done in this
 * computer's cache folder (`cacheDir`, see libraryCacheDir) for its
 * temporary files and the content caches of no article of the index, moved
 * to `<cacheDir>/orphaned-copies/<time>/`. Nothing is deleted; shards and
 * journals are never moved. Call with the library locked, before anything
 * else writes; `own` is this device's folder inside `.gloss` (other devices'
 * folders are never touched). Returns a notice for the user per folder
 * something was moved to.
 * @throws GlossError('forbidden') for a link on the way; fs errors.
 */
export async function sweepDebris(
  root: string,
  inUse: InUse | null,
  own: string,
  cacheDir: string,
): Promise<Notice[]> {
  const temp = (name: string) => TEMP_NAME.test(name);
  const found = [
    ...(await debrisIn(root, '.gloss', temp)),
    ...(await debrisIn(root, '.gloss/annotations', temp)),
    ...(await debrisIn(root, `.gloss/${own}`, temp)),
    ...(await debrisIn(root, `.gloss/${own}/annotations`, temp)),
  ];
  const cached = await debrisIn(cacheDir, 'content', temp);
  if (inUse) {
    found.push(
      ...(await debrisIn(
        root,
        'articles',
        (name) => temp(name) || (!inUse.keepCopies && !inUse.sourceFiles.has(`articles/${name}`)),
      )),
    );
    cached.push(
      ...(await debrisIn(cacheDir, 'content', (name) => {
        const id = CONTENT_FILE.exec(name)?.[1];
        return id !== undefined && !inUse.articleIds.has(id);
      })),
    );
  } else {
    found.push(...(await debrisIn(root, 'articles', temp)));
  }
  const notices = [
    await moveAside(root, path.join(root, '.gloss', 'orphaned-copies', fileStamp()), found),
    await moveAside(cacheDir, path.join(cacheDir, 'orphaned-copies', fileStamp()), cached),
  ];
  return notices.filter((said) => said !== null);
}

/** Moves `found` (paths relative to `base`) to the same paths under `target`; the notice saying so, or null for none. */
async function moveAside(base: string, target: string, found: string[]): Promise<Notice | null> {
  if (found.length === 0) return null;
  for (const relative of found) {
    const destination = path.join(target, relative);
    await mkdirNoFollow(path.dirname(destination), base);
    await rename(path.join(base, relative), destination);
  }
  for (const dir of new Set(found.map((relative) => path.dirname(relative)))) {
    await fsyncDir(path.join(base, dir));
  }
  return notice('notices.debrisMoved', { count: found.length, target });
}
