import { lstat } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { atomicWrite } from '../fs/atomic-write';
import { loadJsonFile, writeBackup, type JsonFileOptions } from './files';
import { notice } from '../notice';

/** What identifies one version of a file on disk. */
interface Stamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The stamp of the file at `file` now; null when there is none. @throws fs errors other than ENOENT. */
async function stampOf(file: string): Promise<Stamp | null> {
  try {
    const { ino, size, mtimeMs } = await lstat(file);
    return { ino, size, mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The lowdb adapter: validated reads (see loadJsonFile), atomic writes, validated backups. */
export class ValidatedJsonAdapter<T> implements Adapter<T> {
  /** Modification time of the file the data was loaded from; null when it started empty. */
  loadedMtimeMs: number | null = null;
  private lastBackupAt = -Infinity;
  /** The file as this process last read or wrote it (null: there was none). */
  private stamp: Stamp | null = null;
  /** The bytes of the last write, while their backup is due (see takeBackup). */
  private dueBackup: Buffer | null = null;

  constructor(private readonly options: JsonFileOptions<T>) {}

  /** Bytes of the file as this process last read or wrote it (0 when there was none). */
  get bytes(): number {
    return this.stamp?.size ?? 0;
  }

  async read(): Promise<T | null> {
    const loaded = await loadJsonFile(this.options);
    this.loadedMtimeMs = loaded?.mtimeMs ?? null;
    this.stamp = await stampOf(this.options.file);
    return loaded?.data ?? null;
  }

  /**
   * Whether the file on disk is not the one this process last read or
   * wrote (another process wrote it since); a file removed since counts as
   * unchanged (there is nothing to merge).
   * @throws fs errors other than ENOENT.
   */
  async changedOnDisk(): Promise<boolean> {
    const now = await stampOf(this.options.file);
    const then = this.stamp;
    if (now === null) return false;
    return then === null || now.ino !== then.ino || now.size !== then.size || now.mtimeMs !== then.mtimeMs;
  }

  /**
   * Writes the file atomically. When `backup` is set or none was taken in the backup interval, a
   * validated backup of what was written is due: `takeBackup` writes it.
   * @throws the errors of atomicWrite.
   */
  async write(data: T, backup = false): Promise<void> {
    // Encoded to bytes once, for the file and its backup.
    const text = Buffer.from(this.options.codec.encode(data));
    await atomicWrite(this.options.file, text);
    this.stamp = await stampOf(this.options.file);
    const policy = this.options.backups;
    if (policy && (backup || Date.now() - this.lastBackupAt >= policy.intervalMs)) {
      this.lastBackupAt = Date.now();
      this.dueBackup = text;
    }
  }

  /**
   * Writes the backup the last `write` made due, if any: after the write is acknowledged, as the
   * written file holds the changes already. A failed backup is reported, not thrown.
   */
  async takeBackup(): Promise<void> {
    const text = this.dueBackup;
    const policy = this.options.backups;
    this.dueBackup = null;
    if (!text || !policy) return;
    try {
      await writeBackup(this.options, policy, text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.notify(
        notice('notices.backupFailed', {
          what: this.options.what,
          source: this.options.file,
          dir: policy.dir,
          detail: message,
        }),
      );
    }
  }
}
