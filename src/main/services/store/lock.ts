import path from 'node:path';
import lockfile from 'proper-lockfile';
import { GlossError } from '../../../shared/result';

/** A lock the owner keeps fresh every few seconds; one left by a crashed process frees itself after this. */
const LOCK_STALE_MS = 10_000;

/** The hold one process has on a library. */
export interface LibraryLock {
  /** Lets the library go. Safe to call twice. */
  release(): Promise<void>;
}

function lockedMessage(libraryPath: string): string {
  return (
    `The library ${libraryPath} is open in another Gloss window or process. Close it there and try again ` +
    `(if Gloss stopped unexpectedly, the library frees itself within ${LOCK_STALE_MS / 1000} seconds).`
  );
}

/**
 * Takes the single-process lock of a library (`<library>/.gloss/lock`).
 * Should the lock be taken from under us (e.g. it went stale while the
 * machine slept and another process opened the library), it is taken back
 * when free; otherwise `onLost` receives a message and the owner must stop writing.
 *
 * @throws GlossError 'locked' when another process holds it, 'io' when it cannot be created.
 */
export async function lockLibrary(
  libraryPath: string,
  glossDir: string,
  onLost: (message: string) => void,
): Promise<LibraryLock> {
  let released = false;
  const acquire = async (): Promise<() => Promise<void>> => {
    try {
      return await lockfile.lock(glossDir, {
        lockfilePath: path.join(glossDir, 'lock'),
        stale: LOCK_STALE_MS,
        realpath: false,
        onCompromised: () => void regain(),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED')
        throw new GlossError('locked', lockedMessage(libraryPath));
      const message = error instanceof Error ? error.message : String(error);
      throw new GlossError('io', `Gloss could not lock the library ${libraryPath}: ${message}`);
    }
  };
  const regain = async () => {
    if (released) return;
    try {
      unlock = await acquire();
    } catch {
      onLost(
        `Another process took over the library ${libraryPath}. Gloss stopped saving to it so as not to ` +
          `overwrite that process's changes; restart Gloss to continue.`,
      );
    }
  };
  let unlock = await acquire();
  return {
    release: async () => {
      if (released) return;
      released = true;
      await unlock().catch(() => {
        // Already gone (compromised or removed); nothing left to release.
      });
    },
  };
}
