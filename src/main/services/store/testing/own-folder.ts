import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { glossDataDir } from '../../library-path';

/** This computer's device id as the store finds it (see deviceIdOf), created the same way when missing. */
export function testDeviceId(): string {
  const file = path.join(glossDataDir(), 'device.json');
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const { id } = JSON.parse(readFileSync(file, 'utf8')) as { id: string };
      return id;
    } catch {
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const id = [...randomBytes(16)].map((byte) => 'abcdefghijklmnopqrstuvwxyz234567'[byte % 32]).join('');
      writeFileSync(temp, JSON.stringify({ id }) + '\n');
      try {
        linkSync(temp, file);
      } catch {
        // Another test process made it first.
      } finally {
        unlinkSync(temp);
      }
    }
  }
  throw new Error(`no device id in ${file}`);
}

/** The folder of a library holding this computer's records: `.gloss/devices/<deviceId>`. */
export function ownFolder(libraryDir: string): string {
  return path.join(libraryDir, '.gloss', 'devices', testDeviceId());
}

/** This computer's lock file of a library. */
export function lockFileOf(libraryDir: string): string {
  return path.join(libraryDir, '.gloss', 'locks', `${testDeviceId()}.lock`);
}

/** This computer's folder for a library's caches and backups (see libraryCacheDir), once the library was opened. */
export function cacheOf(libraryDir: string): string {
  const { id } = JSON.parse(readFileSync(path.join(ownFolder(libraryDir), 'library-id.json'), 'utf8')) as {
    id: string;
  };
  return path.join(glossDataDir(), 'libraries', id, '.gloss');
}
