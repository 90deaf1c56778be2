import { randomUUID } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { settingsSchema, tagColorSchema } from '../../../shared/contract/annotations';
import { GlossError } from '../../../shared/result';
import {
  DEFAULT_SETTINGS,
  type Annotation,
  type AnnotationTarget,
  type ArticleMeta,
  type Block,
  type HighlightColor,
  type Settings,
  type Tag,
  type TagInfo,
  type UndoOutcome,
} from '../../../shared/types';
import { atomicWrite, fsyncDir } from '../fs/atomic-write';
import { prepareLibraryFolders } from '../fs/no-follow';
import { contentCodec, libraryCodec, shardCodec, shardJournal } from './codecs';
import { loadJsonFile, removeStaleTemps, type BackupPolicy } from './files';
import { StoredFile } from './stored-file';
import { lockLibrary, type LibraryLock } from './lock';
import {
  annotationSchema,
  articleMetaSchema,
  contentFileSchema,
  parseOrInvalid,
  SCHEMA_VERSION,
  targetSchema,
  type LibraryFile,
  type ShardFile,
} from './schemas';
import { isValidTagName, normalizeTagName, tagKey } from './tags';
import { UndoHistory, type AnnotationState, type Change, type TagChange, type UndoEntry } from './undo';

/** Tuning of one open library. */
export interface LibraryStoreOptions {
  /** Delay between a change and its write, in ms; changes to one file within it share one write. Default 100. */
  writeDelayMs?: number;
  /** Regular backups kept per file. Default 5. */
  backupsToKeep?: number;
  /** A file is backed up at most once per this many ms (and on its first write in a session). Default 10 minutes. */
  backupIntervalMs?: number;
}

/** Quiet period after which derived index data (highlight counts) is written and shard journals are folded in, in ms. */
const IDLE_DELAY_MS = 2000;
/** Shard files read at once when the whole library is scanned. */
const SCAN_CONCURRENCY = 16;
/** Shards modified this close before library.json's last write (ms) are still recounted, for coarse file times. */
const MTIME_SLACK_MS = 2000;

/** A shard or its journal. */
const SHARD_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(json|journal)$/;

const uuid = z.uuid();

function now(): string {
  return new Date().toISOString();
}

/** A new updatedAt for a record: now, but always later than `previous`, so the newest version of a record is unambiguous. */
function later(previous: string): string {
  return new Date(Math.max(Date.now(), Date.parse(previous) + 1)).toISOString();
}

function stateOf(annotation: Annotation): AnnotationState {
  return {
    color: annotation.color,
    note: annotation.note,
    tags: [...annotation.tags],
    deleted: annotation.deleted,
  };
}

function cloneAnnotation(annotation: Annotation): Annotation {
  return structuredClone(annotation);
}

function cloneArticle(meta: ArticleMeta): ArticleMeta {
  return { ...meta, tags: [...meta.tags] };
}

function byDocumentOrder(a: Annotation, b: Annotation): number {
  return a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;
}

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The annotation store of one library folder: the article index, tag
 * registry and settings in `.gloss/library.json`, one shard of highlights and
 * note per article in `.gloss/annotations/<articleId>.json` (loaded lazily),
 * and the derived content cache in `.gloss/content/<articleId>.json`.
 *
 * Every file is written atomically, batched behind a short delay, with
 * rotating validated backups. Damaged files are moved aside and restored
 * from a backup (see `takeNotices`); files from a newer Gloss are refused.
 * One process owns a library at a time.
 */
export class LibraryStore {
  private readonly articles = new Map<string, ArticleMeta>();
  private readonly shards = new Map<string, Promise<StoredFile<ShardFile>>>();
  private readonly history = new UndoHistory();
  private readonly waiters = new Set<{ resolve: (revision: number) => void; timer: NodeJS.Timeout }>();
  private notices: string[] = [];
  private currentRevision = 0;
  /** Whether any shard changed this session: close then rewrites library.json after the shards. */
  private shardsChanged = false;
  private closing: Promise<void> | undefined;
  private lostLock: string | undefined;
  private library!: StoredFile<LibraryFile>;

  private constructor(
    /** Absolute path of the library folder. */
    readonly libraryPath: string,
    private readonly glossDir: string,
    private readonly options: Required<LibraryStoreOptions>,
    private readonly lock: LibraryLock,
  ) {}

  /**
   * Opens a library folder: creates `<library>/articles` and `<library>/.gloss`
   * as needed, takes the single-process lock, loads and validates library.json
   * (a damaged one is moved aside and the newest valid backup restored, with a
   * notice), migrates older data after backing it up, and recounts the
   * highlights of shards written after the index (e.g. after a crash).
   *
   * @throws GlossError 'locked' when another process has the library open,
   *   'newer-schema' when library.json comes from a newer Gloss (left untouched),
   *   'io' when the folder cannot be created or read.
   */
  static async open(libraryPath: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
    const root = path.resolve(libraryPath);
    const glossDir = path.join(root, '.gloss');
    await prepareLibraryFolders(root);
    let store: LibraryStore | undefined;
    const lock = await lockLibrary(root, glossDir, (message) => store?.loseLock(message));
    try {
      for (const dir of [glossDir, path.join(glossDir, 'annotations'), path.join(glossDir, 'content')]) {
        await removeStaleTemps(dir);
      }
      store = new LibraryStore(
        root,
        glossDir,
        {
          writeDelayMs: options.writeDelayMs ?? 100,
          backupsToKeep: options.backupsToKeep ?? 5,
          backupIntervalMs: options.backupIntervalMs ?? 10 * 60_000,
        },
        lock,
      );
      await store.load();
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private async load(): Promise<void> {
    this.library = await StoredFile.open(
      {
        ...this.fileOptions('library.json', 'the library index'),
        codec: libraryCodec,
        whenLost:
          'No valid backup was found, so the article list starts empty; highlights and notes in .gloss/annotations are untouched.',
      },
      () => ({ schemaVersion: SCHEMA_VERSION, articles: [], tags: [], settings: { ...DEFAULT_SETTINGS } }),
    );
    const registry = new Map<string, Tag>();
    for (const tag of this.library.data.tags) {
      if (!registry.has(tagKey(tag.name))) registry.set(tagKey(tag.name), tag);
    }
    this.library.data.tags = [...registry.values()];
    for (const meta of this.library.data.articles) this.articles.set(meta.id, meta);
    await this.recountShardsWrittenSince(this.library.loadedMtimeMs);
  }

  /** Highlight counts in the index are written lazily; shards newer than the index may hold changes it has not seen. */
  private async recountShardsWrittenSince(indexMtimeMs: number | null): Promise<void> {
    const dir = path.join(this.glossDir, 'annotations');
    const ids = new Set<string>();
    for (const name of await readdir(dir)) {
      const id = SHARD_FILE.exec(name)?.[1];
      if (!id || !this.articles.has(id)) continue;
      const { mtimeMs } = await stat(path.join(dir, name));
      if (indexMtimeMs !== null && mtimeMs < indexMtimeMs - MTIME_SLACK_MS) continue;
      ids.add(id);
    }
    await forEachLimited([...ids], SCAN_CONCURRENCY, async (id) => {
      // A shard that cannot be read (e.g. from a newer Gloss) reports itself when the article is opened.
      await this.shard(id).catch(() => undefined);
    });
  }

  /** Options shared by every stored file; `relative` is its path inside `.gloss`. */
  private fileOptions(relative: string, what: string) {
    const backups: BackupPolicy = {
      dir: path.join(this.glossDir, 'backups', relative.replace(/\.json$/, '')),
      keep: this.options.backupsToKeep,
      intervalMs: this.options.backupIntervalMs,
    };
    return {
      file: path.join(this.glossDir, relative),
      what,
      backups,
      notify: (message: string) => this.notices.push(message),
      writeDelayMs: this.options.writeDelayMs,
      idleDelayMs: IDLE_DELAY_MS,
      beforeWrite: () => {
        if (this.lostLock) throw new GlossError('locked', this.lostLock);
      },
    };
  }

  private loseLock(message: string): void {
    if (this.lostLock) return;
    this.lostLock = message;
    this.notices.push(message);
  }

  /** Monotonic counter bumped by every change (articles, annotations, tags, settings, notes); starts at 0 per process. */
  get revision(): number {
    return this.currentRevision;
  }

  /**
   * Resolves with the revision once it differs from `since` (at once when it
   * already does, e.g. `since` comes from an earlier run), or after `timeoutMs`
   * with the current one.
   */
  waitForChange(since: number, timeoutMs: number): Promise<number> {
    if (since !== this.currentRevision || this.closing) return Promise.resolve(this.currentRevision);
    return new Promise((resolve) => {
      const waiter = {
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(this.currentRevision);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  private bump(): void {
    this.currentRevision++;
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(this.currentRevision);
    }
    this.waiters.clear();
  }

  /** Messages for the user about damage found and repaired (what happened, where the damaged file went); each returned once. */
  /** Adds a message for the user (e.g. a report from another service) and wakes change waiters. */
  addNotice(message: string): void {
    this.notices.push(message);
    this.bump();
  }

  takeNotices(): string[] {
    const taken = this.notices;
    this.notices = [];
    return taken;
  }

  private assertWritable(): void {
    if (this.closing) throw new GlossError('internal', `The library ${this.libraryPath} is closed.`);
    if (this.lostLock) throw new GlossError('locked', this.lostLock);
  }

  /** Article records, tombstones only with `includeDeleted`; copies, in index order. */
  listArticles(options: { includeDeleted?: boolean } = {}): ArticleMeta[] {
    return this.library.data.articles
      .filter((meta) => options.includeDeleted || !meta.deleted)
      .map(cloneArticle);
  }

  /** One article record (tombstones included), or undefined. */
  getArticle(id: string): ArticleMeta | undefined {
    const meta = this.articles.get(id);
    return meta && cloneArticle(meta);
  }

  /**
   * Inserts or replaces an article record (a tombstone is a record with
   * `deleted: true`). Its tags take the registry's spelling, unknown ones are
   * registered; `highlightCount` of a known article stays the store's own.
   * Written after the write delay.
   *
   * @throws GlossError 'invalid-argument' when the record does not validate.
   */
  putArticle(meta: ArticleMeta): void {
    this.assertWritable();
    const parsed = parseOrInvalid(articleMetaSchema, meta, 'article');
    const tags = this.resolveTags(this.normalizeTags(parsed.tags));
    const existing = this.articles.get(parsed.id);
    if (existing) {
      Object.assign(existing, parsed, { tags, highlightCount: existing.highlightCount });
    } else {
      const record = { ...parsed, tags };
      this.library.data.articles.push(record);
      this.articles.set(record.id, record);
    }
    this.library.changed();
    this.bump();
  }

  private contentFile(id: string): string {
    return path.join(this.glossDir, 'content', `${this.checkId(id)}.json`);
  }

  /**
   * Writes an article's content cache (canonical text and blocks) atomically, now.
   * @throws GlossError 'invalid-argument' for a bad id or blocks outside the text, 'io'.
   */
  async writeContent(id: string, content: { text: string; blocks: Block[] }): Promise<void> {
    this.assertWritable();
    const file = this.contentFile(id);
    const parsed = parseOrInvalid(contentFileSchema, content, 'article text');
    try {
      await atomicWrite(file, contentCodec.encode(parsed));
    } catch (error) {
      throw new GlossError(
        'io',
        `Gloss could not save the text of article ${id} (${file}): ${describeError(error)}`,
      );
    }
  }

  /**
   * Reads an article's content cache; undefined when it is missing or damaged
   * (a damaged one is moved aside with a notice; rebuild it from the source file).
   */
  async readContent(id: string): Promise<{ text: string; blocks: Block[] } | undefined> {
    const loaded = await loadJsonFile({
      file: this.contentFile(id),
      what: `the cached text of ${this.describeArticle(id)}`,
      codec: contentCodec,
      backups: null,
      whenLost: 'It can be rebuilt from the article’s source file.',
      notify: (message) => this.notices.push(message),
    });
    return loaded?.data;
  }

  /** Removes an article's shard, its backups and its content cache for good; the index keeps its tombstone. */
  async purgeArticleData(id: string): Promise<void> {
    this.assertWritable();
    this.checkId(id);
    const shard = this.shards.get(id);
    this.shards.delete(id);
    if (shard) await (await shard.catch(() => undefined))?.dispose();
    await rm(path.join(this.glossDir, 'annotations', `${id}.json`), { force: true });
    await rm(this.journalFile(id), { force: true });
    await fsyncDir(path.join(this.glossDir, 'annotations'));
    await rm(path.join(this.glossDir, 'backups', 'annotations', id), { recursive: true, force: true });
    await rm(this.contentFile(id), { force: true });
    this.history.forgetArticle(id);
    this.setHighlightCount(id, 0);
    this.bump();
  }

  /** The reader preferences. */
  getSettings(): Settings {
    return { ...this.library.data.settings };
  }

  /**
   * Changes some reader preferences and returns all of them.
   * @throws GlossError 'invalid-argument' for a value out of range.
   */
  updateSettings(patch: Partial<Settings>): Settings {
    this.assertWritable();
    this.library.data.settings = parseOrInvalid(
      settingsSchema,
      { ...this.library.data.settings, ...patch },
      'setting',
    );
    this.library.changed();
    this.bump();
    return this.getSettings();
  }

  private checkId(id: string): string {
    if (!uuid.safeParse(id).success) {
      throw new GlossError('invalid-argument', `"${id.slice(0, 60)}" is not an article id.`);
    }
    return id;
  }

  private describeArticle(id: string): string {
    const title = this.articles.get(id)?.title;
    return title ? `“${title}”` : `article ${id}`;
  }

  /** The article's record; with `live`, a deleted article counts as missing. */
  private requireArticle(id: string, live: boolean): ArticleMeta {
    this.checkId(id);
    const meta = this.articles.get(id);
    if (!meta || (live && meta.deleted)) {
      throw new GlossError(
        'not-found',
        `There is no article with id ${id} in this library${meta ? ' (it was deleted)' : ''}.`,
      );
    }
    return meta;
  }

  /** The shard of a known article, loaded once (missing file: empty shard). */
  private shard(articleId: string): Promise<StoredFile<ShardFile>> {
    let loading = this.shards.get(articleId);
    if (!loading) {
      loading = StoredFile.open(
        {
          ...this.fileOptions(
            `annotations/${articleId}.json`,
            `the highlights and notes of ${this.describeArticle(articleId)}`,
          ),
          codec: shardCodec(articleId),
          journal: shardJournal(articleId, this.journalFile(articleId)),
          whenLost: 'No valid backup was found, so that article starts without highlights or note.',
        },
        (): ShardFile => ({ schemaVersion: SCHEMA_VERSION, articleId, note: '', annotations: [] }),
      ).then((file) => {
        this.countHighlights(articleId, file);
        return file;
      });
      this.shards.set(articleId, loading);
      loading.catch(() => {
        if (this.shards.get(articleId) === loading) this.shards.delete(articleId);
      });
    }
    return loading;
  }

  private countHighlights(articleId: string, file: StoredFile<ShardFile>): void {
    this.setHighlightCount(
      articleId,
      file.data.annotations.filter((annotation) => !annotation.deleted).length,
    );
  }

  private setHighlightCount(articleId: string, count: number): void {
    const meta = this.articles.get(articleId);
    if (!meta || meta.highlightCount === count) return;
    meta.highlightCount = count;
    this.library.changed('idle');
  }

  private journalFile(articleId: string): string {
    return path.join(this.glossDir, 'annotations', `${articleId}.journal`);
  }

  /**
   * After a shard changed: schedule its write (only the highlights `ids` when
   * given, else the whole shard), keep the count current, tell waiters.
   */
  private shardChanged(articleId: string, file: StoredFile<ShardFile>, ids?: string[]): void {
    file.changed('soon', ids);
    this.shardsChanged = true;
    this.countHighlights(articleId, file);
    this.bump();
  }

  /** The article's note (Markdown); empty when none. @throws GlossError 'not-found'. */
  async getArticleNote(articleId: string): Promise<string> {
    this.requireArticle(articleId, false);
    return (await this.shard(articleId)).data.note;
  }

  /** Replaces the article's note. @throws GlossError 'not-found' for an unknown or deleted article. */
  async setArticleNote(articleId: string, note: string): Promise<void> {
    this.assertWritable();
    this.requireArticle(articleId, true);
    const file = await this.shard(articleId);
    if (file.data.note === note) return;
    file.data.note = note;
    this.shardChanged(articleId, file);
  }

  /**
   * Live highlights of an article (no tombstones) in document order, orphans included; with `range`,
   * only those whose position overlaps [start, end). @throws GlossError 'not-found'.
   */
  async listAnnotations(articleId: string, range?: { start: number; end: number }): Promise<Annotation[]> {
    this.requireArticle(articleId, false);
    const file = await this.shard(articleId);
    const overlaps = (a: Annotation) =>
      !range || (a.target.position.start < range.end && a.target.position.end > range.start);
    return file.data.annotations
      .filter((a) => !a.deleted && overlaps(a))
      .sort(byDocumentOrder)
      .map(cloneAnnotation);
  }

  /**
   * Adds a highlight (undoable).
   * @throws GlossError 'not-found' for an unknown or deleted article, 'invalid-argument' for a bad target or tag.
   */
  async createAnnotation(input: {
    articleId: string;
    target: AnnotationTarget;
    color: HighlightColor;
    note?: string;
    tags?: string[];
  }): Promise<Annotation> {
    this.assertWritable();
    const { articleId } = input;
    this.requireArticle(articleId, true);
    const file = await this.shard(articleId);
    const at = now();
    const annotation = parseOrInvalid(
      annotationSchema,
      {
        id: randomUUID(),
        articleId,
        target: input.target,
        color: input.color,
        note: input.note ?? '',
        tags: this.normalizeTags(input.tags ?? []),
        createdAt: at,
        updatedAt: at,
        deleted: false,
        orphaned: false,
      },
      'highlight',
    );
    annotation.tags = this.resolveTags(annotation.tags);
    file.data.annotations.push(annotation);
    this.history.record({
      label: 'add highlight',
      articleId,
      changes: [
        {
          kind: 'annotation',
          articleId,
          id: annotation.id,
          before: { ...stateOf(annotation), deleted: true },
          after: stateOf(annotation),
        },
      ],
    });
    this.shardChanged(articleId, file, [annotation.id]);
    return cloneAnnotation(annotation);
  }

  /**
   * Adds highlights from an import (e.g. Web Annotation JSON) to one article,
   * keeping their ids, dates, colours, notes and tags; ids the article already
   * has (live or deleted) are skipped. Not recorded for undo.
   * @returns how many were added.
   * @throws GlossError 'not-found' for an unknown or deleted article, 'invalid-argument' for an invalid highlight.
   */
  async importAnnotations(articleId: string, annotations: Annotation[]): Promise<number> {
    this.assertWritable();
    this.requireArticle(articleId, true);
    const file = await this.shard(articleId);
    const known = new Set(file.data.annotations.map((a) => a.id));
    const added: string[] = [];
    for (const incoming of annotations) {
      if (known.has(incoming.id)) continue;
      const annotation = parseOrInvalid(
        annotationSchema,
        { ...incoming, articleId, tags: this.normalizeTags(incoming.tags), deleted: false },
        'highlight',
      );
      annotation.tags = this.resolveTags(annotation.tags);
      file.data.annotations.push(annotation);
      known.add(annotation.id);
      added.push(annotation.id);
    }
    if (added.length) this.shardChanged(articleId, file, added);
    return added.length;
  }

  private async liveAnnotation(
    articleId: string,
    id: string,
  ): Promise<{ file: StoredFile<ShardFile>; annotation: Annotation }> {
    this.requireArticle(articleId, true);
    const file = await this.shard(articleId);
    const annotation = file.data.annotations.find((a) => a.id === id && !a.deleted);
    if (!annotation) {
      throw new GlossError(
        'not-found',
        `There is no highlight with id ${id} in ${this.describeArticle(articleId)}.`,
      );
    }
    return { file, annotation };
  }

  /**
   * Changes a highlight's colour, note or tags (undoable); returns it.
   * @throws GlossError 'not-found', 'invalid-argument'.
   */
  async updateAnnotation(
    articleId: string,
    id: string,
    patch: { color?: HighlightColor; note?: string; tags?: string[] },
  ): Promise<Annotation> {
    this.assertWritable();
    const { file, annotation } = await this.liveAnnotation(articleId, id);
    const before = stateOf(annotation);
    const next = parseOrInvalid(
      annotationSchema,
      {
        ...annotation,
        ...(patch.color !== undefined && { color: patch.color }),
        ...(patch.note !== undefined && { note: patch.note }),
        ...(patch.tags !== undefined && { tags: this.normalizeTags(patch.tags) }),
      },
      'highlight',
    );
    next.tags = this.resolveTags(next.tags);
    const after = stateOf(next);
    if (before.color === after.color && before.note === after.note && sameTags(before.tags, after.tags)) {
      return cloneAnnotation(annotation);
    }
    Object.assign(annotation, after, { updatedAt: later(annotation.updatedAt) });
    this.history.record({
      label: 'edit highlight',
      articleId,
      changes: [{ kind: 'annotation', articleId, id, before, after }],
    });
    this.shardChanged(articleId, file, [id]);
    return cloneAnnotation(annotation);
  }

  /** Deletes a highlight as a tombstone (undoable); returns the tombstone. @throws GlossError 'not-found'. */
  async deleteAnnotation(articleId: string, id: string): Promise<Annotation> {
    this.assertWritable();
    const { file, annotation } = await this.liveAnnotation(articleId, id);
    const before = stateOf(annotation);
    annotation.deleted = true;
    annotation.updatedAt = later(annotation.updatedAt);
    this.history.record({
      label: 'delete highlight',
      articleId,
      changes: [{ kind: 'annotation', articleId, id, before, after: stateOf(annotation) }],
    });
    this.shardChanged(articleId, file, [id]);
    return cloneAnnotation(annotation);
  }

  /**
   * Re-anchoring after a text change: new targets and orphan flags for
   * highlights of one article (tombstones allowed). Not recorded for undo;
   * all-or-nothing.
   * @throws GlossError 'not-found' for an unknown highlight, 'invalid-argument' for a bad target.
   */
  async replaceTargets(
    articleId: string,
    updates: { id: string; target: AnnotationTarget; orphaned: boolean }[],
  ): Promise<void> {
    this.assertWritable();
    this.requireArticle(articleId, false);
    const file = await this.shard(articleId);
    const byId = new Map(file.data.annotations.map((a) => [a.id, a]));
    const checked = updates.map((update) => {
      const annotation = byId.get(update.id);
      if (!annotation) {
        throw new GlossError(
          'not-found',
          `There is no highlight with id ${update.id} in ${this.describeArticle(articleId)}.`,
        );
      }
      return {
        annotation,
        target: parseOrInvalid(targetSchema, update.target, 'highlight position'),
        orphaned: update.orphaned,
      };
    });
    if (checked.length === 0) return;
    for (const { annotation, target, orphaned } of checked) {
      Object.assign(annotation, { target, orphaned, updatedAt: later(annotation.updatedAt) });
    }
    this.shardChanged(
      articleId,
      file,
      checked.map(({ annotation }) => annotation.id),
    );
  }

  /**
   * Live highlights carrying a tag (any case), across the library: grouped by
   * article in index order, document order within; deleted articles left out.
   */
  async listAnnotationsByTag(tag: string): Promise<Annotation[]> {
    const key = tagKey(tag);
    const result: Annotation[] = [];
    const live = this.library.data.articles.filter((meta) => !meta.deleted);
    const shards = await this.loadShards(live.map((meta) => meta.id));
    for (const file of shards) {
      const matches = file.data.annotations.filter(
        (a) => !a.deleted && a.tags.some((name) => tagKey(name) === key),
      );
      result.push(...matches.sort(byDocumentOrder).map(cloneAnnotation));
    }
    return result;
  }

  /** Loads the shards of the given articles, a few files at a time; returned in the same order. */
  private async loadShards(ids: string[]): Promise<StoredFile<ShardFile>[]> {
    const files = new Map<string, StoredFile<ShardFile>>();
    await forEachLimited(ids, SCAN_CONCURRENCY, async (id) => {
      files.set(id, await this.shard(id));
    });
    return ids.map((id) => files.get(id) as StoredFile<ShardFile>);
  }

  private normalizeTags(tags: string[]): string[] {
    return tags.map(normalizeTagName);
  }

  private findTag(key: string): Tag | undefined {
    return this.library.data.tags.find((tag) => tagKey(tag.name) === key);
  }

  /** Maps names to the registry's spelling, registering unknown ones; drops duplicates. */
  private resolveTags(names: string[]): string[] {
    if (names.length === 0) return [];
    const registry = new Map(this.library.data.tags.map((tag) => [tagKey(tag.name), tag]));
    const resolved = new Map<string, string>();
    for (const name of names) {
      const key = tagKey(name);
      if (resolved.has(key)) continue;
      let tag = registry.get(key);
      if (!tag) {
        tag = { name: normalizeTagName(name), color: null };
        registry.set(key, tag);
        this.library.data.tags.push(tag);
        this.library.changed();
      }
      resolved.set(key, tag.name);
    }
    return [...resolved.values()];
  }

  private requireTag(name: string): Tag {
    const tag = this.findTag(tagKey(name));
    if (!tag) throw new GlossError('not-found', `There is no tag named "${name.trim().slice(0, 100)}".`);
    return tag;
  }

  /** Every registered tag with its use count (live highlights and live articles), sorted by name. */
  async listTags(): Promise<TagInfo[]> {
    const live = this.library.data.articles.filter((meta) => !meta.deleted);
    const shards = await this.loadShards(live.map((meta) => meta.id));
    const uses = new Map<string, { name: string; count: number }>();
    const count = (names: string[]) => {
      for (const name of names) {
        const use = uses.get(tagKey(name)) ?? { name, count: 0 };
        use.count++;
        uses.set(tagKey(name), use);
      }
    };
    for (const meta of live) count(meta.tags);
    for (const file of shards) {
      for (const annotation of file.data.annotations) if (!annotation.deleted) count(annotation.tags);
    }
    // Tags written into the files by other means are registered too: any tag in use is.
    this.resolveTags([...uses.values()].map((use) => use.name).filter(isValidTagName));
    return this.library.data.tags
      .map((tag) => ({ ...tag, count: uses.get(tagKey(tag.name))?.count ?? 0 }))
      .sort(
        (a, b) =>
          a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.name < b.name ? -1 : 1),
      );
  }

  /**
   * Registers a new tag.
   * @throws GlossError 'conflict' when a tag of that name (any case) exists, 'invalid-argument'.
   */
  createTag(name: string, color: string | null = null): Tag {
    this.assertWritable();
    const normalized = normalizeTagName(name);
    const existing = this.findTag(tagKey(normalized));
    if (existing) throw new GlossError('conflict', `A tag named "${existing.name}" already exists.`);
    const tag = { name: normalized, color: parseOrInvalid(tagColorSchema, color, 'tag colour') };
    this.library.data.tags.push(tag);
    this.library.changed();
    this.bump();
    return { ...tag };
  }

  /** Changes a tag's colour (null for none). @throws GlossError 'not-found', 'invalid-argument'. */
  recolorTag(name: string, color: string | null): Tag {
    this.assertWritable();
    const tag = this.requireTag(name);
    tag.color = parseOrInvalid(tagColorSchema, color, 'tag colour');
    this.library.changed();
    this.bump();
    return { ...tag };
  }

  /**
   * Renames a tag on every highlight and article (undoable). Renaming onto an
   * existing name (any case) merges the two under the existing tag; changing
   * only the case respells it.
   * @throws GlossError 'not-found' for an unknown tag, 'invalid-argument' for a bad name.
   */
  async renameTag(from: string, to: string): Promise<Tag> {
    this.assertWritable();
    const source = this.requireTag(from);
    const fromKey = tagKey(source.name);
    const toName = normalizeTagName(to);
    const toKey = tagKey(toName);
    if (toName === source.name) return { ...source };
    const existing = toKey === fromKey ? undefined : this.findTag(toKey);
    const result = existing ?? { name: toName, color: source.color };
    const registry: TagChange[] = [{ kind: 'tag', key: fromKey, before: { ...source }, after: null }];
    if (!existing) registry.push({ kind: 'tag', key: toKey, before: null, after: { ...result } });
    registry.forEach((change) => this.applyChange(change, 'after'));
    const changes: Change[] = [...registry];
    changes.push(
      ...(await this.rewriteTagUses((tags) =>
        tags.map((name) => (tagKey(name) === fromKey ? result.name : name)).filter(uniqueByKey),
      )),
    );
    this.history.record({
      label: existing
        ? `merge tag "${source.name}" into "${existing.name}"`
        : `rename tag "${source.name}" to "${result.name}"`,
      articleId: null,
      changes,
    });
    this.bump();
    return { ...result };
  }

  /** Deletes a tag and removes it from every highlight and article (undoable). @throws GlossError 'not-found'. */
  async deleteTag(name: string): Promise<void> {
    this.assertWritable();
    const tag = this.requireTag(name);
    const key = tagKey(tag.name);
    const removal: TagChange = { kind: 'tag', key, before: { ...tag }, after: null };
    this.applyChange(removal, 'after');
    const changes: Change[] = [removal];
    changes.push(...(await this.rewriteTagUses((tags) => tags.filter((other) => tagKey(other) !== key))));
    this.history.record({ label: `delete tag "${tag.name}"`, articleId: null, changes });
    this.bump();
  }

  /**
   * Applies `rewrite` to the tags of every highlight (tombstones included) and
   * every article; returns the changes made, for undo.
   */
  private async rewriteTagUses(rewrite: (tags: string[]) => string[]): Promise<Change[]> {
    const changes: Change[] = [];
    const at = now();
    for (const meta of this.library.data.articles) {
      const after = rewrite(meta.tags);
      if (sameTags(after, meta.tags)) continue;
      changes.push({ kind: 'articleTags', articleId: meta.id, before: [...meta.tags], after });
      Object.assign(meta, { tags: after, updatedAt: at });
      this.library.changed();
    }
    const ids = this.library.data.articles.map((meta) => meta.id);
    const files = await this.loadShards(ids);
    files.forEach((file, index) => {
      const articleId = ids[index] as string;
      const touched: string[] = [];
      for (const annotation of file.data.annotations) {
        const tags = rewrite(annotation.tags);
        if (sameTags(tags, annotation.tags)) continue;
        const before = stateOf(annotation);
        Object.assign(annotation, { tags, updatedAt: later(annotation.updatedAt) });
        changes.push({
          kind: 'annotation',
          articleId,
          id: annotation.id,
          before,
          after: stateOf(annotation),
        });
        touched.push(annotation.id);
      }
      if (touched.length > 0) this.shardChanged(articleId, file, touched);
    });
    return changes;
  }

  /** Undoes the last highlight or tag operation; null when there is none. */
  async undo(): Promise<UndoOutcome | null> {
    this.assertWritable();
    const entry = this.history.takeUndo();
    if (!entry) return null;
    await this.applyEntry(entry, 'before');
    return { label: `Undid ${entry.label}`, articleId: entry.articleId };
  }

  /** Redoes the last undone operation; null when there is none. */
  async redo(): Promise<UndoOutcome | null> {
    this.assertWritable();
    const entry = this.history.takeRedo();
    if (!entry) return null;
    await this.applyEntry(entry, 'after');
    return { label: `Redid ${entry.label}`, articleId: entry.articleId };
  }

  /** Registry entries first (in reverse when undoing), so restored tags take their restored spelling. */
  private async applyEntry(entry: UndoEntry, side: 'before' | 'after'): Promise<void> {
    const registry = entry.changes.filter((change): change is TagChange => change.kind === 'tag');
    for (const change of side === 'before' ? registry.reverse() : registry) this.applyChange(change, side);
    const touched = new Map<string, [StoredFile<ShardFile>, string[]]>();
    for (const change of entry.changes) {
      if (change.kind === 'tag') continue;
      if (change.kind === 'articleTags') {
        this.applyChange(change, side);
        continue;
      }
      if (!this.articles.has(change.articleId)) continue;
      const file = await this.shard(change.articleId);
      const annotation = file.data.annotations.find((a) => a.id === change.id);
      if (!annotation) continue;
      const state = change[side];
      Object.assign(annotation, state, {
        tags: this.resolveTags(state.tags),
        updatedAt: later(annotation.updatedAt),
      });
      const ids = touched.get(change.articleId)?.[1] ?? [];
      touched.set(change.articleId, [file, [...ids, annotation.id]]);
    }
    for (const [articleId, [file, ids]] of touched) this.shardChanged(articleId, file, ids);
    this.bump();
  }

  /** Applies one registry or article-tags change. */
  private applyChange(change: Exclude<Change, { kind: 'annotation' }>, side: 'before' | 'after'): void {
    if (change.kind === 'tag') {
      const tag = change[side];
      this.library.data.tags = this.library.data.tags.filter((other) => tagKey(other.name) !== change.key);
      if (tag) this.library.data.tags.push({ ...tag });
    } else {
      const meta = this.articles.get(change.articleId);
      if (!meta) return;
      Object.assign(meta, { tags: this.resolveTags(change[side]), updatedAt: now() });
    }
    this.library.changed();
  }

  /**
   * Writes every pending change now, durably: changed highlights are
   * appended to their shard's journal (folded into the shard once quiet),
   * other changes rewrite their file. The highlight counts in the index are
   * derived from the shards and follow once things are quiet or on close
   * (and are recounted from the shards after a crash).
   * @throws GlossError 'io' when a file cannot be written (the change stays pending), 'locked' when the lock was lost.
   */
  async flush(): Promise<void> {
    await this.flushAll(false);
  }

  /** Shards first, then the index, so the counts on disk never run ahead of the highlights they count. */
  private async flushAll(complete: boolean): Promise<void> {
    const shards = await Promise.all(
      [...this.shards.values()].map((loading) => loading.catch(() => undefined)),
    );
    await Promise.all(shards.map((file) => file?.flush(complete)));
    await this.library.flush(complete);
  }

  /**
   * Writes everything pending (each shard whole, its journal emptied; then the
   * index, so the next open finds no shard newer than it), then releases the
   * library. Safe to call twice.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.wakeWaiters();
      if (this.shardsChanged) this.library.changed('idle');
      try {
        if (!this.lostLock) await this.flushAll(true);
      } finally {
        const shards = await Promise.all(
          [...this.shards.values()].map((loading) => loading.catch(() => undefined)),
        );
        await Promise.all(shards.map((file) => file?.dispose()));
        await this.library.dispose();
        await this.lock.release();
      }
    })();
    return this.closing;
  }
}

/** Array filter keeping the first of names equal case-insensitively. */
function uniqueByKey(name: string, index: number, names: string[]): boolean {
  return names.findIndex((other) => tagKey(other) === tagKey(name)) === index;
}
