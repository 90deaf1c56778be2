import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import {
  isEmptyQuery,
  parseQuery,
  tokenize,
  wordsPattern,
  type ParsedQuery,
} from '../../../shared/search/query';
import { fold } from '../../../shared/text/fold';
import type {
  Annotation,
  ArticleMeta,
  Block,
  SearchHit,
  SearchHitKind,
  SearchResultGroup,
  SearchResults,
  SearchStatus,
} from '../../../shared/types';
import type { IndexedArticle, IndexedHighlight } from './model';
import { splitPassages } from './passages';
import {
  DamagedIndexError,
  indexDir,
  moveAside,
  readStoredIndex,
  writeStoredIndex,
  type StoredIndex,
} from './persist';
import { cutSnippet } from './snippet';

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

/** Size, in UTF-16 units, that consecutive blocks are merged up to before they form one search document. */
export const PASSAGE_TARGET = 2000;
/** Groups returned when no limit is given. */
export const DEFAULT_LIMIT = 20;
/** Hits shown per article; `hitCount` tells how many there are. */
export const HITS_PER_GROUP = 5;

type Field = 'title' | 'author' | 'tags' | 'text' | 'quote' | 'note' | 'labels';
type IndexDoc = { id: string } & Partial<Record<Field, string>>;

const FIELDS: Field[] = ['title', 'author', 'tags', 'text', 'quote', 'note', 'labels'];
const SCOPE_FIELDS: Record<ParsedQuery['scope'], Field[]> = {
  all: FIELDS,
  notes: ['quote', 'note', 'labels'],
  text: ['text'],
};
const BOOST: Partial<Record<Field, number>> = {
  title: 3,
  author: 2,
  tags: 2,
  labels: 1.5,
  note: 1.5,
  quote: 1.2,
};
/** Shortest word that tolerates a typo (one edit). */
const FUZZY_MIN_LENGTH = 5;

/**
 * The index options; every field value is folded before it is added, so
 * terms are only split. They must stay identical between save and load.
 */
const MINISEARCH_OPTIONS: Options<IndexDoc> = {
  fields: FIELDS,
  tokenize: (text) => tokenize(text),
  processTerm: (term) => term,
  searchOptions: {
    tokenize: (text) => tokenize(fold(text)),
    processTerm: (term) => term,
    boost: BOOST,
    combineWith: 'AND',
  },
};

type DocRef =
  | { kind: 'meta'; articleId: string }
  | { kind: 'passage'; articleId: string; index: number }
  | { kind: 'highlight'; annotationId: string };

const metaDocId = (articleId: string) => `m:${articleId}`;
const passageDocId = (articleId: string, index: number) => `p:${index}:${articleId}`;
const highlightDocId = (annotationId: string) => `h:${annotationId}`;

function parseDocId(id: string): DocRef {
  if (id.startsWith('m:')) return { kind: 'meta', articleId: id.slice(2) };
  if (id.startsWith('h:')) return { kind: 'highlight', annotationId: id.slice(2) };
  const colon = id.indexOf(':', 2);
  return { kind: 'passage', index: Number(id.slice(2, colon)), articleId: id.slice(colon + 1) };
}

/** How much of an article must be read again from the source to make the index current. */
type Refresh = 'content' | 'annotations' | 'meta';

/** One hit found; called only for hits that are returned, since cutting the snippet costs. */
type PendingHit = () => SearchHit;

/** Folds a tag for `tag:` comparisons, exactly as the query parser folds the filter's value. */
function foldTag(tag: string): string {
  return tokenize(fold(tag)).join(' ');
}

/**
 * Library-wide full-text search over article titles, authors, tags and text
 * and highlight quotes, notes and tags (MiniSearch, Vietnamese folding).
 * Kept current by the library through `indexArticle`, `indexAnnotation`,
 * their `remove…` twins and `updateArticleMeta`; persisted under
 * `<library>/.gloss/search/` by `save()`.
 */
export class SearchService {
  private mini = new MiniSearch<IndexDoc>(MINISEARCH_OPTIONS);
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly highlights = new Map<string, IndexedHighlight>();
  private readonly highlightsByArticle = new Map<string, Set<string>>();
  /** Articles changed through the public methods while a background pass runs; it re-reads them. */
  private readonly touchedDuringPass = new Set<string>();
  private passRunning = false;
  private progress: SearchStatus = { state: 'building', done: 0, total: 0 };
  private changes = 0;
  private savedChanges = 0;
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
    if (annotation.deleted) this.dropHighlight(annotation.id);
    else if (this.articles.has(annotation.articleId)) this.putHighlight(annotation);
  }

  /**
   * Makes the index hold exactly `annotations` (the live ones) for one
   * article: after an undo, a redo or a tag change touched several at once.
   */
  replaceAnnotations(articleId: string, annotations: Annotation[]): void {
    const keep = new Set(annotations.map((a) => a.id));
    for (const id of [...(this.highlightsByArticle.get(articleId) ?? [])]) {
      if (!keep.has(id)) this.removeAnnotation(id);
    }
    for (const annotation of annotations) this.indexAnnotation(annotation);
  }

  /** Drops a highlight from the index; unknown ids are ignored. */
  removeAnnotation(id: string): void {
    const articleId = this.highlights.get(id)?.articleId;
    if (articleId) this.touch(articleId);
    this.dropHighlight(id);
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

  private applyMeta(meta: ArticleMeta): void {
    const entry = this.articles.get(meta.id);
    if (!entry) return;
    this.mini.discard(metaDocId(meta.id));
    Object.assign(entry, {
      title: meta.title,
      author: meta.author,
      tags: [...meta.tags],
      foldedTags: meta.tags.map(foldTag),
      updatedAt: meta.updatedAt,
      highlightCount: meta.highlightCount,
    });
    this.mini.add(metaDoc(entry));
    this.changes++;
  }

  /**
   * Searches the library. See `parseQuery` for the query language. Results
   * are grouped by article, best group first, at most `limit` groups
   * (default 20) of at most 5 hits each; `total` counts every hit.
   *
   * @throws GlossError('invalid-argument') for a malformed filter.
   */
  search(input: string, options: { limit?: number } = {}): SearchResults {
    const started = performance.now();
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const query = parseQuery(input);
    const collector = new GroupCollector(this.articles, limit);
    if (query.terms.length > 0 || query.phrases.length > 0) this.collectMatches(query, collector);
    else if (!isEmptyQuery(query)) this.collectFiltered(query, collector);
    return { ...collector.results(), tookMs: performance.now() - started };
  }

  /**
   * Writes the index to disk if it changed since the last save (atomically;
   * see `writeStoredIndex`). Waits for a load in progress; saves run one at
   * a time. Cost grows with the library, so call it after a quiet delay and
   * on stop, not after every change.
   */
  save(): Promise<void> {
    this.saving = this.saving.then(() => this.writeNow());
    return this.saving;
  }

  private async writeNow(): Promise<void> {
    await this.loaded;
    if (this.changes === this.savedChanges) return;
    const at = this.changes;
    const indexJson = JSON.stringify(this.mini);
    const docsJson = JSON.stringify({
      articles: [...this.articles.values()],
      highlights: [...this.highlights.values()],
    });
    await writeStoredIndex(this.dir, indexJson, docsJson);
    this.savedChanges = at;
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
    this.articles.clear();
    this.highlights.clear();
    this.highlightsByArticle.clear();
    for (const article of stored.docs.articles) this.articles.set(article.id, article);
    for (const highlight of stored.docs.highlights) this.addHighlightEntry(highlight);
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
      for (const id of [...(this.highlightsByArticle.get(meta.id) ?? [])]) this.dropHighlight(id);
      for (const annotation of live) if (!annotation.deleted) this.putHighlight(annotation);
      this.applyMeta(meta);
    } catch {
      this.forgetFingerprint(meta.id);
    }
  }

  /** Makes the next open re-read an article that could not be read now. */
  private forgetFingerprint(articleId: string): void {
    const entry = this.articles.get(articleId);
    if (entry) entry.contentHash = '';
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
    const entry: IndexedArticle = {
      id: meta.id,
      title: meta.title,
      author: meta.author,
      tags: [...meta.tags],
      foldedTags: meta.tags.map(foldTag),
      contentHash: meta.contentHash,
      updatedAt: meta.updatedAt,
      highlightCount: meta.highlightCount,
      text: content.text,
      passages: splitPassages(content.text, content.blocks, PASSAGE_TARGET).map(({ start, end }) => ({
        start,
        end,
        folded: fold(content.text.slice(start, end)),
      })),
    };
    this.articles.set(meta.id, entry);
    this.mini.add(metaDoc(entry));
    entry.passages.forEach((passage, i) =>
      this.mini.add({ id: passageDocId(meta.id, i), text: passage.folded }),
    );
    for (const annotation of annotations) if (!annotation.deleted) this.putHighlight(annotation);
    this.changes++;
  }

  private dropArticle(articleId: string): void {
    const entry = this.articles.get(articleId);
    if (!entry) return;
    for (const id of [...(this.highlightsByArticle.get(articleId) ?? [])]) this.dropHighlight(id);
    this.mini.discard(metaDocId(articleId));
    entry.passages.forEach((_, i) => this.mini.discard(passageDocId(articleId, i)));
    this.articles.delete(articleId);
    this.changes++;
  }

  private putHighlight(annotation: Annotation): void {
    this.dropHighlight(annotation.id);
    const entry: IndexedHighlight = {
      id: annotation.id,
      articleId: annotation.articleId,
      color: annotation.color,
      start: annotation.target.position.start,
      end: annotation.target.position.end,
      quote: annotation.target.quote.exact,
      note: annotation.note,
      tags: [...annotation.tags],
      foldedQuote: fold(annotation.target.quote.exact),
      foldedNote: fold(annotation.note),
      foldedTags: annotation.tags.map(foldTag),
    };
    this.addHighlightEntry(entry);
    this.mini.add({
      id: highlightDocId(entry.id),
      quote: entry.foldedQuote,
      note: entry.foldedNote,
      labels: entry.foldedTags.join(' '),
    });
    this.changes++;
  }

  private addHighlightEntry(entry: IndexedHighlight): void {
    this.highlights.set(entry.id, entry);
    let ids = this.highlightsByArticle.get(entry.articleId);
    if (!ids) this.highlightsByArticle.set(entry.articleId, (ids = new Set()));
    ids.add(entry.id);
  }

  private dropHighlight(id: string): void {
    const entry = this.highlights.get(id);
    if (!entry) return;
    this.mini.discard(highlightDocId(id));
    this.highlights.delete(id);
    this.highlightsByArticle.get(entry.articleId)?.delete(id);
    this.changes++;
  }

  private collectMatches(query: ParsedQuery, collector: GroupCollector): void {
    const fields = SCOPE_FIELDS[query.scope];
    const queries = [];
    if (query.terms.length > 0) {
      queries.push({
        queries: [query.terms.join(' ')],
        prefix: (_term: string, i: number, terms: string[]) => query.prefixLast && i === terms.length - 1,
        fuzzy: (term: string) => (term.length >= FUZZY_MIN_LENGTH ? 1 : false),
      });
    }
    for (const phrase of query.phrases)
      queries.push({ queries: [phrase.join(' ')], prefix: false, fuzzy: false });
    const phrasePatterns = query.phrases.map((phrase) => wordsPattern([phrase]));
    const hasPhrases = (texts: FieldText[]) =>
      phrasePatterns.every((pattern) => texts.some(({ folded }) => occurs(pattern, folded)));
    for (const result of this.mini.search({ combineWith: 'AND', fields, queries })) {
      const ref = parseDocId(String(result.id));
      if (ref.kind === 'highlight') {
        const highlight = this.highlights.get(ref.annotationId);
        if (!highlight || !this.passesFilters(query, highlight.articleId, highlight)) continue;
        const texts = highlightFields(highlight, fields);
        if (!hasPhrases(texts)) continue;
        const matched = matchedFields(result);
        const best = texts.find(({ field }) => matched.has(field)) ?? texts[0];
        if (!best) continue;
        collector.add(highlight.articleId, () => ({
          ...highlightTarget(highlight),
          kind: best.kind,
          score: result.score,
          snippet: cutSnippet(best.text, best.folded, snippetPattern(query, result)).snippet,
        }));
        continue;
      }
      if (query.colors.length > 0 || !this.passesFilters(query, ref.articleId)) continue;
      const article = this.articles.get(ref.articleId);
      if (!article) continue;
      if (ref.kind === 'passage') {
        const passage = article.passages[ref.index];
        if (!passage || !phrasePatterns.every((pattern) => occurs(pattern, passage.folded))) continue;
        collector.add(article.id, () => {
          const text = article.text.slice(passage.start, passage.end);
          const { snippet, start, end } = cutSnippet(text, passage.folded, snippetPattern(query, result));
          return {
            kind: 'text',
            score: result.score,
            snippet,
            start: passage.start + start,
            end: passage.start + end,
          };
        });
        continue;
      }
      const texts = metaFields(article, fields);
      if (!hasPhrases(texts)) continue;
      const matched = matchedFields(result);
      for (const { field, kind, text, folded } of texts) {
        if (!matched.has(field)) continue;
        collector.add(article.id, () => ({
          kind,
          score: result.score,
          snippet: cutSnippet(text, folded, snippetPattern(query, result)).snippet,
        }));
      }
    }
  }

  /** Lists what filters alone select: articles with the tags, and highlights of the colours and tags. */
  private collectFiltered(query: ParsedQuery, collector: GroupCollector): void {
    const byTitle = [...this.articles.values()].sort((a, b) => a.title.localeCompare(b.title, 'vi'));
    const tagPattern = wordsPattern(query.tags.map((tag) => tag.split(' ')));
    const listArticles = query.scope === 'all' && query.colors.length === 0 && query.tags.length > 0;
    for (const article of byTitle) {
      if (listArticles && query.tags.every((tag) => article.foldedTags.includes(tag))) {
        const tags = metaFields(article, ['tags'])[0];
        if (tags) {
          collector.add(article.id, () => ({
            kind: 'tag',
            score: 0,
            snippet: cutSnippet(tags.text, tags.folded, tagPattern).snippet,
          }));
        }
      }
      if (query.scope === 'text') continue;
      const inArticle = [...(this.highlightsByArticle.get(article.id) ?? [])]
        .map((id) => this.highlights.get(id))
        .filter((highlight) => highlight !== undefined)
        .sort((a, b) => a.start - b.start);
      for (const highlight of inArticle) {
        if (!this.passesFilters(query, article.id, highlight)) continue;
        collector.add(article.id, () => ({
          ...highlightTarget(highlight),
          kind: 'quote',
          score: 0,
          snippet: cutSnippet(highlight.quote, highlight.foldedQuote, tagPattern).snippet,
        }));
      }
    }
  }

  private passesFilters(query: ParsedQuery, articleId: string, highlight?: IndexedHighlight): boolean {
    if (query.colors.length > 0 && !(highlight && query.colors.includes(highlight.color))) return false;
    if (query.tags.length === 0) return true;
    const articleTags = this.articles.get(articleId)?.foldedTags ?? [];
    return query.tags.every((tag) => articleTags.includes(tag) || highlight?.foldedTags.includes(tag));
  }
}

/** Collects hits into groups by article in score order: the first `limit` articles, their best hits. */
class GroupCollector {
  private readonly groups = new Map<string, { hits: PendingHit[]; hitCount: number }>();
  private total = 0;

  constructor(
    private readonly articles: Map<string, IndexedArticle>,
    private readonly limit: number,
  ) {}

  add(articleId: string, hit: PendingHit): void {
    this.total++;
    let group = this.groups.get(articleId);
    if (!group) {
      if (this.groups.size >= this.limit) return;
      this.groups.set(articleId, (group = { hits: [], hitCount: 0 }));
    }
    group.hitCount++;
    if (group.hits.length < HITS_PER_GROUP) group.hits.push(hit);
  }

  results(): Omit<SearchResults, 'tookMs'> {
    const groups: SearchResultGroup[] = [];
    for (const [articleId, group] of this.groups) {
      const article = this.articles.get(articleId);
      if (!article) continue;
      groups.push({
        article: { id: article.id, title: article.title, author: article.author },
        hits: group.hits.map((make) => make()),
        hitCount: group.hitCount,
      });
    }
    return { total: this.total, groups };
  }
}

/**
 * Builds MiniSearch from its saved JSON and checks it holds exactly the saved documents.
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
  const { articles, highlights } = stored.docs;
  const expected = articles.reduce((n, article) => n + 1 + article.passages.length, 0) + highlights.length;
  if (mini.documentCount !== expected) {
    throw new DamagedIndexError(`the index holds ${mini.documentCount} documents, not ${expected}.`);
  }
  return mini;
}

function metaDoc(entry: IndexedArticle): IndexDoc {
  return {
    id: metaDocId(entry.id),
    title: fold(entry.title),
    author: fold(entry.author ?? ''),
    tags: entry.foldedTags.join(' '),
  };
}

function highlightTarget(
  highlight: IndexedHighlight,
): Pick<SearchHit, 'annotationId' | 'color' | 'start' | 'end'> {
  return { annotationId: highlight.id, color: highlight.color, start: highlight.start, end: highlight.end };
}

/** One searchable field of a document: the index field, the hit kind it gives, its text and `fold(text)`. */
interface FieldText {
  field: Field;
  kind: SearchHitKind;
  text: string;
  folded: string;
}

function fieldText(field: Field, kind: SearchHitKind, text: string, folded = fold(text)): FieldText {
  return { field, kind, text, folded };
}

/** The article's title, author and tags, those of them searched by `fields`. */
function metaFields(article: IndexedArticle, fields: Field[]): FieldText[] {
  const texts = [fieldText('title', 'title', article.title)];
  if (article.author) texts.push(fieldText('author', 'author', article.author));
  if (article.tags.length > 0) texts.push(fieldText('tags', 'tag', article.tags.join(', ')));
  return texts.filter(({ field }) => fields.includes(field));
}

/** The highlight's note, quote and tags, those of them searched by `fields`, in the order a hit prefers them. */
function highlightFields(highlight: IndexedHighlight, fields: Field[]): FieldText[] {
  const texts = [
    fieldText('note', 'note', highlight.note, highlight.foldedNote),
    fieldText('quote', 'quote', highlight.quote, highlight.foldedQuote),
    fieldText('labels', 'tag', highlight.tags.join(', ')),
  ];
  return texts.filter(({ field }) => fields.includes(field));
}

function matchedFields(result: SearchResult): Set<Field> {
  return new Set(Object.values(result.match).flat() as Field[]);
}

/** What to mark in a snippet: the phrases, and the words of the document that matched (prefix and typo matches included). */
function snippetPattern(query: ParsedQuery, result: SearchResult): RegExp {
  return wordsPattern([...query.phrases, ...result.terms.map((term) => [term])]);
}

function occurs(pattern: RegExp, folded: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(folded);
}
