import type { AppInfo } from '../../shared/types';
import { createDispatch, type Dispatch, type Handlers } from '../rpc';
import { annotationHandlers } from './annotations';
import { appHandlers } from './app';
import { exportHandlers } from './export';
import { libraryHandlers } from './library/handlers';
import { LibraryService } from './library/library-service';
import { watchArticles } from './library/watcher';
import { searchHandlers } from './search/handlers';
import { SearchService } from './search/search-service';
import { runEveryStep } from './stop';
import { LibraryStore } from './store';

export interface ServicesOptions {
  /** Absolute path of the library folder. */
  libraryPath: string;
  host: AppInfo['host'];
  /** Watch `articles/` for files changed on disk (default true; the CLI's one-shot commands turn it off). */
  watch?: boolean;
}

/** Every domain service of one library, wired to the API contract. */
export interface Services {
  handlers: Handlers;
  dispatch: Dispatch;
  /**
   * Flushes pending writes first, then closes the watcher, saves the search index and releases the
   * library, each step even if an earlier one failed (the first failure is rethrown). Safe to call twice.
   */
  stop(): Promise<void>;
}

/**
 * The annotation handlers, keeping the search index in step with every
 * change to highlights (edits, undo/redo, tag renames and deletions).
 */
function searchedAnnotationHandlers(store: LibraryStore, search: SearchService) {
  const handlers = annotationHandlers(store);
  const reindexArticle = async (articleId: string) =>
    search.replaceAnnotations(articleId, await store.listAnnotations(articleId));
  const reindexAll = async () => {
    for (const article of store.listArticles()) await reindexArticle(article.id);
  };
  return {
    ...handlers,
    createAnnotation: async (params: Parameters<typeof handlers.createAnnotation>[0]) => {
      const created = await handlers.createAnnotation(params);
      search.indexAnnotation(created);
      return created;
    },
    reattachAnnotation: async (params: Parameters<typeof handlers.reattachAnnotation>[0]) => {
      const placed = await handlers.reattachAnnotation(params);
      search.indexAnnotation(placed);
      return placed;
    },
    updateAnnotation: async (params: Parameters<typeof handlers.updateAnnotation>[0]) => {
      const updated = await handlers.updateAnnotation(params);
      search.indexAnnotation(updated);
      return updated;
    },
    deleteAnnotation: async (params: Parameters<typeof handlers.deleteAnnotation>[0]) => {
      const deleted = await handlers.deleteAnnotation(params);
      search.removeAnnotation(deleted.id);
      return deleted;
    },
    undo: async () => {
      const outcome = await handlers.undo({});
      if (outcome) await (outcome.articleId ? reindexArticle(outcome.articleId) : reindexAll());
      return outcome;
    },
    redo: async () => {
      const outcome = await handlers.redo({});
      if (outcome) await (outcome.articleId ? reindexArticle(outcome.articleId) : reindexAll());
      return outcome;
    },
    renameTag: async (params: Parameters<typeof handlers.renameTag>[0]) => {
      const touched = await store.listAnnotationsByTag(params.from);
      const tag = await handlers.renameTag(params);
      for (const articleId of new Set(touched.map((a) => a.articleId))) await reindexArticle(articleId);
      for (const article of store.listArticles()) search.updateArticleMeta(article);
      return tag;
    },
    deleteTag: async (params: Parameters<typeof handlers.deleteTag>[0]) => {
      const touched = await store.listAnnotationsByTag(params.name);
      await handlers.deleteTag(params);
      for (const articleId of new Set(touched.map((a) => a.articleId))) await reindexArticle(articleId);
      for (const article of store.listArticles()) search.updateArticleMeta(article);
    },
  };
}

/**
 * Starts the services for one library folder: opens its store, purges
 * articles deleted in an earlier session, loads or builds the search index
 * and keeps it current, and watches the article files.
 * @throws GlossError 'locked' when another process has the library open, 'newer-schema', 'io'.
 */
export async function startServices(options: ServicesOptions): Promise<Services> {
  const store = await LibraryStore.open(options.libraryPath);
  const library = new LibraryService(store);
  await library.purgeDeleted();
  const search = SearchService.start(options.libraryPath, store);
  library.listen({
    articleChanged: async (meta, content) =>
      search.indexArticle(meta, content, await store.listAnnotations(meta.id)),
    articleRemoved: (id) => search.removeArticle(id),
    articleMetaChanged: (meta) => search.updateArticleMeta(meta),
  });
  const watcher =
    options.watch === false
      ? null
      : watchArticles(options.libraryPath, library, (message) => store.addNotice(message));
  const handlers: Handlers = {
    ...appHandlers(options.host, options.libraryPath),
    ...libraryHandlers(library),
    ...searchedAnnotationHandlers(store, search),
    ...searchHandlers(search),
    ...exportHandlers(store),
  };
  let stopped: Promise<void> | undefined;
  return {
    handlers,
    dispatch: createDispatch(handlers),
    stop: () =>
      (stopped ??= runEveryStep([
        () => store.flush(),
        () => watcher?.close(),
        () => search.save(),
        () => store.close(),
      ])),
  };
}
