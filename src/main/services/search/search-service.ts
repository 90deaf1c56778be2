import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch, { type Options } from 'minisearch';
import { isEmptyQuery, parseQuery, tokenize, type ParsedQuery } from '../../../shared/search/query';
import { fold } from '../../../shared/text/fold';
import {
  type Annotation,
  type ArticleMeta,
  type Block,
  type HighlightColor,
  type SearchHit,
  type SearchHitKind,
  type SearchResultGroup,
  type SearchResults,
  type SearchStatus,
} from '../../../shared/types';
import type { SavedArticle, SavedDocs } from './model';
import {
  colorAt,
  highlightsOf,
  insertRow,
  removeRow,
  type HighlightRow,
  type Highlights,
} from './highlights';
import { splitPassages } from './passages';
import {
  DamagedIndexError,
  indexDir,
  moveAside,
  readStoredIndex,
  removeUnnamed,
  RangeReader,
  writeStoredIndex,
  type IndexFiles,
  type StoredIndex,
} from './persist';
import {
  containsWords,
  forEachOccurrence,
  formPattern,
  formWords,
  toSearchForm,
  toTextRange,
} from './search-form';
import { cutSnippet } from './snippet';
import { Vocabulary } from './vocabulary';

/** What the search index reads from the library; the store satisfies it. */
export interface SearchSource {
  /** Live (not deleted) articles. */
  listArticles(): ArticleMeta[];
  /** An article's canonical text and blocks, or undefined when it is gone. */
  readContent(id: string): Promise<{ text: string; blocks: Block[] } | undefined>;
  /** An article's live highlights, in document order. */
  listAnnotations(articleId: string): Promise<Annotation[]>;
}

/** Options of `SearchService.open`. */
export interface SearchOpenOptions {
  /** Called as articles are (re)indexed: `done` of `total`. */
  onProgress?: (done: number, total: number) => void;
}

/** Size, in UTF-16 units, that consecutive blocks are merged up to before they form one text hit. */
export const PASSAGE_TARGET = 1500;
/** Article groups returned when no limit is given. */
export const DEFAULT_LIMIT = 10;
/** Hits shown per article; `hitCount` tells how many there are. */
export const HITS_PER_GROUP = 5;
/** Shortest word that tolerates a typo (one edit), when it is not itself a word of the library. */
const FUZZY_MIN_LENGTH = 5;
/**
 * Documents the completions of a word being typed, or the corrections of a
 * misspelt one, may hold between them (see Vocabulary): every candidate in a
 * small library, the most common few in a big one.
 */
const EXPANSION_BUDGET = 3000;
/** How much a completed or corrected word counts against the word as typed. */
const WEIGHT = { exact: 1, completion: 0.5, correction: 0.4 };

type Field = 'title' | 'author' | 'tags' | 'text' | 'notes' | 'labels';
type IndexDoc = { id: string } & Partial<Record<Field, string>>;

const FIELDS: Field[] = ['title', 'author', 'tags', 'text', 'notes', 'labels'];
/** Highlight quotes are article text, so `in:notes` reads the text field and checks the highlights. */
const SCOPE_FIELDS: Record<ParsedQuery['scope'], Field[]> = {
  all: FIELDS,
  notes: ['text', 'notes', 'labels'],
  text: ['text'],
};
const BOOST: Partial<Record<Field, number>> = { title: 3, author: 2, tags: 2, labels: 1.5, notes: 1.5 };

/**
 * Each distinct word once, repeated 1 + log2(count) times: term frequency
 * still ranks, at a fraction of what adding every occurrence costs.
 */
function weightedWords(form: string): string[] {
  const counts = new Map<string, number>();
  // Counted match by match: a book-length text never becomes one array of all its words.
  const pattern = /[^ \n]+/g;
  for (let match = pattern.exec(form); match; match = pattern.exec(form)) {
    counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  }
  const words: string[] = [];
  for (const [word, count] of counts) {
    for (let i = Math.floor(Math.log2(count)); i >= 0; i--) words.push(word);
  }
  return words;
}

/**
 * MiniSearch holds two documents per article: its body (`b:` title, author,
 * tags, text) and its highlights (`n:` notes and tags). Values are search
 * forms, so terms are only split. These options must not change between a
 * save and a load (INDEX_SCHEMA_VERSION).
 */
const MINISEARCH_OPTIONS: Options<IndexDoc> = {
  fields: FIELDS,
  tokenize: (form, field) => (field === 'text' || field === 'notes' ? weightedWords(form) : formWords(form)),
  processTerm: (term) => term,
  searchOptions: { tokenize: (term) => [term], processTerm: (term) => term, boost: BOOST },
};

/** The search forms of an article's highlights, one after another: quote, note and tags of each, each ended by '\n'. */
interface NotesForm {
  form: string;
  /** Per highlight, four offsets into `form`: quote start, note start, tags start, end. */
  bounds: number[];
}

/** An article as the index keeps it. */
interface ArticleEntry {
  id: string;
  title: string;
  author: string | null;
  tags: string[];
  contentHash: string;
  updatedAt: string;
  highlightCount: number;
  textLength: number;
  /** Search form of the text; read from the forms file when first needed (see formOf). */
  form?: string;
  formLength: number;
  /** True when the form has characters beyond Latin-1, so it is saved as UTF-16LE. */
  formWide: boolean;
  /** True when form offsets are text offsets (see SearchForm). */
  aligned: boolean;
  /** Flat [start, end, ...] text offsets (see splitPassages). */
  passages: number[];
  /** The text, kept in memory until it is saved to the texts file. */
  text?: string;
  /** Where the text (UTF-16 units) and the form (bytes) sit in the saved files; -1 until saved. */
  textOffset: number;
  formOffset: number;
  highlights: Highlights;
  notesForm?: NotesForm;
  highlightIndex?: HighlightIndex;
  /** Forms of title, author and tags (see metaForms). */
  metaForms?: string[];
  /** Passages in form offsets, for an article whose form is not aligned. */
  formPassages?: number[];
}

/** One thing to find: any of its word sequences (a word and its completions or corrections, or a phrase). */
interface Item {
  sequences: string[][];
  /** Every word MiniSearch is asked for, with the weight it counts for. */
  words: Map<string, number>;
  phrase: boolean;
}

/** Which parts of an article a query may find things in, given its scope and filters. */
interface Eligible {
  meta: boolean;
  text: boolean;
  /** True when every highlight is eligible (no colour filter, tags satisfied by the article). */
  allHighlights: boolean;
  /** Indexes into the article's highlights of those eligible, in document order. */
  highlights: () => number[];
  /** For a query of filters only: indexes of the highlights that themselves have the colours and tags. */
  listed: () => number[];
}

/** An article's highlights by folded tag and by colour: indexes in document order. */
interface HighlightIndex {
  byTag: Map<string, number[]>;
  byColor: Map<HighlightColor, number[]>;
}

/** One place in an article that matched, before its snippet is cut. */
interface Unit {
  covered: Set<number>;
  make: () => SearchHit;
}

/** A parsed query made ready to run: its items, and the patterns that find them in search forms. */
interface Plan {
  query: ParsedQuery;
  items: Item[];
  /** Matches every sequence of every item (for a query of filters only, the tags). */
  pattern: RegExp;
  /** For each sequence, its words joined by one space: the items it stands for. */
  itemsOf: Map<string, number[]>;
  /** A pattern of its own for each sequence of several words (see containsWords). */
  phrasePatterns: Map<string, RegExp>;
}

/** How much of an article must be read again from the source to make the index current. */
type Refresh = 'content' | 'annotations' | 'meta';

const bodyId = (articleId: string) => `b:${articleId}`;
const notesId = (articleId: string) => `n:${articleId}`;

/**
 * Library-wide full-text search over article titles, authors, tags and text
 * and highlight quotes, notes and tags (MiniSearch, Vietnamese folding).
 * Kept current by the library through `indexArticle`, `indexAnnotation`,
 * their `remove…` twins and `updateArticleMeta`; persisted under
 * `<library>/.gloss/search/` by `save()`.
 */
export class SearchService {
  private mini = new MiniSearch<IndexDoc>(MINISEARCH_OPTIONS);
  private vocabulary = new Vocabulary();
  private readonly articles = new Map<string, ArticleEntry>();
  /** Which article each highlight is in; built when first needed, then kept current. */
  private owners: Map<string, string> | undefined;
  private readonly tagKeys = new Map<string, string>();
  private byTitle: ArticleEntry[] | undefined;
  private files: IndexFiles | undefined;
  /** Articles changed through the public methods while a background pass runs; it re-reads them. */
  private readonly touchedDuringPass = new Set<string>();
  private passRunning = false;
  private progress: SearchStatus = { state: 'building', done: 0, total: 0 };
  private changes = 0;
  private savedChanges = 0;
  private contentChanges = 0;
  private savedContentChanges = 0;
  private saving: Promise<void> = Promise.resolve();
  private loaded: Promise<void> = Promise.resolve();
  private finished: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly source: SearchSource,
  ) {}

  /**
   * Loads the persisted index from `<library>/.gloss/search/` if it is there
   * and valid, then brings it up to date: articles added, removed or changed
   * since it was saved are re-read from `source`; without a usable index
   * every article is read. A damaged index is moved aside (to
   * `v1.damaged`) and rebuilt. Resolves when the index is complete.
   *
   * @throws whatever `source.listArticles` throws; an article whose content
   *   or highlights cannot be read is left out until the next open.
   */
  static async open(
    libraryPath: string,
    source: SearchSource,
    options: SearchOpenOptions = {},
  ): Promise<SearchService> {
    const service = SearchService.start(libraryPath, source, options);
    await service.whenReady();
    return service;
  }

  /**
   * Like `open`, but returns at once with `status.state` 'building' while
   * the index loads and catches up in the background; `whenReady()` tells
   * when it is done. Searches meanwhile see what is indexed so far.
   */
  static start(libraryPath: string, source: SearchSource, options: SearchOpenOptions = {}): SearchService {
    const service = new SearchService(indexDir(libraryPath), source);
    service.passRunning = true;
    service.loaded = service.load();
    service.finished = service.loaded
      .then(() => service.catchUp(options.onProgress))
      .finally(() => {
        service.passRunning = false;
        service.progress = { ...service.progress, state: 'ready' };
      });
    service.finished.then(() => service.preloadForms()).catch(() => undefined);
    return service;
  }

  /** Resolves when loading and catching up are complete; rejects if listing the articles failed. */
  whenReady(): Promise<void> {
    return this.finished;
  }

  /** Whether the index is complete, and how far a build has come. */
  get status(): SearchStatus {
    return { ...this.progress };
  }

  /** Indexes an article (title, author, tags, text) with its highlights, replacing what was indexed for it. */
  indexArticle(
    meta: ArticleMeta,
    content: { text: string; blocks: Block[] },
    annotations: Annotation[],
  ): void {
    this.touch(meta.id);
    this.putArticle(meta, content, annotations);
  }

  /** Drops an article and its highlights from the index; unknown ids are ignored. */
  removeArticle(articleId: string): void {
    this.touch(articleId);
    this.dropArticle(articleId);
  }

  /**
   * Indexes a highlight (quote, note, tags, colour), replacing its earlier
   * version; a tombstoned one is removed. Ignored while its article is not
   * indexed (the article brings its highlights when it is).
   */
  indexAnnotation(annotation: Annotation): void {
    this.touch(annotation.articleId);
    if (annotation.deleted) {
      this.removeHighlight(annotation.id);
      return;
    }
    const entry = this.articles.get(annotation.articleId);
    if (!entry) return;
    if (this.ownerOf(annotation.id) !== entry.id) this.removeHighlight(annotation.id);
    this.changeNotes(entry, () => {
      removeRow(entry.highlights, annotation.id);
      insertRow(entry.highlights, this.highlightRow(entry, annotation));
      this.owners?.set(annotation.id, entry.id);
    });
  }

  /**
   * Makes the index hold exactly `annotations` (the live ones) for one
   * article: after an undo, a redo or a tag change touched several at once.
   */
  replaceAnnotations(articleId: string, annotations: Annotation[]): void {
    const entry = this.articles.get(articleId);
    if (!entry) return;
    this.touch(articleId);
    const live = annotations.filter((a) => !a.deleted);
    this.changeNotes(entry, () => {
      for (const id of [...entry.highlights.ids]) {
        removeRow(entry.highlights, id);
        this.owners?.delete(id);
      }
      for (const annotation of live) {
        insertRow(entry.highlights, this.highlightRow(entry, annotation));
        this.owners?.set(annotation.id, entry.id);
      }
    });
  }

  /** Drops a highlight from the index; unknown ids are ignored. */
  removeAnnotation(id: string): void {
    const articleId = this.ownerOf(id);
    if (articleId) this.touch(articleId);
    this.removeHighlight(id);
  }

  /**
   * Re-indexes an article's title, author and tags. A deleted article is
   * removed. A changed content hash is not indexed here (there is no text):
   * pass the content to `indexArticle`.
   */
  updateArticleMeta(meta: ArticleMeta): void {
    this.touch(meta.id);
    if (meta.deleted) this.dropArticle(meta.id);
    else this.applyMeta(meta);
  }

  /**
   * Searches the library (query language: `parseQuery`). An article matches
   * when every word and phrase occurs in the parts the filters allow; results
   * are its places holding the most of them. Articles come best first, at
   * most `limit` (default 10), each with at most 5 hits; `total` counts all
   * matching articles.
   *
   * @throws GlossError('invalid-argument') for a malformed filter.
   */
  search(input: string, options: { limit?: number } = {}): SearchResults {
    const started = performance.now();
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const plan = this.plan(parseQuery(input));
    const ranked =
      plan.items.length > 0 ? this.rank(plan) : isEmptyQuery(plan.query) ? [] : this.listing(plan.query);
    const reader = this.reader('texts');
    try {
      const groups = ranked.slice(0, limit).map((entry) => this.group(entry, plan, reader));
      return { total: ranked.length, groups, tookMs: performance.now() - started };
    } finally {
      reader.close();
    }
  }

  /**
   * Writes the index to disk if it changed since the last save (see
   * `writeStoredIndex`): the texts and their search forms only when articles
   * were added, changed or removed. Waits for a load in progress; saves run
   * one at a time. Cost grows with the library, so call it after a quiet
   * delay and on stop, not after every change.
   */
  save(): Promise<void> {
    this.saving = this.saving.then(() => this.writeNow());
    return this.saving;
  }

  private async writeNow(): Promise<void> {
    await this.loaded;
    if (this.changes === this.savedChanges) return;
    const at = this.changes;
    const contentAt = this.contentChanges;
    const entries = [...this.articles.values()];
    const layout = contentAt !== this.savedContentChanges || !this.files ? this.layout(entries) : undefined;
    const docs: SavedDocs = {
      articles: entries.map((entry) => savedArticle(entry, layout?.offsets.get(entry))),
      vocabulary: this.vocabulary.toJSON(),
    };
    const files = await writeStoredIndex(
      this.dir,
      { indexJson: JSON.stringify(this.mini), docsJson: JSON.stringify(docs), ...layout?.parts },
      this.files,
    );
    this.files = files;
    for (const [entry, offsets] of layout?.offsets ?? []) {
      if (this.articles.get(entry.id) !== entry) continue;
      Object.assign(entry, offsets);
      delete entry.text;
    }
    this.savedChanges = at;
    if (layout) this.savedContentChanges = contentAt;
    await removeUnnamed(this.dir, files);
  }

  /** Lays all texts and forms out one after another, as the texts and forms files hold them. */
  private layout(entries: ArticleEntry[]) {
    const reader = this.reader('texts');
    try {
      const units = entries.reduce((n, entry) => n + entry.textLength, 0);
      const texts = Buffer.alloc(units * 2);
      const formBytes = entries.reduce((n, entry) => n + entry.formLength * (entry.formWide ? 2 : 1), 0);
      const forms = Buffer.alloc(formBytes);
      const offsets = new Map<ArticleEntry, { textOffset: number; formOffset: number }>();
      let textOffset = 0;
      let formOffset = 0;
      for (const entry of entries) {
        const text = this.textAt(entry, 0, entry.textLength, reader) ?? ' '.repeat(entry.textLength);
        texts.write(text, textOffset * 2, 'utf16le');
        offsets.set(entry, { textOffset, formOffset });
        textOffset += entry.textLength;
        formOffset += forms.write(this.formOf(entry), formOffset, entry.formWide ? 'utf16le' : 'latin1');
      }
      return { offsets, parts: { texts, forms } };
    } finally {
      reader.close();
    }
  }

  /**
   * Installs the saved index, if there is a usable one. A damaged one is
   * moved aside; one that cannot be read (permissions, I/O) is left in place.
   * Either way the index starts empty and `catchUp` rebuilds it.
   */
  private async load(): Promise<void> {
    let stored: StoredIndex | undefined;
    let mini: MiniSearch<IndexDoc>;
    try {
      stored = await readStoredIndex(this.dir);
      if (!stored) return;
      mini = loadMiniSearch(stored);
    } catch (error) {
      if (error instanceof DamagedIndexError) await moveAside(this.dir).catch(() => undefined);
      return;
    }
    this.mini = mini;
    this.vocabulary = Vocabulary.fromJSON(stored.docs.vocabulary);
    this.files = stored.files;
    this.articles.clear();
    this.owners = undefined;
    this.byTitle = undefined;
    for (const saved of stored.docs.articles) {
      const entry = loadedArticle(saved);
      this.articles.set(entry.id, entry);
    }
  }

  /**
   * Re-reads from the source every article whose fingerprint differs from
   * what is indexed, then, until none is left, every article changed through
   * the public methods meanwhile (the source has the last word).
   */
  private async catchUp(onProgress?: (done: number, total: number) => void): Promise<void> {
    const live = new Map(this.source.listArticles().map((meta) => [meta.id, meta]));
    const queue: [ArticleMeta, Refresh][] = [];
    for (const id of this.articles.keys()) if (!live.has(id)) this.dropArticle(id);
    for (const meta of live.values()) {
      const refresh = this.staleness(meta);
      if (refresh === 'meta') this.applyMeta(meta);
      else if (refresh) queue.push([meta, refresh]);
    }
    let done = 0;
    const report = () => {
      this.progress = { state: 'building', done, total: done + queue.length };
      onProgress?.(done, done + queue.length);
    };
    report();
    for (;;) {
      const next = queue.shift();
      if (!next) {
        if (this.touchedDuringPass.size === 0) break;
        const current = new Map(this.source.listArticles().map((meta) => [meta.id, meta]));
        for (const id of this.touchedDuringPass) {
          const meta = current.get(id);
          if (meta) queue.push([meta, 'content']);
          else this.dropArticle(id);
        }
        this.touchedDuringPass.clear();
        continue;
      }
      await this.refreshArticle(...next);
      done++;
      report();
    }
  }

  private staleness(meta: ArticleMeta): Refresh | undefined {
    const entry = this.articles.get(meta.id);
    if (!entry || entry.contentHash !== meta.contentHash) return 'content';
    if (entry.updatedAt !== meta.updatedAt || entry.highlightCount !== meta.highlightCount)
      return 'annotations';
    const sameMeta =
      entry.title === meta.title &&
      entry.author === meta.author &&
      entry.tags.length === meta.tags.length &&
      entry.tags.every((tag, i) => tag === meta.tags[i]);
    return sameMeta ? undefined : 'meta';
  }

  private async refreshArticle(meta: ArticleMeta, refresh: Refresh): Promise<void> {
    try {
      const annotations = this.source.listAnnotations(meta.id);
      if (refresh === 'content') {
        const content = await this.source.readContent(meta.id);
        if (content) this.putArticle(meta, content, await annotations);
        else this.dropArticle(meta.id);
        return;
      }
      const live = await annotations;
      const entry = this.articles.get(meta.id);
      if (!entry) return;
      this.setHighlights(entry, live);
      this.applyMeta(meta);
    } catch {
      const entry = this.articles.get(meta.id);
      if (entry) entry.contentHash = '';
    }
  }

  private touch(articleId: string): void {
    if (this.passRunning) this.touchedDuringPass.add(articleId);
  }

  private putArticle(
    meta: ArticleMeta,
    content: { text: string; blocks: Block[] },
    annotations: Annotation[],
  ): void {
    this.dropArticle(meta.id);
    if (meta.deleted) return;
    const { form, map } = toSearchForm(content.text);
    const entry: ArticleEntry = {
      id: meta.id,
      title: meta.title,
      author: meta.author,
      tags: [...meta.tags],
      contentHash: meta.contentHash,
      updatedAt: meta.updatedAt,
      highlightCount: meta.highlightCount,
      textLength: content.text.length,
      form,
      formLength: form.length,
      formWide: /[\u0100-\uffff]/.test(form),
      aligned: !map,
      passages: splitPassages(content.text, content.blocks, PASSAGE_TARGET).flatMap((p) => [p.start, p.end]),
      text: content.text,
      textOffset: -1,
      formOffset: -1,
      highlights: highlightsOf([]),
    };
    this.articles.set(entry.id, entry);
    this.byTitle = undefined;
    this.addDoc(this.bodyDoc(entry));
    this.setHighlights(entry, annotations);
    this.changes++;
    this.contentChanges++;
  }

  private dropArticle(articleId: string): void {
    const entry = this.articles.get(articleId);
    if (!entry) return;
    this.dropDoc(this.bodyDoc(entry));
    this.dropDoc(this.notesDoc(entry));
    for (const id of entry.highlights.ids) this.owners?.delete(id);
    this.articles.delete(articleId);
    this.byTitle = undefined;
    this.changes++;
    this.contentChanges++;
  }

  private applyMeta(meta: ArticleMeta): void {
    const entry = this.articles.get(meta.id);
    if (!entry) return;
    this.dropDoc(this.bodyDoc(entry));
    delete entry.metaForms;
    Object.assign(entry, {
      title: meta.title,
      author: meta.author,
      tags: [...meta.tags],
      updatedAt: meta.updatedAt,
      highlightCount: meta.highlightCount,
    });
    this.addDoc(this.bodyDoc(entry));
    this.byTitle = undefined;
    this.changes++;
  }

  private setHighlights(entry: ArticleEntry, annotations: Annotation[]): void {
    const reader = this.reader('texts');
    const text = this.textAt(entry, 0, entry.textLength, reader);
    reader.close();
    const rows = annotations.filter((a) => !a.deleted).map((a) => this.highlightRow(entry, a, text));
    this.changeNotes(entry, () => {
      for (const id of entry.highlights.ids) this.owners?.delete(id);
      entry.highlights = highlightsOf(rows);
      for (const id of entry.highlights.ids) this.owners?.set(id, entry.id);
    });
  }

  private removeHighlight(id: string): void {
    const entry = this.articles.get(this.ownerOf(id) ?? '');
    if (!entry) return;
    this.changeNotes(entry, () => {
      removeRow(entry.highlights, id);
      this.owners?.delete(id);
    });
  }

  private ownerOf(highlightId: string): string | undefined {
    if (!this.owners) {
      this.owners = new Map();
      for (const entry of this.articles.values()) {
        for (const id of entry.highlights.ids) this.owners.set(id, entry.id);
      }
    }
    return this.owners.get(highlightId);
  }

  /** Re-indexes an article's highlights document around a change to its highlights. */
  private changeNotes(entry: ArticleEntry, change: () => void): void {
    this.dropDoc(this.notesDoc(entry));
    change();
    delete entry.notesForm;
    delete entry.highlightIndex;
    this.addDoc(this.notesDoc(entry));
    this.changes++;
  }

  private highlightRow(entry: ArticleEntry, annotation: Annotation, text?: string): HighlightRow {
    const start = Math.min(Math.max(0, annotation.target.position.start), entry.textLength);
    const end = Math.min(Math.max(start, annotation.target.position.end), entry.textLength);
    const exact = annotation.target.quote.exact;
    let atPosition = text?.slice(start, end);
    if (atPosition === undefined) {
      const reader = this.reader('texts');
      atPosition = this.textAt(entry, start, end, reader);
      reader.close();
    }
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

  private bodyDoc(entry: ArticleEntry): IndexDoc {
    return {
      id: bodyId(entry.id),
      title: toSearchForm(entry.title).form,
      author: toSearchForm(entry.author ?? '').form,
      tags: toSearchForm(entry.tags.join('\n')).form,
      text: this.formOf(entry),
    };
  }

  /** The highlights document: notes (with quotes that are not article text) and tags; undefined when empty. */
  private notesDoc(entry: ArticleEntry): IndexDoc | undefined {
    const { notes: written, quotes, tags } = entry.highlights;
    const notes = [...written, ...quotes.values()].filter((text) => text !== '');
    const labels = tags.flat();
    if (notes.length === 0 && labels.length === 0) return undefined;
    return {
      id: notesId(entry.id),
      notes: toSearchForm(notes.join('\n')).form,
      labels: toSearchForm(labels.join('\n')).form,
    };
  }

  private addDoc(doc: IndexDoc | undefined): void {
    if (!doc) return;
    this.mini.add(doc);
    this.vocabulary.add(docWords(doc));
  }

  private dropDoc(doc: IndexDoc | undefined): void {
    if (!doc || !this.mini.has(doc.id)) return;
    this.mini.discard(doc.id);
    this.vocabulary.remove(docWords(doc));
  }

  /**
   * Readies a query: the words and phrases to find (each word with its
   * completions while typed, or corrections when unknown) and the patterns
   * that find them in search forms.
   */
  private plan(query: ParsedQuery): Plan {
    const items = query.terms.map((term, i): Item => {
      const words = new Map([[term, WEIGHT.exact]]);
      if (query.prefixLast && i === query.terms.length - 1) {
        for (const word of this.vocabulary.completions(term, EXPANSION_BUDGET))
          words.set(word, WEIGHT.completion);
      }
      if (words.size === 1 && term.length >= FUZZY_MIN_LENGTH && !this.vocabulary.has(term)) {
        for (const word of this.vocabulary.neighbours(term, EXPANSION_BUDGET))
          words.set(word, WEIGHT.correction);
      }
      return { sequences: [...words.keys()].map((word) => [word]), words, phrase: false };
    });
    for (const phrase of query.phrases) {
      items.push({
        sequences: [phrase],
        words: new Map(phrase.map((word) => [word, WEIGHT.exact])),
        phrase: true,
      });
    }
    const itemsOf = new Map<string, number[]>();
    const phrasePatterns = new Map<string, RegExp>();
    items.forEach((item, index) => {
      for (const words of item.sequences) {
        const key = words.join(' ');
        itemsOf.set(key, [...(itemsOf.get(key) ?? []), index]);
        if (words.length > 1) phrasePatterns.set(key, formPattern([words]));
      }
    });
    const sequences =
      items.length > 0 ? items.flatMap((item) => item.sequences) : query.tags.map((t) => t.split(' '));
    return { query, items, pattern: formPattern(sequences), itemsOf, phrasePatterns };
  }

  /** Articles holding every item where the query allows, best first. */
  private rank(plan: Plan): ArticleEntry[] {
    const { query, items } = plan;
    const weights = new Map<string, number>();
    for (const item of items) {
      for (const [word, weight] of item.words) weights.set(word, Math.max(weights.get(word) ?? 0, weight));
    }
    const fields = SCOPE_FIELDS[query.colors.length > 0 ? 'notes' : query.scope];
    const results = this.mini.search(
      { combineWith: 'OR', queries: [...weights.keys()] },
      { fields, boostTerm: (term) => weights.get(term) ?? 1 },
    );
    /** What an article must hold: any word of each word item, every word of each phrase. */
    const needs = new Map<string, number[]>();
    let needed = 0;
    const need = (word: string, index: number) => needs.set(word, [...(needs.get(word) ?? []), index]);
    for (const item of items) {
      if (item.phrase) for (const word of item.words.keys()) need(word, needed++);
      else {
        for (const word of item.words.keys()) need(word, needed);
        needed++;
      }
    }
    const found = new Map<string, { score: number; met: Uint8Array; left: number }>();
    for (const result of results) {
      const articleId = String(result.id).slice(2);
      let article = found.get(articleId);
      if (!article) found.set(articleId, (article = { score: 0, met: new Uint8Array(needed), left: needed }));
      article.score += result.score;
      for (const term of result.terms) {
        for (const need of needs.get(term) ?? []) {
          if (article.met[need] === 0) {
            article.met[need] = 1;
            article.left--;
          }
        }
      }
    }
    const ranked: { entry: ArticleEntry; score: number }[] = [];
    for (const [articleId, { score, left }] of found) {
      const entry = left === 0 ? this.articles.get(articleId) : undefined;
      if (entry && this.holds(entry, plan)) ranked.push({ entry, score });
    }
    return ranked.sort((a, b) => b.score - a.score).map(({ entry }) => entry);
  }

  /**
   * Whether an article that MiniSearch found holding every item holds each
   * in a part the query allows, phrases as phrases. Needs no reading when
   * MiniSearch searched exactly the allowed parts and there are no phrases.
   */
  private holds(entry: ArticleEntry, plan: Plan): boolean {
    const { query } = plan;
    const eligible = this.eligible(entry, query);
    const searchedExactly =
      query.colors.length === 0 &&
      (query.scope === 'all' ? eligible.meta : query.scope === 'text' && eligible.text);
    if (searchedExactly && query.phrases.length === 0) return true;
    const direct = [
      ...(eligible.meta ? metaForms(entry) : []),
      ...(eligible.text ? [this.formOf(entry)] : []),
    ];
    let highlights: string[] | undefined;
    /** The allowed highlights' forms, built only when the title, author, tags and text do not hold an item. */
    const highlightForms = () => {
      if (highlights) return highlights;
      highlights = [];
      if (query.scope === 'text') return highlights;
      const notes = this.notesFormOf(entry);
      if (eligible.allHighlights) highlights.push(notes.form);
      else {
        for (const i of eligible.highlights()) {
          highlights.push(notes.form.slice(notes.bounds[4 * i], notes.bounds[4 * i + 3]));
        }
      }
      return highlights;
    };
    return plan.items.every((item) =>
      item.sequences.some((words) => {
        const pattern = plan.phrasePatterns.get(words.join(' '));
        const holding = (form: string) => containsWords(form, words, pattern);
        return direct.some(holding) || highlightForms().some(holding);
      }),
    );
  }

  /** What filters alone select: articles with the tags, highlights of the colours and tags; by title. */
  private listing(query: ParsedQuery): ArticleEntry[] {
    const collator = new Intl.Collator('vi');
    this.byTitle ??= [...this.articles.values()].sort((a, b) => collator.compare(a.title, b.title));
    return this.byTitle.filter((entry) => {
      const eligible = this.eligible(entry, query);
      return (eligible.meta && query.tags.length > 0) || eligible.listed().length > 0;
    });
  }

  private eligible(entry: ArticleEntry, query: ParsedQuery): Eligible {
    const articleTags = entry.tags.map((tag) => this.tagKey(tag));
    const untagged = query.tags.filter((tag) => !articleTags.includes(tag));
    const anyColor = query.colors.length === 0;
    /** Highlights of the query's colours carrying each of `tags`. */
    const having = (tags: string[]) => {
      if (query.scope === 'text') return [];
      const index = this.highlightIndexOf(entry);
      const colored = query.colors.map((color) => index.byColor.get(color) ?? []);
      let chosen = colored.length < 2 ? colored[0] : colored.flat().sort((a, b) => a - b);
      for (const tag of tags) {
        const tagged = index.byTag.get(tag) ?? [];
        chosen = chosen ? chosen.filter((i) => tagged.includes(i)) : tagged;
      }
      return chosen ?? entry.highlights.ids.map((_, i) => i);
    };
    return {
      meta: query.scope === 'all' && anyColor && untagged.length === 0,
      text: query.scope !== 'notes' && anyColor && untagged.length === 0,
      allHighlights: query.scope !== 'text' && anyColor && untagged.length === 0,
      highlights: () => having(untagged),
      listed: () => having(query.tags),
    };
  }

  private highlightIndexOf(entry: ArticleEntry): HighlightIndex {
    if (entry.highlightIndex) return entry.highlightIndex;
    const index: HighlightIndex = { byTag: new Map(), byColor: new Map() };
    entry.highlights.ids.forEach((_, i) => {
      const color = colorAt(entry.highlights, i);
      index.byColor.set(color, [...(index.byColor.get(color) ?? []), i]);
      for (const key of new Set(entry.highlights.tags[i]?.map((tag) => this.tagKey(tag)))) {
        index.byTag.set(key, [...(index.byTag.get(key) ?? []), i]);
      }
    });
    entry.highlightIndex = index;
    return index;
  }

  /** Folds a tag for `tag:` comparisons, exactly as the query parser folds the filter's value. */
  private tagKey(tag: string): string {
    let key = this.tagKeys.get(tag);
    if (key === undefined) this.tagKeys.set(tag, (key = tokenize(fold(tag)).join(' ')));
    return key;
  }

  /**
   * The article's hits: the allowed places holding the most items (for a
   * query of filters only, what the filters select), title, author and tags
   * first, then highlights and text in document order.
   */
  private group(entry: ArticleEntry, plan: Plan, reader: RangeReader): SearchResultGroup {
    const { query, items, pattern, itemsOf } = plan;
    const eligible = this.eligible(entry, query);
    const listing = items.length === 0;
    /** Calls `visit` for every occurrence of the items in `form` with where it starts and the items it stands for. */
    const scan = (form: string, visit: (at: number, matched: number[]) => void) => {
      for (const [key, matched] of itemsOf)
        forEachOccurrence(form, key.split(' '), (at) => visit(at, matched));
    };
    const score = (covered: Set<number>) => (listing ? 1 : covered.size / items.length);
    const snippet = (text: string) => {
      const { form, map } = toSearchForm(text);
      const ranges = [...form.matchAll(pattern)].map((m) =>
        toTextRange({ form, map }, m.index, m.index + m[0].length),
      );
      return { cut: cutSnippet(text, ranges), first: ranges[0] };
    };

    const units: Unit[] = [];
    if (eligible.meta && (!listing || query.tags.length > 0)) {
      const meta: [SearchHitKind, string, string][] = [
        ['title', entry.title, metaForms(entry)[0] ?? ''],
        ['author', entry.author ?? '', metaForms(entry)[1] ?? ''],
        ['tag', entry.tags.join(', '), metaForms(entry)[2] ?? ''],
      ];
      for (const [kind, text, form] of listing ? meta.slice(2) : meta) {
        const covered = new Set<number>();
        scan(form, (_, matched) => matched.forEach((index) => covered.add(index)));
        units.push({ covered, make: () => ({ kind, score: score(covered), snippet: snippet(text).cut }) });
      }
    }

    const notes = this.notesFormOf(entry);
    const fieldStarts = notes.bounds.filter((_, i) => i % 4 !== 3);
    const byField = new Map<number, Set<number>[]>();
    scan(notes.form, (at, matched) => {
      const field = lastAtOrBefore(fieldStarts, at);
      const h = Math.floor(field / 3);
      let sets = byField.get(h);
      if (!sets) byField.set(h, (sets = [new Set(), new Set(), new Set()]));
      for (const index of matched) sets[field % 3]?.add(index);
    });
    const chosen = listing ? eligible.listed() : eligible.highlights().filter((i) => byField.has(i));
    for (const i of chosen) {
      const h = entry.highlights;
      const sets = byField.get(i);
      const covered = new Set(sets?.flatMap((set) => [...set]));
      const best = sets
        ? sets.reduce((top, set, f) => (set.size > (sets[top] as Set<number>).size ? f : top), 0)
        : 0;
      const kind = (['quote', 'note', 'tag'] as const)[best] ?? 'quote';
      const [id, start, end] = [h.ids[i] as string, h.starts[i] as number, h.ends[i] as number];
      units.push({
        covered,
        make: () => {
          const quote = () =>
            h.quotes.get(id) ??
            this.textAt(entry, start, end, reader) ??
            notes.form.slice(notes.bounds[4 * i], (notes.bounds[4 * i + 1] as number) - 1);
          const text =
            kind === 'note' ? (h.notes[i] ?? '') : kind === 'tag' ? (h.tags[i] ?? []).join(', ') : quote();
          const color = colorAt(h, i);
          return {
            kind,
            score: score(covered),
            snippet: snippet(text).cut,
            annotationId: id,
            color,
            start,
            end,
          };
        },
      });
    }

    if (eligible.text && !listing) {
      const passages = this.formPassagesOf(entry, reader);
      const passageStarts = passages.filter((_, i) => i % 2 === 0);
      const byPassage = new Map<number, Set<number>>();
      scan(this.formOf(entry), (at, matched) => {
        const p = lastAtOrBefore(passageStarts, at);
        let covered = byPassage.get(p);
        if (!covered) byPassage.set(p, (covered = new Set()));
        for (const index of matched) covered.add(index);
      });
      for (const [p, covered] of [...byPassage].sort((a, b) => a[0] - b[0])) {
        const start = entry.passages[2 * p] as number;
        const end = entry.passages[2 * p + 1] as number;
        units.push({
          covered,
          make: () => {
            const text =
              this.textAt(entry, start, end, reader) ??
              this.formOf(entry).slice(passages[2 * p], passages[2 * p + 1]);
            const { cut, first } = snippet(text);
            const [from, to] = first ?? [0, 0];
            return {
              kind: 'text',
              score: score(covered),
              snippet: cut,
              start: start + from,
              end: start + to,
            };
          },
        });
      }
    }

    const most = Math.max(0, ...units.map((unit) => unit.covered.size));
    const kept = listing ? units : units.filter((unit) => most > 0 && unit.covered.size === most);
    return {
      article: { id: entry.id, title: entry.title, author: entry.author },
      hits: kept.slice(0, HITS_PER_GROUP).map((unit) => unit.make()),
      hitCount: kept.length,
    };
  }

  /** A reader of one of the saved files (reads nothing before the first save). */
  private reader(part: 'texts' | 'forms'): RangeReader {
    return new RangeReader(this.files && path.join(this.dir, this.files[part].file));
  }

  /**
   * The article's search form, read from the forms file the first time (the
   * rest are read in the background after opening, see preloadForms). One
   * that cannot be read is taken as empty, and the article as changed, so the
   * next open reads it again from the source.
   */
  private formOf(entry: ArticleEntry): string {
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

  /** Reads every search form not yet read, in one pass over the forms file, without blocking searches. */
  private async preloadForms(): Promise<void> {
    const files = this.files;
    if (!files) return;
    const all = await readFile(path.join(this.dir, files.forms.file));
    if (this.files !== files) return;
    for (const entry of this.articles.values()) {
      if (entry.form !== undefined || entry.formOffset < 0) continue;
      const end = entry.formOffset + entry.formLength * (entry.formWide ? 2 : 1);
      entry.form = all.toString(entry.formWide ? 'utf16le' : 'latin1', entry.formOffset, end);
    }
  }

  /** The article text between `start` and `end`, from memory or the saved texts file; undefined if unreadable. */
  private textAt(entry: ArticleEntry, start: number, end: number, reader: RangeReader): string | undefined {
    if (entry.text !== undefined) return entry.text.slice(start, end);
    if (entry.textOffset < 0) return undefined;
    return reader.read((entry.textOffset + start) * 2, (entry.textOffset + end) * 2, 'utf16le');
  }

  private notesFormOf(entry: ArticleEntry): NotesForm {
    if (entry.notesForm) return entry.notesForm;
    let form = '';
    const bounds: number[] = [];
    const h = entry.highlights;
    h.ids.forEach((id, i) => {
      const quote = h.quotes.get(id);
      bounds.push(form.length);
      form += `${quote === undefined ? this.formOf(entry).slice(h.starts[i], h.ends[i]) : toSearchForm(quote).form}\n`;
      bounds.push(form.length);
      form += `${toSearchForm(h.notes[i] ?? '').form}\n`;
      bounds.push(form.length);
      form += `${toSearchForm((h.tags[i] ?? []).join(', ')).form}\n`;
      bounds.push(form.length);
    });
    entry.notesForm = { form, bounds };
    return entry.notesForm;
  }

  /** Passage offsets in the form: the text's own where aligned, else mapped through the text's folding. */
  private formPassagesOf(entry: ArticleEntry, reader: RangeReader): number[] {
    if (entry.aligned) return entry.passages;
    if (entry.formPassages) return entry.formPassages;
    const text = this.textAt(entry, 0, entry.textLength, reader);
    const map = text === undefined ? undefined : toSearchForm(text).map;
    const formAt = (offset: number) => {
      if (!map) return Math.min(offset, entry.formLength);
      let low = 0;
      let high = entry.formLength;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((map[mid] as number) < offset) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    entry.formPassages = entry.passages.map(formAt);
    return entry.formPassages;
  }
}

/** The index of the last of `sorted` that is at most `value` (0 when none is). */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}

/** The forms of an article's title, author and tags (kept until they change). */
function metaForms(entry: ArticleEntry): string[] {
  entry.metaForms ??= [entry.title, entry.author ?? '', entry.tags.join(', ')].map(
    (text) => toSearchForm(text).form,
  );
  return entry.metaForms;
}

function docWords(doc: IndexDoc): Set<string> {
  return new Set(FIELDS.flatMap((field) => formWords(doc[field] ?? '')));
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

function savedArticle(
  entry: ArticleEntry,
  offsets: { textOffset: number; formOffset: number } | undefined,
): SavedArticle {
  return {
    id: entry.id,
    title: entry.title,
    author: entry.author,
    tags: entry.tags,
    contentHash: entry.contentHash,
    updatedAt: entry.updatedAt,
    highlightCount: entry.highlightCount,
    textOffset: offsets?.textOffset ?? entry.textOffset,
    textLength: entry.textLength,
    formOffset: offsets?.formOffset ?? entry.formOffset,
    formLength: entry.formLength,
    formWide: entry.formWide,
    aligned: entry.aligned,
    passages: entry.passages,
    highlights: { ...entry.highlights, quotes: [...entry.highlights.quotes] },
  };
}

function loadedArticle(saved: SavedArticle): ArticleEntry {
  return {
    id: saved.id,
    title: saved.title,
    author: saved.author,
    tags: saved.tags,
    contentHash: saved.contentHash,
    updatedAt: saved.updatedAt,
    highlightCount: saved.highlightCount,
    textLength: saved.textLength,
    formLength: saved.formLength,
    formWide: saved.formWide,
    aligned: saved.aligned,
    passages: saved.passages,
    textOffset: saved.textOffset,
    formOffset: saved.formOffset,
    highlights: { ...saved.highlights, quotes: new Map(saved.highlights.quotes) },
  };
}
