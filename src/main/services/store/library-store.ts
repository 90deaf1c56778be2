import { GlossError } from '../../../shared/result';
import { type Annotation } from '../../../shared/model/annotation';
import { type ArticleMeta } from '../../../shared/model/article';
import { type Settings } from '../../../shared/model/settings';
import { type Tag, type TagInfo } from '../../../shared/model/tag';
import { type UndoOutcome } from '../../../shared/model/undo';
import {
  Annotations,
  type AnnotationFilter,
  type AnnotationPatch,
  type NewAnnotation,
  type TargetUpdate,
} from './annotations';
import { Articles } from './articles';
import { ChangeFeed } from './change-feed';
import { Announcer } from './change-set';
import { buildContext } from './build-context';
import { describeError, type StoreContext } from './context';
import type { LibraryLock } from './lock';
import { findLostArticles, type LostArticle } from './lost-articles';
import { recordNotices, takeRecordedNotices } from './notice-log';
import type { LibraryFile } from './schemas';
import { updateSettings } from './settings';
import { StoredFile } from './stored-file';
import { openLibraryFiles, type LibraryFiles } from './open-library';
import { DeviceFollower } from './follow-devices';
import { syncStatus } from './sync-status';
import type { SyncStatus } from '../../../shared/model/sync';
import type { StoreHealth } from './stored-file-options';
import type { LibraryStoreOptions } from './store-options';
import { createTag, deleteTag, listTags, recolorTag, renameTag } from './tag-operations';
import type { UndoScope } from './undo';
import { peekUndo, redo, undo } from './undo-apply';
import type { Notice } from '../../../shared/model/notice';
import { notice } from '../notice';

export type { LibraryStoreOptions } from './store-options';

/**
 * The annotation store of one library folder: the article index, tag
 * registry and settings in `.gloss/library.json`, one shard of highlights and
 * note per article in `.gloss/annotations/<articleId>.json` (loaded lazily),
 * and the derived content cache in this computer's cache folder
 * (`<cacheDir>/content/<articleId>.json`, see libraryCacheDir).
 *
 * Every file is written atomically (shards: appended to a journal and
 * fdatasynced), at once, concurrent changes sharing one write (group
 * commit), with rotating validated backups. Every method that changes
 * something resolves only once its change is on disk, and rejects ('disk-full',
 * 'io') with the change undone in memory when it cannot be saved. Each change
 * is announced on `changes` once the write holding it is done. Damaged files are
 * moved aside and restored from a backup (see `takeNotices`); files from a
 * newer Gloss are refused. One process owns a library at a time.
 */
export class LibraryStore {
  /** Every committed change, announced once it is on disk (see ChangeFeed). */
  readonly changes = new ChangeFeed();
  private readonly announcer = new Announcer(this.changes);
  private readonly ctx: StoreContext;
  private readonly articles: Articles;
  private readonly annotations: Annotations;
  /** Whether any shard changed this session: close then rewrites library.json after the shards. */
  private shardsChanged = false;
  private closing: Promise<void> | undefined;
  /** Absolute path of the library folder. */
  readonly libraryPath: string;
  /** This computer's folder for the library's caches and backups, outside the library (see libraryCacheDir). */
  readonly cacheDir: string;
  private readonly lock: LibraryLock;
  private readonly health: StoreHealth;
  private readonly library: StoredFile<LibraryFile>;
  /** Notices to record in the library on close ('record' mode); undefined when the caller shows them. */
  private readonly toRecord: Notice[] | undefined;
  /** This computer's device id (see deviceIdOf). */
  readonly deviceId: string;
  private readonly follower: DeviceFollower;

  private constructor(files: LibraryFiles, options: LibraryStoreOptions) {
    const { root, glossDir, cacheDir, deviceId, clock, lock, health, library } = files;
    const notices = options.notices;
    this.deviceId = deviceId;
    this.toRecord = notices === 'record' ? [] : undefined;
    this.libraryPath = root;
    this.cacheDir = cacheDir;
    this.lock = lock;
    this.health = health;
    this.library = library;
    health.wake = () => this.changes.wake();
    const ctx = buildContext(files, {
      notify: (message) => this.addNotice(message),
      assertWritable: () => this.assertWritable(),
      commit: (changes) => this.announcer.announce(changes.announcements(library)),
      shardChanged: () => {
        this.shardsChanged = true;
      },
    });
    this.ctx = ctx;
    library.onReload = () => this.reloaded();
    this.articles = new Articles(ctx);
    this.annotations = new Annotations(ctx);
    const intervalMs = options.followIntervalMs ?? 2000;
    this.follower = new DeviceFollower({ ctx, clock, deviceId, glossDir, intervalMs });
  }

  /**
   * Opens a library folder: creates `<library>/articles` and `<library>/.gloss`
   * as needed, takes the single-process lock, loads and validates library.json
   * (a damaged one is moved aside and the newest valid backup restored, with a
   * notice), migrates older data after backing it up, and recounts the
   * highlights of shards written after the index (e.g. after a crash).
   * Unless `notices` is 'record', the notices other processes recorded in
   * the library are taken, to be shown once (see takeNotices).
   *
   * @throws GlossError 'locked' when another process has the library open,
   *   'newer-schema' when library.json comes from a newer Gloss (left untouched),
   *   'io' when the folder cannot be created or read.
   */
  static async open(libraryPath: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    const files = await openLibraryFiles(libraryPath, options);
    try {
      const store = new LibraryStore(files, options);
      const { shards, articles } = store.ctx;
      await shards.loadWrittenSince(files.library.loadedMtimeMs, (id) => articles.has(id));
      if (!store.toRecord) {
        const recorded = await takeRecordedNotices(files.glossDir).catch((error: unknown) => [
          notice('notices.recordedUnreadable', { folder: files.glossDir, detail: describeError(error) }),
        ]);
        store.health.notices.unshift(...recorded);
      }
      await store.follower.start();
      return store;
    } catch (error) {
      await files.lock.release();
      throw error;
    }
  }

  /** Looks at once for what other computers wrote (else done every few seconds); resolves once joined and announced. */
  pickUpOtherDevices(): Promise<void> {
    return this.follower.pickUp();
  }

  /** The computers keeping this library and when each last wrote (see syncStatus). @throws fs errors. */
  syncStatus(): Promise<SyncStatus> {
    return syncStatus(this.ctx.glossDir, this.deviceId);
  }

  /** Adds a notice for the user (e.g. a report from another service) and answers waiting long-polls. */
  addNotice(said: Notice): void {
    this.health.notices.push(said);
    this.changes.wake();
  }

  /** Messages for the user about damage found and repaired (what happened, where the damaged file went); each returned once. */
  takeNotices(): Notice[] {
    const taken = this.health.notices.splice(0);
    this.toRecord?.push(...taken);
    return taken;
  }

  /**
   * Whether library.json and every backup of it were missing or damaged at open, so the index started
   * empty (true for a new library too): rebuild it from findLostArticles and the copies in `articles/`.
   */
  get startedWithoutIndex(): boolean {
    return this.library.loadedMtimeMs === null;
  }

  /** See findLostArticles. @throws GlossError 'forbidden', 'newer-schema', 'io'. */
  findLostArticles(): Promise<LostArticle[]> {
    return findLostArticles(this.ctx, this.articles);
  }

  /** Article records, tombstones only with `includeDeleted`; copies, in index order. */
  listArticles(options: { includeDeleted?: boolean } = {}): ArticleMeta[] {
    return this.articles.list(options);
  }

  /** See Articles.newestFirst. */
  listNewestArticles(first: number | undefined, skip: number): ArticleMeta[] {
    return this.articles.newestFirst(first, skip);
  }

  /** One article record (tombstones included), or undefined. */
  getArticle(id: string): ArticleMeta | undefined {
    return this.articles.get(id);
  }

  /** See Articles.put; resolves once on disk. @throws GlossError 'invalid-argument', 'disk-full', 'io'. */
  putArticle(meta: ArticleMeta): Promise<void> {
    return this.articles.put(meta);
  }

  /** See Articles.writeContent. @throws GlossError 'invalid-argument', 'io'. */
  writeContent: Articles['writeContent'] = (id, content, hash) =>
    this.articles.writeContent(id, content, hash);
  /** See Articles.readContent. */
  readContent: Articles['readContent'] = (id) => this.articles.readContent(id);
  /** See Articles.readWindow. */
  readContentWindow: Articles['readWindow'] = (id, hash, choose) =>
    this.articles.readWindow(id, hash, choose);
  /** See Articles.readCachedText. */
  readCachedText(id: string, contentHash: string, start?: number, end?: number): string | undefined {
    return this.articles.readCachedText(id, contentHash, start, end);
  }

  /** Removes an article's highlights, note and content cache for good; the index keeps its tombstone. */
  purgeArticleData(id: string): Promise<void> {
    return this.articles.purge(id);
  }

  /** The reader preferences. */
  getSettings(): Settings {
    return { ...this.library.data.settings };
  }

  /** Changes some reader preferences and returns all of them once on disk. @throws GlossError 'invalid-argument', 'disk-full', 'io'. */
  updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return updateSettings(this.ctx, patch);
  }

  /** The article's note (Markdown); empty when none. @throws GlossError 'not-found'. */
  getArticleNote(articleId: string): Promise<string> {
    return this.annotations.getNote(articleId);
  }

  /** Replaces the article's note. @throws GlossError 'not-found' for an unknown or deleted article. */
  setArticleNote(articleId: string, note: string): Promise<void> {
    return this.annotations.setNote(articleId, note);
  }

  /** See Annotations.list. @throws GlossError 'not-found'. */
  listAnnotations(articleId: string, filter?: AnnotationFilter): Promise<Annotation[]> {
    return this.annotations.list(articleId, filter);
  }

  /** See Annotations.create. @throws GlossError 'not-found', 'invalid-argument'. */
  createAnnotation(input: NewAnnotation): Promise<Annotation> {
    return this.annotations.create(input);
  }

  /** See Annotations.import: resolves once they are written and announced. @throws GlossError 'not-found', 'invalid-argument', 'io'. */
  importAnnotations(articleId: string, annotations: Annotation[]): Promise<number> {
    return this.annotations.import(articleId, annotations);
  }

  /** See Annotations.update. @throws GlossError 'not-found', 'invalid-argument'. */
  updateAnnotation(articleId: string, id: string, patch: AnnotationPatch): Promise<Annotation> {
    return this.annotations.update(articleId, id, patch);
  }

  /** See Annotations.delete. @throws GlossError 'not-found'. */
  deleteAnnotation(articleId: string, id: string): Promise<Annotation> {
    return this.annotations.delete(articleId, id);
  }

  /** See Annotations.replaceTargets. @throws GlossError 'not-found', 'invalid-argument'. */
  replaceTargets(articleId: string, updates: TargetUpdate[]): Promise<void> {
    return this.annotations.replaceTargets(articleId, updates);
  }

  /** See Annotations.listByTag. */
  listAnnotationsByTag(tag: string): Promise<Annotation[]> {
    return this.annotations.listByTag(tag);
  }

  /** Every registered tag with its use count (live highlights and live articles), sorted by name. */
  listTags(): Promise<TagInfo[]> {
    return listTags(this.ctx);
  }

  /** Registers a new tag; resolves once on disk. @throws GlossError 'conflict' when it exists (any case), 'invalid-argument', 'disk-full', 'io'. */
  createTag(name: string, color: string | null = null): Promise<Tag> {
    return createTag(this.ctx, name, color);
  }

  /** Changes a tag's colour (null for none); resolves once on disk. @throws GlossError 'not-found', 'invalid-argument', 'disk-full', 'io'. */
  recolorTag(name: string, color: string | null): Promise<Tag> {
    return recolorTag(this.ctx, name, color);
  }

  /** See renameTag in tag-operations. @throws GlossError 'not-found', 'invalid-argument'. */
  renameTag(from: string, to: string): Promise<Tag> {
    return renameTag(this.ctx, from, to);
  }

  /** See deleteTag in tag-operations. @throws GlossError 'not-found'. */
  deleteTag(name: string): Promise<void> {
    return deleteTag(this.ctx, name);
  }

  /** See undo in undo-apply. @throws GlossError 'conflict' when the named operation cannot be undone. */
  undo(scope?: UndoScope): Promise<UndoOutcome | null> {
    return undo(this.ctx, scope);
  }

  /** See redo in undo-apply. */
  redo(scope?: UndoScope): Promise<UndoOutcome | null> {
    return redo(this.ctx, scope);
  }

  /** The operation undo(scope) would undo now; null when there is none. */
  peekUndo(scope?: UndoScope): UndoOutcome | null {
    return peekUndo(this.ctx, scope);
  }

  /** Resolves once every change acknowledged so far has been delivered to every subscriber (writes nothing). */
  delivered(): Promise<void> {
    return this.announcer.settled();
  }

  /**
   * Writes every pending change now, durably (changed highlights appended to
   * their shard's journal, other changes rewrite their file), then resolves
   * once their changes are announced, every subscriber has finished with
   * them and the content files written in the background are written. The
   * highlight counts in the index follow once things are quiet or on close.
   * Must not be awaited by a change subscriber.
   * @throws GlossError 'io' when a file cannot be written (the change stays pending), 'locked' when the lock was lost.
   */
  async flush(): Promise<void> {
    await this.flushAll(false);
    await this.announcer.settled();
    await this.articles.settle();
  }

  /**
   * Writes everything pending (each shard whole, its journal emptied; then the
   * index, so the next open finds no shard newer than it), delivers the last
   * changes, then releases the library. Safe to call twice.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.follower.stop();
      this.changes.close();
      if (this.shardsChanged) this.library.changed('idle');
      try {
        if (!this.health.lostLock) await this.flushAll(true);
      } finally {
        await this.ctx.shards.dispose();
        await this.library.dispose();
        await this.articles.settle();
        await this.announcer.settled();
        if (this.toRecord) {
          await recordNotices(this.ctx.glossDir, [...this.toRecord, ...this.health.notices]).catch(() => {
            // The caller still prints them (takeNotices).
          });
        }
        await this.lock.release();
      }
    })();
    return this.closing;
  }

  /** Shards first, then the index, so the counts on disk never run ahead of the highlights they count. */
  private async flushAll(complete: boolean): Promise<void> {
    await this.ctx.shards.flush(complete);
    await this.library.flush(complete);
  }

  /** After library.json was read back from disk (a failed write): the article records are new objects, recount them. */
  private reloaded(): void {
    const { articles, shards } = this.ctx;
    articles.clear();
    for (const meta of this.library.data.articles) articles.set(meta.id, meta);
    shards.recount();
  }

  private assertWritable(): void {
    if (this.closing) throw new GlossError('internal', `The library ${this.libraryPath} is closed.`);
    if (this.health.lostLock) throw new GlossError('locked', this.health.lostLock);
  }
}
