import { isEmptyQuery, parseQuery } from '../../../shared/search/query';
import type { Annotation } from '../../../shared/model/annotation';
import type { ArticleMeta, Block } from '../../../shared/model/article';
import type { SearchResults, SearchStatus } from '../../../shared/model/search';
import { ArticleIndex } from './article-index';
import type { SearchSource } from './source';

export type { SearchSource } from './source';
import { catchUp } from './catch-up';
import type { ArticleEntry } from './entry';
import { group } from './grouping';
import { IndexStorage } from './index-storage';
import { indexDir } from './persist';
import { planQuery } from './query-plan';
import { listing, rank } from './ranking';

/** Options of `SearchService.open`. */
export interface SearchOpenOptions {
  /** Called as articles are (re)indexed: `done` of `total`. */
  onProgress?: (done: number, total: number) => void;
}

/** Article groups returned when no limit is given. */
export const DEFAULT_LIMIT = 10;

/**
 * Library-wide full-text search over article titles, authors, tags and text
 * and highlight quotes, notes and tags (MiniSearch, Vietnamese folding).
 * Kept current by the library through `indexArticle`, `indexAnnotation`,
 * their `remove…` twins and `updateArticleMeta`; persisted under
 * `<cacheDir>/search/` (this computer's cache folder of the library, see
 * LibraryStore.cacheDir) by `save()`.
 */
export class SearchService {
  private readonly storage: IndexStorage;
  private readonly index: ArticleIndex;
  /** Articles changed through the public methods while a background pass runs; it re-reads them. */
  private readonly touchedDuringPass = new Set<string>();
  private passRunning = false;
  private progress: SearchStatus = { state: 'building', done: 0, total: 0 };
  private saving: Promise<void> = Promise.resolve();
  private loaded: Promise<void> = Promise.resolve();
  private finished: Promise<void> = Promise.resolve();

  private constructor(
    dir: string,
    private readonly source: SearchSource,
  ) {
    this.storage = new IndexStorage(
      dir,
      (id, contentHash, start, end) => source.readCachedText(id, contentHash, start, end),
      (entry) => this.index.markStale(entry),
    );
    this.index = new ArticleIndex(this.storage);
  }

  /**
   * Loads the persisted index from `<cacheDir>/search/` if it is there
   * and valid, then brings it up to date: articles added, removed or changed
   * since it was saved are re-read from `source`; without a usable index
   * every article is read. A damaged index is moved aside (to
   * `v3.damaged`) and rebuilt. Resolves when the index is complete.
   *
   * @throws whatever `source.listArticles` throws; an article whose content
   *   or highlights cannot be read is left out until the next open.
   */
  static async open(
    cacheDir: string,
    source: SearchSource,
    options: SearchOpenOptions = {},
  ): Promise<SearchService> {
    const service = SearchService.start(cacheDir, source, options);
    await service.whenReady();
    return service;
  }

  /**
   * Like `open`, but returns at once with `status.state` 'building' while
   * the index loads and catches up in the background; `whenReady()` tells
   * when it is done. Searches meanwhile see what is indexed so far.
   */
  static start(cacheDir: string, source: SearchSource, options: SearchOpenOptions = {}): SearchService {
    const service = new SearchService(indexDir(cacheDir), source);
    service.passRunning = true;
    service.loaded = service.storage.load().then(async (loaded) => {
      if (!loaded) return;
      try {
        service.index.install(loaded);
      } catch {
        await service.storage.discard();
      }
    });
    service.finished = service.loaded
      .then(() =>
        catchUp(service.index, source, service.touchedDuringPass, (done, total) => {
          service.progress = { state: 'building', done, total };
          options.onProgress?.(done, total);
        }),
      )
      .finally(() => {
        service.passRunning = false;
        service.progress = { ...service.progress, state: 'ready' };
      });
    service.finished
      .then(() => service.storage.preloadForms(() => service.index.articles.values()))
      .catch(() => undefined);
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
    this.index.put(meta, content, annotations);
  }

  /** Drops an article and its highlights from the index; unknown ids are ignored. */
  removeArticle(articleId: string): void {
    this.touch(articleId);
    this.index.drop(articleId);
  }

  /**
   * Indexes a highlight (quote, note, tags, colour), replacing its earlier
   * version; a tombstoned one is removed. Ignored while its article is not
   * indexed (the article brings its highlights when it is).
   */
  indexAnnotation(annotation: Annotation): void {
    this.touch(annotation.articleId);
    this.index.putHighlight(annotation);
  }

  /**
   * Makes the index hold exactly `annotations` (the live ones) for one
   * article: after an undo, a redo or a tag change touched several at once.
   */
  replaceAnnotations(articleId: string, annotations: Annotation[]): void {
    const entry = this.index.articles.get(articleId);
    if (!entry) return;
    this.touch(articleId);
    this.index.setHighlights(entry, annotations);
  }

  /** Drops a highlight from the index; unknown ids are ignored. */
  removeAnnotation(id: string): void {
    const articleId = this.index.ownerOf(id);
    if (articleId) this.touch(articleId);
    this.index.removeHighlight(id);
  }

  /**
   * Re-indexes an article's title, author and tags. A deleted article is
   * removed. A changed content hash is not indexed here (there is no text):
   * pass the content to `indexArticle`.
   */
  updateArticleMeta(meta: ArticleMeta): void {
    this.touch(meta.id);
    if (meta.deleted) this.index.drop(meta.id);
    else this.index.applyMeta(meta);
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
    const plan = planQuery(parseQuery(input), this.index.vocabulary);
    const { index, storage } = this;
    const view = {
      mini: index.mini,
      docs: index.docs,
      article: (id: string) => index.articles.get(id),
      tagKey: index.tagKey,
      formOf: (entry: ArticleEntry) => storage.formOf(entry),
      textAt: (entry: ArticleEntry, start: number, end: number) => storage.textAt(entry, start, end),
    };
    const ranked =
      plan.items.length > 0
        ? rank(view, plan)
        : isEmptyQuery(plan.query)
          ? []
          : listing(index.byTitle(), plan.query, index.tagKey);
    const groups = ranked.slice(0, limit).map((entry) => group(view, entry, plan));
    return { total: ranked.length, groups, tookMs: performance.now() - started };
  }

  /**
   * Writes what changed since the last save to disk: the changed articles
   * appended to the index's log, or the whole index when there is no saved
   * one yet or the log has grown long (see IndexStorage.save). Waits for a
   * load in progress; saves run one at a time. Cost grows with the changes,
   * except for the occasional whole save.
   *
   * @throws fs errors (ENOSPC, EACCES...); the next save then writes the whole index.
   */
  save(): Promise<void> {
    this.saving = this.saving.then(() => this.writeNow());
    return this.saving;
  }

  private async writeNow(): Promise<void> {
    await this.loaded;
    await this.storage.save(this.index);
  }

  private touch(articleId: string): void {
    if (this.passRunning) this.touchedDuringPass.add(articleId);
  }
}
