import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from '../fs/atomic-write';
import type { Annotation } from '../../../shared/model/annotation';
import { RecordsById } from './by-id';
import { readFileNoFollow } from '../fs/no-follow';
import { decodeBytes, type Codec } from './files';
import { shardCodec, shardJournal } from './codecs';
import { forEachLimited } from './limited';
import { noteVersionCounts, reportNoteVersions } from './absorb';
import { shardBytesAt, type ShardSource } from './devices';
import type { HybridClock } from './clock';
import { fileStateNow } from './known-joins';
import { joinShard, mergeShard } from './merge';
import { ownPart } from './own-part';
import { fillShard, stampShard } from './stamps';
import { SCHEMA_VERSION, type ShardFile } from './schemas';
import { StoredFile } from './stored-file';
import type { CommonFileOptions } from './stored-file-options';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

/** Shard files read at once when the whole library is scanned. */
const SCAN_CONCURRENCY = 16;
/** Shards modified this close before library.json's last write (ms) are still recounted, for coarse file times. */
const MTIME_SLACK_MS = 2000;
/**
 * Quiet time (ms) after the last merge of another computer's shard before the
 * merged shards are marked to be written, so a burst of merges (the first
 * open after files arrived) is not slowed by writing their results.
 */
const JOINED_QUIET_MS = 2000;
/** A shard or its journal. */
const SHARD_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(json|journal)$/;

/** How the shards of one library are opened and what happens once one is loaded. */
export interface ShardsOptions {
  /** Absolute path of `.gloss`. */
  glossDir: string;
  /** Absolute path of this computer's backups of the library (outside it). */
  backupsDir: string;
  /** This device's folder inside `.gloss` (`devices/<id>`). */
  own: string;
  deviceId: string;
  clock: HybridClock;
  /** The folders of the other devices (see otherDeviceFolders). */
  others(): Promise<string[]>;
  /** Keeps a message for the user. */
  notify(said: Notice): void;
  /** Options of a stored file at `relative` inside `.gloss`, described to the user as `what`. */
  fileOptions(relative: string, what: string): CommonFileOptions;
  /** Words naming an article in messages. */
  describe(articleId: string): string;
  /** The article's title, when known. */
  title(articleId: string): string | undefined;
  /** Called with each shard once loaded (to count its highlights). */
  loaded(articleId: string, file: StoredFile<ShardFile>): void;
}

/** What another computer's shard file held when read (see Held): that computer's latest reading, and the file's state then. */
interface HeldFile {
  reading: string;
  file: string;
  state: string;
}

/**
 * The highlights and note of each article, one file per article in this
 * device's `annotations/<articleId>.json` with an append-only journal beside
 * it, loaded lazily and kept open; once loaded, joined with the same
 * article's shard of every other device (see mergeShard).
 */
export class Shards {
  /** Finds a shard's highlights by id (see RecordsById). */
  readonly byId = new RecordsById<Annotation>();
  private readonly files = new Map<string, Promise<StoredFile<ShardFile>>>();
  /** Shards being read without being kept (see read), so calls at the same time share one read. */
  private readonly reading = new Map<string, { data: Promise<ShardFile | null>; handedOut: number }>();
  /** Shards that merged another computer's changes, to be marked changed once merging is quiet (see absorb). */
  private readonly joined = new Set<StoredFile<ShardFile>>();
  /** Per article, per other computer, what its shard file held when last merged (see ownPart). */
  private readonly held = new Map<string, Map<string, HeldFile>>();
  private joinedTimer: NodeJS.Timeout | undefined;
  /** Shards being loaded now (a load joins the other computers' files). */
  private loads = 0;

  constructor(private readonly options: ShardsOptions) {}

  /**
   * An article's shard, to read only (never mutate it): the loaded one when
   * it is loaded; otherwise, when this computer's file is all there is (no
   * journal beside it, no other computer's folder) and it reads cleanly at
   * the current schema, that file decoded and not kept, so reading every
   * article's highlights (an export of the whole library) keeps memory flat.
   * Anything else loads the shard as get does. `shared` is false when the
   * highlights were read for this call alone (they may then be handed out as
   * they are); calls for the `note` alone do not count.
   * @throws GlossError as get.
   */
  async read(
    articleId: string,
    wanted: 'all' | 'note' = 'all',
  ): Promise<{ data: ShardFile; shared: boolean }> {
    const loading = this.files.get(articleId);
    if (loading) return { data: (await loading).data, shared: true };
    let reading = this.reading.get(articleId);
    if (!reading) {
      reading = {
        data: this.readAlone(articleId).finally(() => this.reading.delete(articleId)),
        handedOut: 0,
      };
      this.reading.set(articleId, reading);
    }
    if (wanted === 'all') reading.handedOut++;
    const data = await reading.data;
    if (!data) return { data: (await this.get(articleId)).data, shared: true };
    return { data, shared: reading.handedOut > 1 };
  }

  /** This computer's shard file of an article, decoded, when nothing else must be joined into it; else null. */
  private async readAlone(articleId: string): Promise<ShardFile | null> {
    if ((await this.options.others()).length > 0) return null;
    const journal = await stat(this.journalFile(articleId)).catch(() => null);
    if (journal && journal.size > 0) return null;
    try {
      const decoded = decodeBytes(
        shardCodec(articleId, true),
        (await readFileNoFollow(this.ownFile(articleId))).bytes,
      );
      // Loaded meanwhile: the loaded shard may hold changes not yet on disk.
      if (this.files.has(articleId)) return null;
      return decoded.migratedFrom === null ? decoded.data : null;
    } catch {
      // Missing, damaged, linked or newer: loading it restores, reports or refuses it.
      return null;
    }
  }

  /** The shard of an article, loaded once (missing file: an empty shard). @throws GlossError 'damaged', 'newer-schema', 'io'. */
  get(articleId: string): Promise<StoredFile<ShardFile>> {
    let loading = this.files.get(articleId);
    if (!loading) {
      this.loads++;
      loading = StoredFile.open(
        {
          ...this.options.fileOptions(
            path.join(this.options.own, 'annotations', `${articleId}.json`),
            `the highlights and notes of ${this.options.describe(articleId)}`,
          ),
          codec: this.ownCodec(articleId),
          journal: shardJournal(articleId, this.journalFile(articleId), this.byId),
          merge: mergeShard,
          stamp: (data, keys) => stampShard(data, keys, this.options.clock, this.options.deviceId, this.byId),
          whenLost: 'highlights',
        },
        (): ShardFile => ({ schemaVersion: SCHEMA_VERSION, articleId, note: '', annotations: [] }),
      ).then(async (file) => {
        await this.absorb(articleId, file, await this.options.others());
        // Read back after a failed write: this computer's file holds only its part, so the others are merged again.
        file.onReload = () => {
          this.options.loaded(articleId, file);
          void this.options
            .others()
            .then((folders) => this.absorb(articleId, file, folders))
            .then(() => this.options.loaded(articleId, file))
            .catch(() => undefined);
        };
        this.options.loaded(articleId, file);
        return file;
      });
      void loading.then(
        () => this.loads--,
        () => this.loads--,
      );
      this.files.set(articleId, loading);
      loading.catch(() => {
        if (this.files.get(articleId) === loading) this.files.delete(articleId);
      });
    }
    return loading;
  }

  /**
   * This computer's shard file of an article: read as written (see
   * shardCodec), written as its own part of the merged shard (see ownPart),
   * dropping only what another computer's file held when last merged and
   * still holds (its state unchanged since; when changed, it may hold less
   * until read again).
   */
  private ownCodec(articleId: string): Codec<ShardFile> {
    const codec = shardCodec(articleId);
    return {
      decode: codec.decode,
      encode: (data) => {
        const held = new Map<string, string>();
        for (const [device, file] of this.held.get(articleId) ?? []) {
          if (fileStateNow(file.file) === file.state) held.set(device, file.reading);
        }
        return codec.encode(ownPart(data, this.options.deviceId, held));
      },
    };
  }

  /** Notes what another computer's shard file held once it is merged into the loaded shard (see ownCodec). */
  noteHeld(articleId: string, source: ShardSource, folder: string): void {
    const device = path.basename(folder);
    let byDevice = this.held.get(articleId);
    if (!byDevice) this.held.set(articleId, (byDevice = new Map()));
    byDevice.set(device, { reading: source.held, file: source.file, state: source.state });
  }

  /**
   * Joins the shards other devices wrote for an article (in `folders`) into
   * the one just loaded (as read from disk: every field already stamped, so
   * it is not stamped again); true when that changed it. Each is read at
   * every load: this computer's file holds only its own part. A shard that
   * cannot be read is reported and left as it is. A changed shard is written
   * once no shard is loading and none has been merged for JOINED_QUIET_MS
   * (or at the next flush, or with a change of its own): until then the
   * other computers' files still hold what was merged.
   */
  private async absorb(articleId: string, file: StoredFile<ShardFile>, folders: string[]): Promise<boolean> {
    if (folders.length === 0) return false;
    let absorbed = false;
    const versions = noteVersionCounts(file.data);
    const unreadable = (folder: string, error: unknown) =>
      this.options.notify(
        notice('notices.otherHighlightsUnreadable', {
          article: this.options.describe(articleId),
          folder,
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
    const sources: [string, ShardSource][] = [];
    for (const folder of folders) {
      try {
        const source = await shardBytesAt(folder, articleId);
        if (source) sources.push([folder, source]);
      } catch (error) {
        unreadable(folder, error);
      }
    }
    // Joined with no wait between: the shard is filled in and its highlights found by id once for every join.
    fillShard(file.data);
    const byId = new Map(file.data.annotations.map((annotation) => [annotation.id, annotation]));
    for (const [folder, source] of sources) {
      try {
        if (joinShard(file.data, source.decode(), byId)) absorbed = true;
        this.noteHeld(articleId, source, folder);
      } catch (error) {
        unreadable(folder, error);
      }
    }
    if (!absorbed) return false;
    reportNoteVersions(this.options.notify, this.options.title(articleId), file.data, versions);
    this.joined.add(file);
    this.markJoinedWhenQuiet();
    return true;
  }

  /** Calls markJoined once JOINED_QUIET_MS pass with no merge and no shard loading. */
  private markJoinedWhenQuiet(): void {
    clearTimeout(this.joinedTimer);
    this.joinedTimer = setTimeout(() => {
      if (this.loads > 0) this.markJoinedWhenQuiet();
      else void this.markJoined();
    }, JOINED_QUIET_MS);
  }

  /**
   * Marks every shard merged since the last call changed, to be written once
   * quiet, unless this computer's file already is what it would write (a merge
   * that brought only what the other computers' own files hold).
   */
  private async markJoined(): Promise<void> {
    clearTimeout(this.joinedTimer);
    const joined = [...this.joined];
    this.joined.clear();
    await Promise.all(
      joined.map(async (file) => {
        const { articleId } = file.data;
        const onDisk = await readFileNoFollow(this.ownFile(articleId)).catch(() => null);
        if (onDisk?.bytes.toString('utf8') !== this.ownCodec(articleId).encode(file.data))
          file.changed('idle');
      }),
    );
  }

  /** The shard of an article if loaded (or loading). */
  peek(articleId: string): Promise<StoredFile<ShardFile>> | undefined {
    return this.files.get(articleId);
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
    const ids = new Set<string>();
    const own = path.join(this.options.glossDir, this.options.own);
    for (const folder of [own, ...(await this.options.others())]) {
      const dir = path.join(folder, 'annotations');
      for (const name of await readdir(dir).catch(() => [])) {
        const id = SHARD_FILE.exec(name)?.[1];
        if (!id || !known(id)) continue;
        const { mtimeMs } = await stat(path.join(dir, name));
        if (indexMtimeMs !== null && mtimeMs < indexMtimeMs - MTIME_SLACK_MS) continue;
        ids.add(id);
      }
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
    this.held.delete(articleId);
    if (loading) await (await loading.catch(() => undefined))?.dispose();
    const dir = path.join(this.options.glossDir, this.options.own, 'annotations');
    await rm(path.join(dir, `${articleId}.json`), { force: true });
    await rm(this.journalFile(articleId), { force: true });
    await fsyncDir(dir);
    await rm(path.join(this.options.backupsDir, 'annotations', articleId), {
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
    await this.markJoined();
    await Promise.all((await this.loaded()).map((file) => file?.flush(complete)));
  }

  /** Drops pending changes and timers of every loaded shard. */
  async dispose(): Promise<void> {
    clearTimeout(this.joinedTimer);
    this.joined.clear();
    await Promise.all((await this.loaded()).map((file) => file?.dispose()));
  }

  private loaded(): Promise<(StoredFile<ShardFile> | undefined)[]> {
    return Promise.all([...this.files.values()].map((loading) => loading.catch(() => undefined)));
  }

  private ownFile(articleId: string): string {
    return path.join(this.options.glossDir, this.options.own, 'annotations', `${articleId}.json`);
  }

  private journalFile(articleId: string): string {
    return path.join(this.options.glossDir, this.options.own, 'annotations', `${articleId}.journal`);
  }
}
