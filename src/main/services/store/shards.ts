import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from '../fs/atomic-write';
import { shardCodec, shardJournal } from './codecs';
import { forEachLimited } from './limited';
import { SCHEMA_VERSION, type ShardFile } from './schemas';
import { StoredFile } from './stored-file';
import type { CommonFileOptions } from './stored-file-options';

/** Shard files read at once when the whole library is scanned. */
const SCAN_CONCURRENCY = 16;
/** Shards modified this close before library.json's last write (ms) are still recounted, for coarse file times. */
const MTIME_SLACK_MS = 2000;
/** A shard or its journal. */
const SHARD_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(json|journal)$/;

/** How the shards of one library are opened and what happens once one is loaded. */
export interface ShardsOptions {
  /** Absolute path of `.gloss`. */
  glossDir: string;
  /** Options of a stored file at `relative` inside `.gloss`, described to the user as `what`. */
  fileOptions(relative: string, what: string): CommonFileOptions;
  /** Words naming an article in messages. */
  describe(articleId: string): string;
  /** Called with each shard once loaded (to count its highlights). */
  loaded(articleId: string, file: StoredFile<ShardFile>): void;
}

/**
 * The highlights and note of each article, one file per article in
 * `.gloss/annotations/<articleId>.json` with an append-only journal beside it,
 * loaded lazily and kept open.
 */
export class Shards {
  private readonly files = new Map<string, Promise<StoredFile<ShardFile>>>();

  constructor(private readonly options: ShardsOptions) {}

  /** The shard of an article, loaded once (missing file: an empty shard). @throws GlossError 'damaged', 'newer-schema', 'io'. */
  get(articleId: string): Promise<StoredFile<ShardFile>> {
    let loading = this.files.get(articleId);
    if (!loading) {
      loading = StoredFile.open(
        {
          ...this.options.fileOptions(
            `annotations/${articleId}.json`,
            `the highlights and notes of ${this.options.describe(articleId)}`,
          ),
          codec: shardCodec(articleId),
          journal: shardJournal(articleId, this.journalFile(articleId)),
          whenLost: 'No valid backup was found, so that article starts without highlights or note.',
        },
        (): ShardFile => ({ schemaVersion: SCHEMA_VERSION, articleId, note: '', annotations: [] }),
      ).then((file) => {
        file.onReload = () => this.options.loaded(articleId, file);
        this.options.loaded(articleId, file);
        return file;
      });
      this.files.set(articleId, loading);
      loading.catch(() => {
        if (this.files.get(articleId) === loading) this.files.delete(articleId);
      });
    }
    return loading;
  }

  /** Loads the shards of the given articles, a few files at a time; returned in the same order. */
  async getAll(ids: string[]): Promise<StoredFile<ShardFile>[]> {
    const files = new Map<string, StoredFile<ShardFile>>();
    await forEachLimited(ids, SCAN_CONCURRENCY, async (id) => {
      files.set(id, await this.get(id));
    });
    return ids.map((id) => files.get(id) as StoredFile<ShardFile>);
  }

  /**
   * Loads the shards of `known` articles written after library.json was
   * (`indexMtimeMs`; null: every shard), so their highlight counts are recounted.
   */
  async loadWrittenSince(indexMtimeMs: number | null, known: (id: string) => boolean): Promise<void> {
    const dir = path.join(this.options.glossDir, 'annotations');
    const ids = new Set<string>();
    for (const name of await readdir(dir)) {
      const id = SHARD_FILE.exec(name)?.[1];
      if (!id || !known(id)) continue;
      const { mtimeMs } = await stat(path.join(dir, name));
      if (indexMtimeMs !== null && mtimeMs < indexMtimeMs - MTIME_SLACK_MS) continue;
      ids.add(id);
    }
    await forEachLimited([...ids], SCAN_CONCURRENCY, async (id) => {
      // A shard that cannot be read (e.g. from a newer Gloss) reports itself when the article is opened.
      await this.get(id).catch(() => undefined);
    });
  }

  /** Removes an article's shard, journal and their backups for good (pending changes are dropped). */
  async purge(articleId: string): Promise<void> {
    const loading = this.files.get(articleId);
    this.files.delete(articleId);
    if (loading) await (await loading.catch(() => undefined))?.dispose();
    await rm(path.join(this.options.glossDir, 'annotations', `${articleId}.json`), { force: true });
    await rm(this.journalFile(articleId), { force: true });
    await fsyncDir(path.join(this.options.glossDir, 'annotations'));
    await rm(path.join(this.options.glossDir, 'backups', 'annotations', articleId), {
      recursive: true,
      force: true,
    });
  }

  /** Calls `loaded` again for every shard loaded so far (e.g. to recount highlights into a reloaded index). */
  recount(): void {
    for (const [articleId, loading] of this.files) {
      void loading.then((file) => this.options.loaded(articleId, file)).catch(() => undefined);
    }
  }

  /** Writes every loaded shard's pending changes (see StoredFile.flush). */
  async flush(complete: boolean): Promise<void> {
    await Promise.all((await this.loaded()).map((file) => file?.flush(complete)));
  }

  /** Drops pending changes and timers of every loaded shard. */
  async dispose(): Promise<void> {
    await Promise.all((await this.loaded()).map((file) => file?.dispose()));
  }

  private loaded(): Promise<(StoredFile<ShardFile> | undefined)[]> {
    return Promise.all([...this.files.values()].map((loading) => loading.catch(() => undefined)));
  }

  private journalFile(articleId: string): string {
    return path.join(this.options.glossDir, 'annotations', `${articleId}.journal`);
  }
}
