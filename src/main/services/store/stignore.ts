import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { atomicWrite } from '../fs/atomic-write';

/** First line of the `.stignore` Gloss writes; a file without it is the user's own and left alone. */
const MARK = '// Written by Gloss: caches and files of this computer only, not to be synced.';

/**
 * What Syncthing must not sync of what each computer keeps in the library for
 * itself: locks, temporary files, debris moved aside, local notices, and the
 * caches and backups an older Gloss kept there (now outside the library, see libraryCacheDir).
 */
export const STIGNORE = [
  MARK,
  '/.gloss/search',
  '/.gloss/content',
  '/.gloss/backups',
  '/.gloss/locks',
  '/.gloss/lock',
  '/.gloss/orphaned-copies',
  '/.gloss/conflicts',
  '/.gloss/notices.jsonl',
  '(?d).*.tmp',
  '(?d)*.damaged-*',
  '',
].join('\n');

/**
 * Writes `.stignore` in the library folder for Syncthing (see STIGNORE)
 * unless the user keeps their own there, or it is current.
 * @throws fs errors.
 */
export async function writeStignore(root: string): Promise<void> {
  const file = path.join(root, '.stignore');
  const current = await readFile(file, 'utf8').catch(() => null);
  if (current === STIGNORE || (current !== null && !current.startsWith(MARK))) return;
  await atomicWrite(file, STIGNORE);
}
