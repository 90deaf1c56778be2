import path from 'node:path';
import { GlossError } from '../../../shared/result';
import type { BackupPolicy } from './files';
import type { StoredFileOptions } from './stored-file';
import type { Notice } from '../../../shared/model/notice';

/** Write tuning of one open library. */
export interface StoreTuning {
  /** Regular backups kept per file. Default 5. */
  backupsToKeep: number;
  /** A file is backed up at most once per this many ms (and on its first write in a session). Default 10 minutes. */
  backupIntervalMs: number;
}

/** What the files of one library report to: messages for the user, and whether its lock was lost. */
export interface StoreHealth {
  notices: Notice[];
  /** Why the library lock was lost; writes are refused from then on. */
  lostLock: string | undefined;
  /** Answers waiting long-polls (a notice arrived). */
  wake(): void;
}

/** The options every stored file of a library shares (all but how it is encoded, merged, and what to say when it is lost). */
export type CommonFileOptions = Omit<StoredFileOptions<unknown>, 'codec' | 'whenLost' | 'journal' | 'merge'>;

/** Quiet period after which derived index data (highlight counts) is written and shard journals are folded in, in ms. */
const IDLE_DELAY_MS = 2000;

/** Where a library's stored files live and how they are kept: shared by every file of one open library. */
export interface FileSite {
  /** The library's `.gloss` folder. */
  glossDir: string;
  /** This computer's backups folder, outside the library. */
  backupsDir: string;
  tuning: StoreTuning;
  health: StoreHealth;
}

/**
 * Options shared by every stored file of a library; `relative` is its path
 * inside `.gloss`, `what` names it for the user. Backups (kept by this
 * computer, outside the library) go to `<backupsDir>/<backupAs without .json>` (default `relative`).
 */
export function storedFileOptions(
  { glossDir, backupsDir, tuning, health }: FileSite,
  relative: string,
  what: string,
  backupAs: string = relative,
): CommonFileOptions {
  const backups: BackupPolicy = {
    dir: path.join(backupsDir, backupAs.replace(/\.json$/, '')),
    keep: tuning.backupsToKeep,
    intervalMs: tuning.backupIntervalMs,
  };
  return {
    file: path.join(glossDir, relative),
    what,
    backups,
    notify: (said: Notice) => {
      health.notices.push(said);
      health.wake();
    },
    idleDelayMs: IDLE_DELAY_MS,
    beforeWrite: () => {
      if (health.lostLock) throw new GlossError('locked', health.lostLock);
    },
  };
}
