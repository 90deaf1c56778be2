import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { LibraryStore, type LibraryStoreOptions } from '../library-store';

/** Stores opened as one computer or another, closed together (in afterEach, or mid-test). */
export class Computers {
  private readonly open: LibraryStore[] = [];

  /** Opens the library folder `dir` as the computer `deviceId` (following other computers only when asked). */
  readonly openAs = async (
    dir: string,
    deviceId: string,
    options: LibraryStoreOptions = {},
  ): Promise<LibraryStore> => {
    const store = await LibraryStore.open(dir, { deviceId, followIntervalMs: 60_000, ...options });
    this.open.push(store);
    return store;
  };

  /** Closes every store opened so far. */
  readonly closeAll = async (): Promise<void> => {
    for (const store of this.open.splice(0)) await store.close();
  };
}

/** What a sync tool does: copies one device's folder (and the copies in articles/) from one library folder to another. */
export function syncDevice(from: string, to: string, deviceId: string): void {
  const folder = path.join('.gloss', 'devices', deviceId);
  rmSync(path.join(to, folder), { recursive: true, force: true });
  cpSync(path.join(from, folder), path.join(to, folder), { recursive: true });
  cpSync(path.join(from, 'articles'), path.join(to, 'articles'), { recursive: true });
}
