import { cp, mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from '../fs/atomic-write';
import { fileStamp } from './files';

const SHARD_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(json|journal)$/;

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Moves a library of the single-computer layout (`.gloss/library.json`,
 * `.gloss/annotations/`) into this device's folder (`ownDir`), after
 * copying them to `<backupsDir>/before-devices-<time>/` (this computer's backups). Does nothing when
 * there is nothing to move or this device already has its files (the old
 * files are then read as another device's, never written). Returns the
 * backup folder, or null when nothing was moved.
 * @throws fs errors (nothing is moved before the backup is complete).
 */
export async function migrateToDevices(
  glossDir: string,
  ownDir: string,
  backupsDir: string,
): Promise<string | null> {
  const legacy = path.join(glossDir, 'library.json');
  if (!(await exists(legacy)) || (await exists(path.join(ownDir, 'library.json')))) return null;
  const backup = path.join(backupsDir, `before-devices-${fileStamp()}`);
  await mkdir(path.join(backup, 'annotations'), { recursive: true });
  await cp(legacy, path.join(backup, 'library.json'));
  const shards = (await readdir(path.join(glossDir, 'annotations')).catch(() => [])).filter((name) =>
    SHARD_FILE.test(name),
  );
  for (const name of shards) {
    await cp(path.join(glossDir, 'annotations', name), path.join(backup, 'annotations', name));
  }
  await mkdir(path.join(ownDir, 'annotations'), { recursive: true });
  for (const name of shards) {
    await rename(path.join(glossDir, 'annotations', name), path.join(ownDir, 'annotations', name));
  }
  await fsyncDir(path.join(ownDir, 'annotations'));
  await rename(legacy, path.join(ownDir, 'library.json'));
  await fsyncDir(ownDir);
  await fsyncDir(glossDir);
  return backup;
}
