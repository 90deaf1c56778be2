import type { Adapter } from 'lowdb';
import { atomicWrite } from '../fs/atomic-write';
import { loadJsonFile, writeBackup, type JsonFileOptions } from './files';

/** The lowdb adapter: validated reads (see loadJsonFile), atomic writes, periodic validated backups. */
export class ValidatedJsonAdapter<T> implements Adapter<T> {
  /** Modification time of the file the data was loaded from; null when it started empty. */
  loadedMtimeMs: number | null = null;
  private lastBackupAt = -Infinity;

  constructor(private readonly options: JsonFileOptions<T>) {}

  async read(): Promise<T | null> {
    const loaded = await loadJsonFile(this.options);
    this.loadedMtimeMs = loaded?.mtimeMs ?? null;
    return loaded?.data ?? null;
  }

  async write(data: T): Promise<void> {
    const text = this.options.codec.encode(data);
    await atomicWrite(this.options.file, text);
    const policy = this.options.backups;
    if (policy && Date.now() - this.lastBackupAt >= policy.intervalMs) {
      this.lastBackupAt = Date.now();
      try {
        await writeBackup(this.options, policy, text);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.options.notify(
          `Gloss saved ${this.options.what} but could not back it up in ${policy.dir}: ${message}.`,
        );
      }
    }
  }
}
