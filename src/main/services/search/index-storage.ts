import { setImmediate as nextTurn } from 'node:timers/promises';
import MiniSearch from 'minisearch';
import { bodyId, MINISEARCH_OPTIONS, notesId, type IndexDoc } from './documents';
import { loadedArticle, savedArticle, type ArticleEntry } from './entry';
import type { LogRecord, SavedDocs } from './model';
import {
  appendLog,
  DamagedIndexError,
  moveAside,
  readStoredIndex,
  removeUnnamed,
  writeStoredIndex,
  type IndexFiles,
  type StoredIndex,
} from './persist';
import { toSearchForm } from './search-form';
import { Vocabulary } from './vocabulary';

/**
 * Reads [start, end) of an article's canonical text (the whole text by
 * default) from the library's content cache; undefined when it cannot, or
 * when the text there is no longer the one whose hash is `contentHash`.
 */
export type ReadText = (
  articleId: string,
  contentHash: string,
  start?: number,
  end?: number,
) => string | undefined;

/** An index as loaded from disk: the last full save, and the changes logged since, to apply in order. */
export interface LoadedIndex {
  mini: MiniSearch<IndexDoc>;
  vocabulary: Vocabulary;
  entries: ArticleEntry[];
  log: LogRecord[];
}

/** What a save reads of the index in memory (see ArticleIndex). */
export interface SavedState {
  mini: MiniSearch<IndexDoc>;
  vocabulary: Vocabulary;
  articles: Map<string, ArticleEntry>;
  /** The changes since the last save, forgotten once taken; undefined when there are none. */
  takeChanges(): LogRecord | undefined;
}

/** Log size, in bytes, beyond which a save writes the whole index again (or a quarter of the index, if larger). */
const LOG_LIMIT = 4 * 2 ** 20;

/**
 * The saved index of one library (see persist.ts): loads it, saves it (the
 * whole of it, or the changes since in an appended log), and reads the
 * article texts it does not keep from the library's content cache
 * (`readText`), folding them into search forms when first needed.
 */
export class IndexStorage {
  private files: IndexFiles | undefined;
  private logBytes = 0;
  private fullBytes = 0;
  /** Set when an append failed or the log grew too long: the next save writes everything. */
  private writeAll = false;

  /**
   * @param dir the index folder (see indexDir).
   * @param onStale called with an article whose text is no longer the one indexed (or cannot be read).
   */
  constructor(
    private readonly dir: string,
    private readonly readText: ReadText,
    private readonly onStale: (entry: ArticleEntry) => void,
  ) {}

  /**
   * The saved index, if there is a usable one. A damaged one is moved aside;
   * one that cannot be read (permissions, I/O) is left in place. Either way
   * undefined is returned, and the index must be rebuilt.
   */
  async load(): Promise<LoadedIndex | undefined> {
    let stored: StoredIndex | undefined;
    let mini: MiniSearch<IndexDoc>;
    try {
      stored = await readStoredIndex(this.dir);
      if (!stored) return undefined;
      mini = loadMiniSearch(stored);
    } catch (error) {
      if (error instanceof DamagedIndexError) await this.discard();
      return undefined;
    }
    this.files = stored.files;
    this.fullBytes = stored.files.index.bytes + stored.files.docs.bytes;
    this.logBytes = stored.logBytes;
    return {
      mini,
      vocabulary: Vocabulary.fromJSON(stored.docs.vocabulary),
      entries: stored.docs.articles.map(loadedArticle),
      log: stored.log,
    };
  }

  /** Moves the saved index aside as damaged (see moveAside); the next save writes it whole. */
  async discard(): Promise<void> {
    this.files = undefined;
    await moveAside(this.dir).catch(() => undefined);
  }

  /**
   * Saves the changes `index` has not saved yet: appended to the log (one
   * line, fdatasync'd), or, the first time, after a failed append or when
   * the log has grown past its limit, the whole index. Entries still in
   * `index` then drop their texts from memory.
   *
   * @throws fs errors as they are (the next save then writes everything).
   */
  async save(index: SavedState): Promise<void> {
    const changes = index.takeChanges();
    if (!changes && !this.writeAll) return;
    const whole = !this.files || this.writeAll || this.logBytes > Math.max(LOG_LIMIT, this.fullBytes / 4);
    const entries = [...index.articles.values()];
    try {
      if (whole) {
        const docs: SavedDocs = {
          articles: entries.map(savedArticle),
          vocabulary: index.vocabulary.toJSON(),
        };
        const parts = { indexJson: JSON.stringify(index.mini), docsJson: JSON.stringify(docs) };
        const files = await writeStoredIndex(this.dir, parts);
        this.files = files;
        this.fullBytes = files.index.bytes + files.docs.bytes;
        this.logBytes = 0;
        await removeUnnamed(this.dir, files);
      } else if (changes && this.files) {
        this.logBytes += await appendLog(this.dir, this.files, changes);
      }
      this.writeAll = false;
    } catch (error) {
      this.writeAll = true;
      throw error;
    }
    for (const entry of entries) if (index.articles.get(entry.id) === entry) delete entry.text;
  }

  /**
   * The article's text from `start` to `end` (UTF-16 units), read by range
   * unless the entry still holds its text; undefined when it cannot be read or has changed.
   */
  textAt(entry: ArticleEntry, start: number, end: number): string | undefined {
    if (entry.text !== undefined) return entry.text.slice(start, end);
    return this.readText(entry.id, entry.contentHash, start, end);
  }

  /**
   * The article's search form, folded from its text the first time (the rest
   * are folded in the background after opening, see preloadForms). One whose
   * text cannot be read, or is no longer the one indexed, is taken as blank,
   * and reported stale (see the constructor).
   */
  formOf(entry: ArticleEntry): string {
    if (entry.form !== undefined) return entry.form;
    const text = this.textOf(entry);
    const form = text === undefined ? undefined : toSearchForm(text).form;
    if (form === undefined || form.length !== entry.formLength) this.onStale(entry);
    entry.form = form?.length === entry.formLength ? form : ' '.repeat(entry.formLength);
    return entry.form;
  }

  /** Folds the search form of every entry that has none yet, yielding between articles so searches are not held up. */
  async preloadForms(entries: () => Iterable<ArticleEntry>): Promise<void> {
    for (const entry of entries()) {
      if (entry.form !== undefined) continue;
      this.formOf(entry);
      await nextTurn();
    }
  }

  private textOf(entry: ArticleEntry): string | undefined {
    const text = entry.text ?? this.readText(entry.id, entry.contentHash);
    return text?.length === entry.textLength ? text : undefined;
  }
}

/**
 * Builds MiniSearch from its saved JSON and checks it holds exactly the saved
 * articles' documents.
 *
 * @throws DamagedIndexError when it cannot be parsed or does not match.
 */
function loadMiniSearch(stored: StoredIndex): MiniSearch<IndexDoc> {
  let mini: MiniSearch<IndexDoc>;
  try {
    mini = MiniSearch.loadJSON<IndexDoc>(stored.indexJson, MINISEARCH_OPTIONS);
  } catch (error) {
    throw new DamagedIndexError(`the index cannot be loaded: ${(error as Error).message}`);
  }
  const { articles } = stored.docs;
  const missing = articles.find((a) => !mini.has(bodyId(a.id)));
  if (missing) throw new DamagedIndexError(`the index does not match article ${missing.id}.`);
  const notesDocs = articles.filter((a) => mini.has(notesId(a.id))).length;
  if (mini.documentCount !== articles.length + notesDocs) {
    throw new DamagedIndexError(
      `the index holds ${mini.documentCount} documents, not ${articles.length + notesDocs}.`,
    );
  }
  return mini;
}
