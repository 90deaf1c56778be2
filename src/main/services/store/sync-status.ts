import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SyncStatus } from '../../../shared/model/sync';

/** Newest modification time (ms) of the files in a device's folder and its annotations; null when it has none. */
async function lastWrite(folder: string): Promise<number | null> {
  let newest: number | null = null;
  for (const dir of [folder, path.join(folder, 'annotations')]) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const info = await stat(path.join(dir, name)).catch(() => null);
      if (info?.isFile() && (newest === null || info.mtimeMs > newest)) newest = info.mtimeMs;
    }
  }
  return newest;
}

/**
 * Which computers keep the library (one folder each in `.gloss/devices/`),
 * this one first, and when each last wrote there (ISO 8601, by the times of
 * its files; null when it wrote nothing yet).
 * @throws fs errors other than a missing folder.
 */
export async function syncStatus(glossDir: string, deviceId: string): Promise<SyncStatus> {
  let names: string[] = [];
  try {
    names = await readdir(path.join(glossDir, 'devices'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const ids = [deviceId, ...names.filter((name) => name !== deviceId && /^[a-z2-7]{16}$/.test(name)).sort()];
  const devices = await Promise.all(
    ids.map(async (id) => {
      const written = await lastWrite(path.join(glossDir, 'devices', id));
      return {
        id,
        self: id === deviceId,
        lastWrite: written === null ? null : new Date(written).toISOString(),
      };
    }),
  );
  return { deviceId, devices };
}
