import type MiniSearch from 'minisearch';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta, Block, Page } from '../../../shared/model/article';
import {
  bodyDoc,
  bodyId,
  docWords,
  emptyMiniSearch,
  highlightDoc,
  highlightDocId,
  highlightDocs,
  type IndexDoc,
} from './documents';
import { DocTable } from './doc-table';
import { loadedArticle, newEntry, savedArticle, type ArticleEntry } from './entry';
import { cachedTagKey } from './highlight-index';
import { highlightsOf, insertRow, removeRow, rowOf, type Highlights, type HighlightRow } from './highlights';
import type { LoadedIndex } from './index-storage';
import type { LogRecord } from './model';
import { Vocabulary } from './vocabulary';

/** Where a highlight is kept: its article, and its start there (rows are in order of start). */
interface Owner {
  articleId: string;
  start: number;
}

/** How the index reads an article's form and text (see IndexStorage). */
export interface ContentReader {
  formOf(entry: ArticleEntry): string;
  textAt(entry: ArticleEntry, start: number, end: number): string | undefined;
}

/**
 * The index in memory: the articles, their MiniSearch documents and the
 * vocabulary, changed together. Remembers which articles changed, and how
 * the vocabulary did, since the last save, so a save writes only that.
 */
export class ArticleIndex {
  mini: MiniSearch<IndexDoc> = emptyMiniSearch();
  vocabulary = new Vocabulary();
  /** MiniSearch's documents by short id, for ranking (synced when used). */
  readonly docs = new DocTable();
  readonly articles = new Map<string, ArticleEntry>();
  /** Folds tags for `tag:` filters. */
  readonly tagKey = cachedTagKey();
  /** Which article each highlight is in, and where it starts; built when first needed, then kept current. */
  private owners: Map<string, Owner> | undefined;
  private sortedByTitle: ArticleEntry[] | undefined;
  /** Articles changed since the last save. */
  private readonly dirty = new Set<string>();
  /** By word, how many more documents hold it than at the last save. */
  private readonly wordChanges = new Map<string, number>();

  constructor(private readonly content: ContentReader) {}

  /**
   * Replaces everything with an index loaded from disk, its logged changes
   * applied. Left empty when they do not apply.
   *
   * @throws Error when a logged change does not fit the index (MiniSearch's duplicate id).
   */
  install(loaded: LoadedIndex): void {
    this.mini = loaded.mini;
    this.vocabulary = loaded.vocabulary;
    this.articles.clear();
    this.owners = undefined;
    this.sortedByTitle = undefined;
    for (const entry of loaded.entries) this.articles.set(entry.id, entry);
    try {
      for (const record of loaded.log) this.replay(record);
    } catch (error) {
      this.mini = emptyMiniSearch();
      this.vocabulary = new Vocabulary();
      this.articles.clear();
      throw error;
    }
  }

  /** The changes since the last call (or the load), as a log record; undefined when there are none. */
  takeChanges(): LogRecord | undefined {
    if (this.dirty.size === 0) return undefined;
    const record: LogRecord = { articles: [], removed: [], vocabulary: { words: [], counts: [] } };
    for (const id of this.dirty) {
      const entry = this.articles.get(id);
      if (entry) record.articles.push(savedArticle(entry));
      else record.removed.push(id);
    }
    for (const [word, change] of this.wordChanges) {
      if (change === 0) continue;
      record.vocabulary.words.push(word);
      record.vocabulary.counts.push(change);
    }
    this.dirty.clear();
    this.wordChanges.clear();
    return record;
  }

  /** The articles by title (Vietnamese collation). */
  byTitle(): ArticleEntry[] {
    const collator = new Intl.Collator('vi');
    this.sortedByTitle ??= [...this.articles.values()].sort((a, b) => collator.compare(a.title, b.title));
    return this.sortedByTitle;
  }

  /** Indexes an article with its content and highlights, replacing it; a deleted one is removed. */
  put(
    meta: ArticleMeta,
    content: { text: string; blocks: Block[]; pages?: Page[] },
    annotations: Annotation[],
  ): void {
    this.drop(meta.id);
    if (meta.deleted) return;
    const entry = newEntry(meta, content);
    this.articles.set(entry.id, entry);
    this.sortedByTitle = undefined;
    this.addDoc(bodyDoc(entry, this.content.formOf(entry)));
    this.setHighlights(entry, annotations);
    this.dirty.add(entry.id);
  }

  /** Removes an article and its highlights; unknown ids are ignored. */
  drop(articleId: string): void {
    const entry = this.articles.get(articleId);
    if (!entry) return;
    this.dropDoc(bodyDoc(entry, this.content.formOf(entry)));
    for (const doc of highlightDocs(entry.id, entry.highlights)) this.dropDoc(doc);
    for (const id of entry.highlights.ids) this.owners?.delete(id);
    this.articles.delete(articleId);
    this.sortedByTitle = undefined;
    this.dirty.add(articleId);
  }

  /**
   * Re-indexes an indexed article's title, author and tags, and takes its fingerprint. The body
   * (which holds the whole text) is indexed again only when one of them changed: a saved reading
   * position or a highlight count leaves it as it was.
   */
  applyMeta(meta: ArticleMeta): void {
    const entry = this.articles.get(meta.id);
    if (!entry) return;
    const sameBody =
      entry.title === meta.title &&
      entry.author === meta.author &&
      entry.tags.join('\n') === meta.tags.join('\n');
    if (!sameBody) {
      this.dropDoc(bodyDoc(entry, this.content.formOf(entry)));
      delete entry.metaForms;
      Object.assign(entry, { title: meta.title, author: meta.author, tags: [...meta.tags] });
      this.addDoc(bodyDoc(entry, this.content.formOf(entry)));
      this.sortedByTitle = undefined;
    }
    Object.assign(entry, { updatedAt: meta.updatedAt, highlightCount: meta.highlightCount });
    this.dirty.add(entry.id);
  }

  /** Makes the article's highlights exactly the live ones of `annotations`. */
  setHighlights(entry: ArticleEntry, annotations: Annotation[]): void {
    const text = this.content.textAt(entry, 0, entry.textLength);
    const rows = annotations.filter((a) => !a.deleted).map((a) => this.highlightRow(entry, a, text));
    for (const doc of highlightDocs(entry.id, entry.highlights)) this.dropDoc(doc);
    for (const id of entry.highlights.ids) this.owners?.delete(id);
    entry.highlights = highlightsOf(rows);
    this.own(entry.id, entry.highlights);
    for (const doc of highlightDocs(entry.id, entry.highlights)) this.addDoc(doc);
    this.highlightsChanged(entry);
  }

  /**
   * Adds or replaces one highlight; a tombstone removes it. Ignored while its
   * article is not indexed. Costs one highlight's document, whatever the
   * number of highlights in the article.
   */
  putHighlight(annotation: Annotation): void {
    if (annotation.deleted) {
      this.removeHighlight(annotation.id);
      return;
    }
    const entry = this.articles.get(annotation.articleId);
    if (!entry) return;
    if (this.ownerOf(annotation.id) !== entry.id) this.removeHighlight(annotation.id);
    this.dropHighlight(entry, annotation.id);
    const at = insertRow(entry.highlights, this.highlightRow(entry, annotation));
    this.addDoc(highlightDoc(entry.id, entry.highlights, at));
    this.owners?.set(annotation.id, { articleId: entry.id, start: entry.highlights.starts[at] as number });
    this.highlightsChanged(entry);
  }

  /** Removes one highlight; unknown ids are ignored. */
  removeHighlight(id: string): void {
    const entry = this.articles.get(this.ownerOf(id) ?? '');
    if (!entry) return;
    this.dropHighlight(entry, id);
    this.owners?.delete(id);
    this.highlightsChanged(entry);
  }

  /** Marks an article changed, so it is saved as such and the next open reads it again from the library. */
  markStale(entry: ArticleEntry): void {
    entry.contentHash = '';
    if (this.articles.get(entry.id) === entry) this.dirty.add(entry.id);
  }

  /** The id of the article holding the highlight `highlightId`, if it is indexed. */
  ownerOf(highlightId: string): string | undefined {
    if (!this.owners) {
      this.owners = new Map();
      for (const entry of this.articles.values()) this.own(entry.id, entry.highlights);
    }
    return this.owners.get(highlightId)?.articleId;
  }

  /** Removes one highlight's row and document from an article; false when it has none. */
  private dropHighlight(entry: ArticleEntry, id: string): boolean {
    const owner = this.owners?.get(id);
    if (this.owners && owner?.articleId !== entry.id) return false;
    const at = rowOf(entry.highlights, id, owner?.start);
    if (at === -1) return false;
    this.dropDoc(highlightDoc(entry.id, entry.highlights, at));
    return removeRow(entry.highlights, id, owner?.start);
  }

  private own(articleId: string, highlights: Highlights): void {
    if (!this.owners) return;
    highlights.ids.forEach((id, i) =>
      this.owners?.set(id, { articleId, start: highlights.starts[i] as number }),
    );
  }

  /** Forgets what was derived from an article's highlights and marks it for saving. */
  private highlightsChanged(entry: ArticleEntry): void {
    delete entry.notesForm;
    delete entry.highlightIndex;
    this.dirty.add(entry.id);
  }

  /**
   * Applies one logged change: each article takes its saved state, its
   * documents re-added (the body only when its title, author, tags or text
   * changed: that reads the text); the vocabulary takes the logged counts.
   */
  private replay(record: LogRecord): void {
    for (const id of record.removed) {
      const old = this.articles.get(id);
      if (old) this.discardHighlightDocs(old);
      if (this.mini.has(bodyId(id))) this.mini.discard(bodyId(id));
      this.articles.delete(id);
    }
    for (const saved of record.articles) {
      const old = this.articles.get(saved.id);
      const entry = loadedArticle(saved);
      const sameBody =
        old !== undefined &&
        old.contentHash === entry.contentHash &&
        old.textLength === entry.textLength &&
        old.title === entry.title &&
        old.author === entry.author &&
        old.tags.join('\n') === entry.tags.join('\n');
      if (old?.contentHash === entry.contentHash && old.form !== undefined) entry.form = old.form;
      if (old) this.discardHighlightDocs(old);
      if (!sameBody && this.mini.has(bodyId(entry.id))) this.mini.discard(bodyId(entry.id));
      this.articles.set(entry.id, entry);
      if (!sameBody) this.mini.add(bodyDoc(entry, this.content.formOf(entry)));
      this.mini.addAll(highlightDocs(entry.id, entry.highlights));
    }
    record.vocabulary.words.forEach((word, i) =>
      this.vocabulary.adjust(word, record.vocabulary.counts[i] ?? 0),
    );
  }

  private discardHighlightDocs(entry: ArticleEntry): void {
    for (const id of entry.highlights.ids) {
      const docId = highlightDocId(entry.id, id);
      if (this.mini.has(docId)) this.mini.discard(docId);
    }
  }

  /** A highlight as the index keeps it: its quote only when the text at its position differs. */
  private highlightRow(entry: ArticleEntry, annotation: Annotation, text?: string): HighlightRow {
    const start = Math.min(Math.max(0, annotation.target.position.start), entry.textLength);
    const end = Math.min(Math.max(start, annotation.target.position.end), entry.textLength);
    const exact = annotation.target.quote.exact;
    const atPosition = text === undefined ? this.content.textAt(entry, start, end) : text.slice(start, end);
    const keepQuote = !entry.aligned || atPosition !== exact;
    return {
      id: annotation.id,
      color: annotation.color,
      start,
      end,
      note: annotation.note,
      tags: [...annotation.tags],
      ...(keepQuote ? { quote: exact } : {}),
    };
  }

  private addDoc(doc: IndexDoc | undefined): void {
    if (!doc) return;
    this.mini.add(doc);
    const words = docWords(doc);
    this.vocabulary.add(words);
    for (const word of words) this.wordChanges.set(word, (this.wordChanges.get(word) ?? 0) + 1);
  }

  private dropDoc(doc: IndexDoc | undefined): void {
    if (!doc || !this.mini.has(doc.id)) return;
    this.mini.discard(doc.id);
    const words = docWords(doc);
    this.vocabulary.remove(words);
    for (const word of words) this.wordChanges.set(word, (this.wordChanges.get(word) ?? 0) - 1);
  }
}
