import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { bodyId, MINISEARCH_OPTIONS, notesId, type IndexDoc } from './documents';
import { loadedArticle, savedArticle, type ArticleEntry } from './entry';
import type { SavedDocs } from './model';
import {
  DamagedIndexError,
  moveAside,
  RangeReader,
  readStoredIndex,
  removeUnnamed,
  writeStoredIndex,
  type IndexFiles,
  type StoredIndex,
} from './persist';
import { Vocabulary } from './vocabulary';

/** An index as loaded from disk. */
export interface LoadedIndex {
  mini: MiniSearch<IndexDoc>;
  vocabulary: Vocabulary;
  entries: ArticleEntry[];
}

/** Reads article texts by range during one search; `close` when done. */
export interface TextSession {
  /** The article's text from `start` to `end` (UTF-16 units), from memory or the saved texts file; undefined if unreadable. */
  textAt(entry: ArticleEntry, start: number, end: number): string | undefined;
  close(): void;
}

/**
 * The saved index of one library (see persist.ts): loads it, saves it, and
 * reads the texts and search forms it keeps on disk rather than in memory.
 */
export class IndexStorage {
  private files: IndexFiles | undefined;

  /** @param dir the index folder (see indexDir). */
  constructor(private readonly dir: string) {}

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
      if (error instanceof DamagedIndexError) await moveAside(this.dir).catch(() => undefined);
      return undefined;
    }
    this.files = stored.files;
    return {
      mini,
      vocabulary: Vocabulary.fromJSON(stored.docs.vocabulary),
      entries: stored.docs.articles.map(loadedArticle),
    };
  }

  /**
   * Writes the index (see writeStoredIndex): the texts and their search forms
   * too when `withContent` or nothing was saved before, after which the
   * entries still current (per `isCurrent`) drop their texts from memory.
   *
   * @throws fs errors as they are.
   */
  async save(
    index: { mini: MiniSearch<IndexDoc>; vocabulary: Vocabulary; entries: ArticleEntry[] },
    withContent: boolean,
    isCurrent: (entry: ArticleEntry) => boolean,
  ): Promise<void> {
    const layout = withContent || !this.files ? this.layout(index.entries) : undefined;
    const docs: SavedDocs = {
      articles: index.entries.map((entry) => savedArticle(entry, layout?.offsets.get(entry))),
      vocabulary: index.vocabulary.toJSON(),
    };
    const files = await writeStoredIndex(
      this.dir,
      { indexJson: JSON.stringify(index.mini), docsJson: JSON.stringify(docs), ...layout?.parts },
      this.files,
    );
    this.files = files;
    for (const [entry, offsets] of layout?.offsets ?? []) {
      if (!isCurrent(entry)) continue;
      Object.assign(entry, offsets);
      delete entry.text;
    }
    await removeUnnamed(this.dir, files);
  }

  /** Opens the texts file for the reads of one search (or one change). */
  texts(): TextSession {
    const reader = this.reader('texts');
    return {
      textAt: (entry, start, end) => {
        if (entry.text !== undefined) return entry.text.slice(start, end);
        if (entry.textOffset < 0) return undefined;
        return reader.read((entry.textOffset + start) * 2, (entry.textOffset + end) * 2, 'utf16le');
      },
      close: () => reader.close(),
    };
  }

  /** The text from `start` to `end` of one article, opening and closing the texts file for it. */
  textAt(entry: ArticleEntry, start: number, end: number): string | undefined {
    const session = this.texts();
    try {
      return session.textAt(entry, start, end);
    } finally {
      session.close();
    }
  }

  /**
   * The article's search form, read from the forms file the first time (the
   * rest are read in the background after opening, see preloadForms). One
   * that cannot be read is taken as empty, and the article as changed, so the
   * next open reads it again from the source.
   */
  formOf(entry: ArticleEntry): string {
    if (entry.form !== undefined) return entry.form;
    const reader = this.reader('forms');
    const bytes = entry.formLength * (entry.formWide ? 2 : 1);
    const form = reader.read(
      entry.formOffset,
      entry.formOffset + bytes,
      entry.formWide ? 'utf16le' : 'latin1',
    );
    reader.close();
    if (form === undefined) entry.contentHash = '';
    entry.form = form ?? ' '.repeat(entry.formLength);
    return entry.form;
  }

  /** Reads every search form of `entries` not yet read, in one pass over the forms file, without blocking searches. */
  async preloadForms(entries: () => Iterable<ArticleEntry>): Promise<void> {
    const files = this.files;
    if (!files) return;
    const all = await readFile(path.join(this.dir, files.forms.file));
    if (this.files !== files) return;
    for (const entry of entries()) {
      if (entry.form !== undefined || entry.formOffset < 0) continue;
      const end = entry.formOffset + entry.formLength * (entry.formWide ? 2 : 1);
      entry.form = all.toString(entry.formWide ? 'utf16le' : 'latin1', entry.formOffset, end);
    }
  }

  /** A reader of one of the saved files (reads nothing before the first save). */
  private reader(part: 'texts' | 'forms'): RangeReader {
    return new RangeReader(this.files && path.join(this.dir, this.files[part].file));
  }

  /** Lays all texts and forms out one after another, as the texts and forms files hold them. */
  private layout(entries: ArticleEntry[]) {
    const session = this.texts();
    try {
      const units = entries.reduce((n, entry) => n + entry.textLength, 0);
      const texts = Buffer.alloc(units * 2);
      const formBytes = entries.reduce((n, entry) => n + entry.formLength * (entry.formWide ? 2 : 1), 0);
      const forms = Buffer.alloc(formBytes);
      const offsets = new Map<ArticleEntry, { textOffset: number; formOffset: number }>();
      let textOffset = 0;
      let formOffset = 0;
      for (const entry of entries) {
        const text = session.textAt(entry, 0, entry.textLength) ?? ' '.repeat(entry.textLength);
        texts.write(text, textOffset * 2, 'utf16le');
        offsets.set(entry, { textOffset, formOffset });
        textOffset += entry.textLength;
        formOffset += forms.write(this.formOf(entry), formOffset, entry.formWide ? 'utf16le' : 'latin1');
      }
      return { offsets, parts: { texts, forms } };
    } finally {
      session.close();
    }
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
  const missing = articles.find(
    (a) =>
      !mini.has(bodyId(a.id)) ||
      a.formOffset + a.formLength * (a.formWide ? 2 : 1) > stored.files.forms.bytes,
  );
  if (missing) throw new DamagedIndexError(`the index does not match article ${missing.id}.`);
  const notesDocs = articles.filter((a) => mini.has(notesId(a.id))).length;
  if (mini.documentCount !== articles.length + notesDocs) {
    throw new DamagedIndexError(
      `the index holds ${mini.documentCount} documents, not ${articles.length + notesDocs}.`,
    );
  }
  return mini;
}
